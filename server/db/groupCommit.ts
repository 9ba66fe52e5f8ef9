// Group commit for the hot insert path. Prisma's per-query cost (its query compiler runs on every call,
// ~0.3–0.8 ms for a create carrying JSON here) dwarfs the write itself, so rows that arrive while a write is
// in flight are inserted together in one multi-row INSERT. Each caller's promise settles only after the
// statement that holds its row has committed: nothing is acknowledged before it is stored, and a row the
// database refuses fails its own request only. On SQLite a batch goes first through the direct connection
// (sqliteDirect.ts, a fifth of Prisma's CPU per row); what that did not store goes through Prisma as before.
import { Prisma } from './generated/sqlite/client.ts';
import type { Db } from './client.ts';
import type { DirectWriter, Plain } from './sqliteDirect.ts';
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

const jsonOf = (v: { json: unknown } | { jsonText: string }) => ('jsonText' in v ? v.jsonText : JSON.stringify(v.json));

/** A value as SQLite stores it (what the Prisma path binds on SQLite, too). */
const plain = (v: Value): Plain =>
  v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? (v ? 1 : 0) : v !== null && typeof v === 'object' ? jsonOf(v) : v;

export function groupCommitInserter(prisma: Db, provider: Provider, table: string, columns: readonly string[], direct?: DirectWriter) {
  const queue: Pending[] = [];
  let running = false;
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `);

  const param = (v: Value): Prisma.Sql => {
    if (provider === 'sqlite') return Prisma.sql`${plain(v)}`;
    if (v instanceof Date) return Prisma.sql`${v}::timestamp(3)`;
    if (v !== null && typeof v === 'object') return Prisma.sql`${jsonOf(v)}::jsonb`;
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
    while (queue.length) {
      const batch = queue.splice(0, MAX_ROWS);
      if (!direct) {
        await insertAll(batch);
        continue;
      }
      const left = new Set(direct.insert(table, columns, batch.map((p) => p.values.map(plain))));
      batch.forEach((p, i) => left.has(i) || p.resolve());
      if (left.size) await insertAll(batch.filter((_, i) => left.has(i)));
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
