// The real API on an ephemeral port over a real database, for tests that speak HTTP.
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
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', databaseUrl: database.url, logLevel: 'silent', ...overrides });
  const running = await startServer(config, { db: database.db, logger: pino({ level: 'silent' }) });
  return {
    ...running,
    database,
    async stop() {
      await running.close();
      await database.drop().catch(() => {});
    },
  };
}

/** A response body as JSON, loosely typed: tests assert its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = async (res: Response): Promise<any> => res.json();
