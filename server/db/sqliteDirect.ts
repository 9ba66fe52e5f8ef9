// The hot insert on SQLite without Prisma: a second connection to the same file (WAL), one prepared statement, a
// batch in one transaction. Through Prisma a one-row raw insert costs ~300 µs of CPU here, this way ~60 µs
// (docs/performance.md). It never waits and never decides an error: its busy timeout is 0, and when another
// connection holds the write lock, a row is refused (constraint, trigger) or anything else goes wrong, it reports
// the rows it did not store and the caller sends those through Prisma, whose waiting and errors are the rules.
import type { Database as Connection, Statement } from 'better-sqlite3';

export type Plain = string | number | null;

export interface DirectWriter {
  /** Inserts the rows in one committed transaction; returns the indexes of the rows it did not store. */
  insert(table: string, columns: readonly string[], rows: Plain[][]): number[];
  close(): void;
}

export async function openDirectWriter(file: string): Promise<DirectWriter> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db: Connection = new Sqlite(file, { timeout: 0 });
  const statements = new Map<string, Statement>();
  const statement = (table: string, columns: readonly string[]) => {
    const key = `${table}(${columns.join(',')})`;
    let s = statements.get(key);
    if (!s) {
      s = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      statements.set(key, s);
    }
    return s;
  };
  return {
    insert(table, columns, rows) {
      const s = statement(table, columns);
      const refused: number[] = [];
      try {
        db.transaction(() => {
          rows.forEach((row, i) => {
            try {
              s.run(row);
            } catch (e) {
              // A refused row aborts its own statement only; anything that ended the transaction aborts it all.
              if (!db.inTransaction || !String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw e;
              refused.push(i);
            }
          });
        }).immediate();
      } catch {
        return rows.map((_, i) => i); // rolled back: nothing of this batch is stored
      }
      return refused;
    },
    close: () => db.close(),
  };
}
