// Group commit for the hot insert path. Prisma's per-query cost (its query compiler runs on every call,
// ~0.3–0.8 ms for a create carrying JSON here) dwarfs the write itself, so rows that arrive while a write is
// in flight are inserted together in one multi-row INSERT. Each caller's promise settles only after the
// statement that holds its row has committed: nothing is acknowledged before it is stored.
import { Prisma } from './generated/sqlite/client.ts';
import type { Db } from './client.ts';
import type { Provider } from './url.ts';

/** `{ json }` is serialized here; `{ jsonText }` is JSON the caller has already serialized (and reuses). */
type Value = string | number | boolean | null | Date | { json: unknown } | { jsonText: string };

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
    if (v !== null && typeof v === 'object') {
      const text = 'jsonText' in v ? v.jsonText : JSON.stringify(v.json);
      return provider === 'sqlite' ? Prisma.sql`${text}` : Prisma.sql`${text}::jsonb`;
    }
    if (typeof v === 'boolean' && provider === 'sqlite') return Prisma.sql`${v ? 1 : 0}`;
    return Prisma.sql`${v}`;
  };

  async function drain(): Promise<void> {
    running = true;
    while (queue.length) {
      const batch = queue.splice(0, MAX_ROWS);
      const rows = batch.map((p) => Prisma.sql`(${Prisma.join(p.values.map(param))})`);
      try {
        await prisma.$executeRaw`${head}${Prisma.join(rows)}`;
        for (const p of batch) p.resolve();
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
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
