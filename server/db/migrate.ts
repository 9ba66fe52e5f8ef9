// Creates or upgrades the schema on start from the committed SQL in prisma/<provider>/migrations, so a fresh
// DATABASE_URL works without another step. Each migration runs once, in its own transaction, recorded with
// its checksum; a changed migration that was already applied is refused rather than silently skipped.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, providerOf, type Provider } from './url.ts';

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsOf(provider: Provider): Migration[] {
  const dir = join(REPO_ROOT, 'prisma', provider, 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "kexiao_migrations" (
  "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`;

function checkUnchanged(m: Migration, applied: Map<string, string>): boolean {
  const seen = applied.get(m.name);
  if (seen === undefined) return false;
  if (seen !== m.checksum) throw new Error(`migration ${m.name} changed after it was applied`);
  return true;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const provider = providerOf(url);
  return provider === 'sqlite' ? migrateSqlite(url) : migratePostgres(url);
}

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}

async function migrateSqlite(url: string): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(sqlitePath(url));
  try {
    db.pragma('journal_mode = WAL');
    db.exec(LEDGER);
    const applied = new Map(
      (db.prepare('SELECT name, checksum FROM kexiao_migrations').all() as { name: string; checksum: string }[]).map(
        (r) => [r.name, r.checksum],
      ),
    );
    const done: string[] = [];
    for (const m of migrationsOf('sqlite')) {
      if (checkUnchanged(m, applied)) continue;
      // IMMEDIATE takes the write lock first, so two processes starting together cannot both apply it.
      db.transaction(() => {
        if (db.prepare('SELECT 1 FROM kexiao_migrations WHERE name = ?').get(m.name)) return;
        db.exec(m.sql);
        db.prepare('INSERT INTO kexiao_migrations VALUES (?, ?, ?)').run(m.name, m.checksum, new Date().toISOString());
        done.push(m.name);
      }).immediate();
    }
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across processes (several API instances may start together).
    await client.query('SELECT pg_advisory_lock(762461)');
    await client.query(LEDGER);
    const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM kexiao_migrations');
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const done: string[] = [];
    for (const m of migrationsOf('postgresql')) {
      if (checkUnchanged(m, applied)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO kexiao_migrations VALUES ($1, $2, $3)', [m.name, m.checksum, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock(762461)').catch(() => {});
    await client.end();
  }
}
