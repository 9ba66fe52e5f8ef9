// Starts the API: open (and migrate) the database, build the app, listen, and close gracefully: stop accepting,
// let requests and the document in hand finish within the grace period, hand back what is left, close the OCR
// workers, the rate-limit store and the database.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { devLoginOpen } from './auth/devLogin.ts';
import { openDatabase, type Database } from './db/client.ts';
import { createDeps, type AppDeps } from './deps.ts';
import { createApp } from './http/app.ts';
import { documentsOf } from './http/routes/documents.ts';

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

/** A request Node's parser refused (bad request line, headers too large): still a JSON answer with a code. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'HEADERS_TOO_LARGE', '请求头过大'] : [400, 'BAD_REQUEST', '请求格式不正确'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export async function startServer(config: Config, opts: { logger?: Logger; db?: Database } = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config);
  const db = opts.db ?? (await openDatabase(config.databaseUrl));
  const deps = createDeps(config, db, logger);
  if (config.redisUrl) {
    // Loaded only here: the embedded default never imports BullMQ.
    const { documentQueue } = await import('./jobs/bullmq.ts');
    deps.jobs = documentQueue(config.redisUrl, config.jobs, (err) => logger.warn({ err: (err as Error).message }, 'job queue store unavailable'));
  }
  await Promise.all([deps.rateLimiter.ready(3000), deps.jobs?.ready(3000)]);
  const app = createApp(deps);
  const server = app.listen(config.port, config.host);
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, database: db.provider }, 'kexiao API listening');
  if (devLoginOpen(config))
    logger[config.devLogin === 'on' ? 'error' : 'warn'](
      { devLogin: config.devLogin },
      'DEVELOPMENT LOGIN IS OPEN: anyone can get a session without WeChat (set WECHAT_APP_ID/SECRET or KEXIAO_DEV_LOGIN=off to close it)',
    );
  let closing: Promise<void> | undefined;
  return {
    server,
    url,
    deps,
    close() {
      return (closing ??= (async () => {
        const grace = config.shutdownGraceSeconds * 1000;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.race([stopped, sleep(grace)]);
        server.closeAllConnections();
        await stopped;
        // Closes the job queue too (deps.jobs, with REDIS_URL): it is the document service's queue.
        const { handedBack } = await documentsOf(deps).shutdown(grace);
        if (handedBack) logger.info({ handedBack }, 'documents handed back: read again on the next start');
        await deps.rateLimiter.close();
        await db.close();
      })());
    },
  };
}
