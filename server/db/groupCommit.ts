// Group commit for the hot insert path. Prisma's per-query cost (its query compiler runs on every call,
// ~0.3–0.8 ms for a create carrying JSON here) dwarfs the write itself, so rows that arrive while a write is
// in flight are inserted together in one multi-row INSERT. Each caller's promise settles only after the
// statement that holds its row has committed: nothing is acknowledged before it is stored, and a row the
// database refuses fails its own request only.
import { Prisma } from './generated/sqlite/client.ts';
import type { Db } from './client.ts';
import type { Provider } from './url.ts';

type Value = string | number | boolean | null | Date | { json: unknown };

interface Pending {
  values: Value[];
  resolve(): void;
  reject(e: unknown): void;
}

/** Largest batch: keeps the statement under SQLite's 32766 bound parameters whatever the column count. */
const MAX_ROWS = 500;

export function groupCommitInserter(prisma: Db, provider: Provider, table: string, columns: readonly string[]) {
  const queue: Pending[] = [];
  let running = false;
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `);

  const param = (v: Value): Prisma.Sql => {
    if (v instanceof Date) return provider === 'sqlite' ? Prisma.sql`${v.toISOString()}` : Prisma.sql`${v}::timestamp(3)`;
    if (v !== null && typeof v === 'object')
      return provider === 'sqlite' ? Prisma.sql`${JSON.stringify(v.json)}` : Prisma.sql`${JSON.stringify(v.json)}::jsonb`;
    if (typeof v === 'boolean' && provider === 'sqlite') return Prisma.sql`${v ? 1 : 0}`;
    return Prisma.sql`${v}`;
  };

  const insertAll = async (batch: Pending[]): Promise<void> => {
    const rows = batch.map((p) => Prisma.sql`(${Prisma.join(p.values.map(param))})`);
    try {
      await prisma.$executeRaw`${head}${Prisma.join(rows)}`;
      for (const p of batch) p.resolve();
    } catch (e) {
      if (batch.length === 1) return batch[0]!.reject(e);
      // One row the database refuses fails the whole statement: halve until it is alone, so that only its own
      // request fails and the others are stored (a few statements more, and only when a row is bad).
      const mid = batch.length >> 1;
      await insertAll(batch.slice(0, mid));
      await insertAll(batch.slice(mid));
    }
  };

  async function drain(): Promise<void> {
    running = true;
    while (queue.length) await insertAll(queue.splice(0, MAX_ROWS));
    running = false;
  }

  return {
    insert(values: Value[]): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ values, resolve, reject });
        // Yield once so that requests already parsed in this turn of the event loop join the batch.
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
