// kexiao queue [--json]: what an operator needs to see of the production queue — BullMQ's counts in Redis
// (waiting, active, delayed, failed), the documents by state in the database, and the latest failures with codes.
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { fail, type CommandIO } from '../io.ts';
import { USAGE } from '../usage.ts';

export async function run(args: string[], io: CommandIO): Promise<number> {
  const json = args.includes('--json');
  if (args.some((a) => a !== '--json')) return fail(io, 'USAGE', `用法：${USAGE.queue}`, json);
  let config;
  try {
    config = loadConfig();
  } catch {
    return fail(io, 'CONFIG', '配置无效，请检查环境变量', json);
  }
  if (!config.redisUrl) return fail(io, 'NO_REDIS', '未设置 REDIS_URL：嵌入式默认模式没有任务队列', json);
  const db = await openDatabase(config.databaseUrl);
  const { documentQueue } = await import('../../jobs/bullmq.ts');
  const queue = documentQueue(config.redisUrl, config.jobs);
  try {
    await queue.ready(3000);
    const counts = await queue.counts().catch(() => null);
    if (!counts) return fail(io, 'REDIS_UNAVAILABLE', `无法连接 Redis：${new URL(config.redisUrl).host}`, json);
    const byStatus = Object.fromEntries(
      (await db.prisma.document.groupBy({ by: ['status'], _count: { _all: true } })).map((g) => [g.status, g._count._all]),
    );
    const failedJobs = (await queue.bull.getFailed(0, 9)).map((j) => ({ id: j.id, reason: j.failedReason, attempts: j.attemptsMade, at: j.finishedOn ? new Date(j.finishedOn).toISOString() : null }));
    const workers = (await queue.bull.getWorkers()).length;
    const out = { queue: counts, workers, documents: byStatus, failedJobs };
    if (json) io.stdout(JSON.stringify(out, null, 2));
    else {
      io.stdout(`队列：等待 ${counts.waiting}，进行中 ${counts.active}，延迟重试 ${counts.delayed}，失败 ${counts.failed}；在线 worker ${workers} 个`);
      io.stdout(`文档：${['queued', 'processing', 'done', 'failed'].map((s) => `${s} ${byStatus[s] ?? 0}`).join('，')}`);
      for (const f of failedJobs) io.stdout(`  失败 ${f.id}：${f.reason}（尝试 ${f.attempts} 次，${f.at ?? ''}）`);
    }
    return 0;
  } finally {
    await queue.close();
    await db.close();
  }
}
