// Starts the API: open (and migrate) the database, build the app, listen, and close cleanly on a signal.
import type { Server } from 'node:http';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { createDeps, type AppDeps } from './deps.ts';
import { createApp } from './http/app.ts';

export interface RunningServer {
  server: Server;
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Written asynchronously: a log line is queued, not waited for, so no request waits on the log's write. */
export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: undefined, redact: ['req.headers.authorization'] }, pino.destination({ dest: 1, sync: false }));
}

export async function startServer(config: Config, opts: { logger?: Logger; db?: Database } = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config);
  const db = opts.db ?? (await openDatabase(config.databaseUrl));
  const deps = createDeps(config, db, logger);
  const app = createApp(deps);
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, database: db.provider }, 'kexiao API listening');
  return {
    server,
    url,
    deps,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.close();
    },
  };
}
