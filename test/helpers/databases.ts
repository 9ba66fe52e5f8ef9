// Real databases for tests: a fresh SQLite file, and a fresh PostgreSQL database on the local server
// (KEXIAO_TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/client.ts';

export interface TestDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

export const PG_ADMIN_URL = process.env.KEXIAO_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database URL for the provider (nothing opened yet). */
export async function freshDatabaseUrl(provider: 'sqlite' | 'postgresql'): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kexiao-test-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  // KEXIAO_TEST_PG_PREFIX: an engineer's own prefix when several run tests on one server.
  const name = `${process.env.KEXIAO_TEST_PG_PREFIX ?? 'kexiao_test_'}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(provider: 'sqlite' | 'postgresql'): Promise<TestDatabase> {
  const fresh = await freshDatabaseUrl(provider);
  const db = await openDatabase(fresh.url);
  return {
    url: fresh.url,
    db,
    async drop() {
      await db.close();
      await fresh.drop();
    },
  };
}

export const PROVIDERS = ['sqlite', 'postgresql'] as const;
