// The Prisma client for the configured database. Both providers share one data model (prisma/models), so
// their generated clients have the same shape; code is typed against the SQLite one. Only the configured
// provider's driver and client are loaded.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { migrate, sqlitePath } from './migrate.ts';
import { openDirectWriter, type DirectWriter } from './sqliteDirect.ts';
import { databaseUrl, providerOf, type Provider } from './url.ts';

export type Db = SqliteClient;

export interface Database {
  prisma: Db;
  provider: Provider;
  /** SQLite only: the hot inserts' own connection (sqliteDirect.ts). */
  direct?: DirectWriter;
  close(): Promise<void>;
}

/** Opens the database, creating and migrating its schema first. */
export async function openDatabase(url = databaseUrl()): Promise<Database> {
  const provider = providerOf(url);
  if (provider === 'sqlite') mkdirSync(dirname(sqlitePath(url)), { recursive: true });
  await migrate(url);
  const prisma = provider === 'sqlite' ? await sqliteClient(url) : await postgresClient(url);
  const direct = provider === 'sqlite' ? await openDirectWriter(sqlitePath(url)) : undefined;
  return {
    prisma,
    provider,
    direct,
    async close() {
      direct?.close();
      await prisma.$disconnect();
    },
  };
}

async function sqliteClient(url: string): Promise<Db> {
  const [{ PrismaBetterSqlite3 }, { PrismaClient }] = await Promise.all([import('@prisma/adapter-better-sqlite3'), import('./generated/sqlite/client.ts')]);
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sqlitePath(url) }) });
}

async function postgresClient(url: string): Promise<Db> {
  const [{ PrismaPg }, { PrismaClient }] = await Promise.all([import('@prisma/adapter-pg'), import('./generated/postgresql/client.ts')]);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
}
