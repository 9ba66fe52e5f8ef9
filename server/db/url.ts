// Where the data lives: SQLite file by default (no server needed), PostgreSQL for production.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout: the nearest folder above this module with a package.json (server/db/ run from source, dist/server/db/ built). */
export const REPO_ROOT = (function rootOf(dir: string): string {
  if (existsSync(resolve(dir, 'package.json')) || dirname(dir) === dir) return dir;
  return rootOf(dirname(dir));
})(fileURLToPath(new URL('.', import.meta.url)));
export const DEFAULT_SQLITE_URL = `file:${resolve(REPO_ROOT, 'data/kexiao.db')}`;

export type Provider = 'sqlite' | 'postgresql';

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_SQLITE_URL;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL 不支持：只接受 file:（SQLite）或 postgresql://（PostgreSQL）`);
}
