// kexiao worker [--concurrency N]: runs document jobs from the BullMQ queue on Redis (REDIS_URL), against the same
// database and file store as the API. Any number of workers on any machine. SIGTERM or SIGINT: stop taking jobs,
// let those in hand finish within KEXIAO_SHUTDOWN_GRACE_S, hand back the rest (another worker takes them), exit;
// a second signal exits at once (the jobs are then recovered from their expired locks, like after a kill).
import { z } from 'zod';
import { pino } from 'pino';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { defaultWorkers } from '../../extract/limits.ts';
import { fail, type CommandIO } from '../io.ts';
import { stopped, untilStopSignal } from '../shutdown.ts';
import { USAGE } from '../usage.ts';

export async function run(args: string[], io: CommandIO): Promise<number> {
  const i = args.indexOf('--concurrency');
  const given = i >= 0 ? args[i + 1] : undefined;
  const known = new Set(['--concurrency', ...(given ? [given] : [])]);
  if (args.some((a) => !known.has(a)) || (i >= 0 && !/^\d+$/.test(given ?? '')) || (given !== undefined && Number(given) < 1))
    return fail(io, 'USAGE', `用法：${USAGE.worker}`);
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    const detail = e instanceof z.ZodError ? e.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('；') : '';
    return fail(io, 'CONFIG', `环境变量无效${detail ? `（${detail}）` : ''}`);
  }
  if (!config.redisUrl) return fail(io, 'NO_REDIS', '未设置 REDIS_URL：嵌入式默认模式下文档在 kexiao serve 进程内识别，无需 worker');
  const logger = pino({ level: config.logLevel, base: undefined });
  const db = await openDatabase(config.databaseUrl);
  const { startWorker } = await import('../../jobs/worker.ts');
  const concurrency = given ? Number(given) : defaultWorkers();
  const worker = await startWorker(config, db, logger, { concurrency });
  io.stderr(`识别 worker 已启动（并发 ${concurrency}）：${worker.id}`);
  await untilStopSignal(io, config.shutdownGraceSeconds);
  const { handedBack } = await worker.stop(config.shutdownGraceSeconds * 1000);
  if (handedBack) logger.info({ handedBack }, 'jobs handed back to the queue');
  await db.close();
  stopped(io);
  return 0;
}
