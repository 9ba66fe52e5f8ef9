// Where the data lives: SQLite file by default (no server needed), PostgreSQL for production.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
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
