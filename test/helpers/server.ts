// The real API on an ephemeral port over a real database, for tests that speak HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export interface TestServer extends RunningServer {
  database: TestDatabase;
  stop(): Promise<void>;
}

export async function startTestServer(
  provider: 'sqlite' | 'postgresql',
  overrides: Partial<Config> = {},
): Promise<TestServer> {
  const database = await openTestDatabase(provider);
  // Each server its own upload folder (the start-up sweep owns it); request rates off unless the test sets them,
  // since a suite sends more from 127.0.0.1 than one person would.
  const uploads = mkdtempSync(join(tmpdir(), 'kexiao-uploads-'));
  const base = loadConfig({});
  const config = loadConfig({}, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    logLevel: 'silent',
    uploadDir: uploads,
    shutdownGraceSeconds: 2,
    ...overrides,
    limits: { ...base.limits, ratesOn: false, ...overrides.limits },
  });
  const running = await startServer(config, { db: database.db, logger: pino({ level: 'silent' }) });
  return {
    ...running,
    database,
    async stop() {
      await running.close();
      await database.drop().catch(() => {});
      if (!overrides.uploadDir) rmSync(uploads, { recursive: true, force: true });
    },
  };
}

/** A response body as JSON, loosely typed: tests assert its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (res: Response): Promise<any> => res.json();
