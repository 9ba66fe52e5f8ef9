// The SQLite hot-insert connection: what it stores Prisma sees at once; a refused row is reported alone and the
// rest are stored; when another connection holds the write lock it stores nothing and says so without waiting.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_COLUMNS as COLUMNS } from '../../server/db/assessments.ts';
import { sqlitePath } from '../../server/db/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

const row = (id = randomUUID()) => [id, null, 'national', 2026, 1, 'score', 90, '2026.1', '{"a":1}', '{"b":2}', new Date().toISOString()];

describe('SQLite direct writer', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
  });
  afterAll(() => t?.drop());

  it('stores a batch in one transaction that Prisma reads back', async () => {
    const rows = [row(), row(), row()];
    expect(t.db.direct!.insert('Assessment', COLUMNS, rows)).toEqual([]);
    const found = await t.db.prisma.assessment.findMany({ where: { id: { in: rows.map((r) => r[0] as string) } } });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatchObject({ qualified: true, total: 90, input: { a: 1 }, result: { b: 2 } });
  });

  it('reports a refused row alone and stores the others', async () => {
    const taken = randomUUID();
    expect(t.db.direct!.insert('Assessment', COLUMNS, [row(taken)])).toEqual([]);
    const rows = [row(), row(taken), row()];
    expect(t.db.direct!.insert('Assessment', COLUMNS, rows)).toEqual([1]);
    expect(await t.db.prisma.assessment.count({ where: { id: { in: [rows[0]![0] as string, rows[2]![0] as string] } } })).toBe(2);
  });

  it('stores nothing, at once, while another connection holds the write lock', async () => {
    const other = new Database(sqlitePath(t.url));
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const rows = [row(), row()];
      expect(t.db.direct!.insert('Assessment', COLUMNS, rows)).toEqual([0, 1]);
      expect(Date.now() - started).toBeLessThan(1000);
      other.exec('ROLLBACK');
      expect(await t.db.prisma.assessment.count({ where: { id: { in: rows.map((r) => r[0] as string) } } })).toBe(0);
    } finally {
      other.close();
    }
  });
});
