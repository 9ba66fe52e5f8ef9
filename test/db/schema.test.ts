// Migrations are hand-written SQL (Prisma's schema engine cannot be downloaded here), so this checks them
// against the Prisma data model on both databases, and checks the migrator itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrate, migrationsOf, sqlitePath } from '../../server/db/migrate.ts';
import { freshDatabaseUrl, openTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.ts';

type DataModel = { models: Record<string, { fields: { name: string; kind: string; dbName?: string | null }[]; dbName: string | null }> };

async function columnsOf(t: TestDatabase, table: string): Promise<string[]> {
  const rows =
    t.db.provider === 'sqlite'
      ? await t.db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${table}')`)
      : await t.db.prisma.$queryRawUnsafe<{ name: string }[]>(
          `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
          table,
        );
  return rows.map((r) => r.name).sort();
}

describe.each(PROVIDERS)('schema on %s', (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(provider);
  });
  afterAll(() => t?.drop());

  it('has a table with exactly the columns of every Prisma model', async () => {
    const model = (t.db.prisma as unknown as { _runtimeDataModel: DataModel })._runtimeDataModel;
    const names = Object.keys(model.models);
    expect(names).toContain('Assessment');
    for (const name of names) {
      const m = model.models[name]!;
      const expected = m.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => f.dbName ?? f.name).sort();
      expect(await columnsOf(t, m.dbName ?? name), name).toEqual(expected);
    }
  });

  it('applies each migration once, and again on a second start applies nothing', async () => {
    expect(await migrate(t.url)).toEqual([]);
  });
});

describe.each(PROVIDERS)('migrator on %s', (provider) => {
  it('migrates concurrently started processes once, and refuses a changed migration', async () => {
    const fresh = await freshDatabaseUrl(provider);
    try {
      const results = await Promise.all([migrate(fresh.url), migrate(fresh.url), migrate(fresh.url)]);
      const applied = results.flat();
      expect(applied.sort()).toEqual(migrationsOf(provider).map((m) => m.name).sort());
      const first = migrationsOf(provider)[0]!.name;
      if (provider === 'sqlite') {
        const db = new Database(sqlitePath(fresh.url));
        db.prepare('UPDATE kexiao_migrations SET checksum = ? WHERE name = ?').run('tampered', first);
        db.close();
      } else {
        const c = new pg.Client({ connectionString: fresh.url });
        await c.connect();
        await c.query('UPDATE kexiao_migrations SET checksum = $1 WHERE name = $2', ['tampered', first]);
        await c.end();
      }
      await expect(migrate(fresh.url)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await fresh.drop();
    }
  });
});
