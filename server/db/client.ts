// The Prisma client for the configured database. Both providers share one data model (prisma/models), so
// their generated clients have the same shape; code is typed against the SQLite one.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { migrate, sqlitePath } from './migrate.ts';
import { databaseUrl, providerOf, type Provider } from './url.ts';

export type Db = SqliteClient;

export interface Database {
  prisma: Db;
  provider: Provider;
  close(): Promise<void>;
}

/** Opens the database, creating and migrating its schema first. */
export async function openDatabase(url = databaseUrl()): Promise<Database> {
  const provider = providerOf(url);
  if (provider === 'sqlite') mkdirSync(dirname(sqlitePath(url)), { recursive: true });
  await migrate(url);
  const prisma =
    provider === 'sqlite'
      ? new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: sqlitePath(url) }) })
      : (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db);
  return { prisma, provider, close: () => prisma.$disconnect() };
}
