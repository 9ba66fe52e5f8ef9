// A `kexiao worker` process: takes document jobs from BullMQ and runs them through the same document service as the
// embedded default (claim the row, read the file from the store, extract, settle under the claim). What BullMQ does:
// locks renewed while a job runs, so a worker that dies (SIGKILL, crash, lost machine) is noticed after
// KEXIAO_JOB_LOCK_S and its job moved back to wait for another worker; retries with exponential backoff for passing
// failures (the file store); attempt limits. What the row does: counts every start (so a file that kills every
// worker ends failed with TOO_MANY_ATTEMPTS) and refuses the writes of a start that lost its claim (never done twice).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { documentService, type DocumentService, type JobOutcome } from '../extract/documents.ts';
import { createFileStore } from '../files/store.ts';
import { DOCUMENT_QUEUE, documentQueue, redisConnection, type DocumentJob, type DocumentQueue } from './bullmq.ts';

const PENDING = ['queued', 'processing'];
/** How often a worker adds again the jobs of documents still queued in the database (Redis lost them, or was away). */
const RECONCILE_MS = 60_000;

export const jobFailed = () => ({
  code: 'JOB_FAILED',
  message: '这份文件多次识别均未成功，已停止处理。请稍后重新上传，或手工填写数字。',
});

export interface RunningWorker {
  id: string;
  docs: DocumentService;
  queue: DocumentQueue;
  /** Stops taking jobs; jobs in hand get `graceMs` to finish, then are handed back (queued again, start not counted). */
  stop(graceMs: number): Promise<{ handedBack: number }>;
}

export async function startWorker(config: Config, db: Database, logger: Logger, opts: { concurrency: number }): Promise<RunningWorker> {
  if (!config.redisUrl) throw new Error('REDIS_URL is not set');
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const onError = (err: unknown) => logger.warn({ err: (err as Error)?.message ?? String(err) }, 'job queue error');
  const queue = documentQueue(config.redisUrl, config.jobs, onError);
  const docs = documentService(db, {
    dir: config.uploadDir,
    store: createFileStore(config.files, config.uploadDir),
    queue: () => queue,
    maxAttempts: config.jobs.maxAttempts,
    idleMs: config.jobs.ocrIdleSeconds * 1000,
    onError,
  });

  let stopping = false;
  let stopNow: () => void = () => undefined;
  const stopped = new Promise<'stop'>((resolve) => (stopNow = () => resolve('stop')));
  let handedBack = 0;

  const processJob = async (job: Job<DocumentJob>, token?: string): Promise<JobOutcome> => {
    const docId = job.data.id;
    let claim: string | undefined;
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const started = Date.now();
    const work = docs.work(docId, { retries: { last }, onClaim: (c) => (claim = c) });
    const r = await Promise.race([work, stopped]);
    if (r === 'stop') {
      // Shutting down with this job unfinished: the row queued again (its start not counted), the job back to wait.
      work.catch(() => undefined);
      if (claim) handedBack += await docs.handBack(docId, claim);
      await job.moveToWait(token);
      throw new WaitingError();
    }
    logger.info({ document: docId, outcome: r, attempt: job.attemptsMade + 1, ms: Date.now() - started, worker: id }, `document ${r}`);
    if (r === 'failed') {
      const row = await docs.find(docId);
      // Failed for good (a bad file, too many starts): not retried; counted in the queue's failed set.
      throw new UnrecoverableError(row?.error?.code ?? 'FAILED');
    }
    return r;
  };

  const worker = new Worker<DocumentJob, JobOutcome>(DOCUMENT_QUEUE, processJob, {
    connection: redisConnection(config.redisUrl, 'worker'),
    prefix: config.jobs.queuePrefix,
    name: id,
    concurrency: opts.concurrency,
    lockDuration: config.jobs.lockSeconds * 1000,
    stalledInterval: config.jobs.lockSeconds * 1000,
    // The row's start count decides when a job that kills its worker has had enough (TOO_MANY_ATTEMPTS); BullMQ's
    // own stalled limit stays above it so that the document, not only the job, ends failed with a code.
    maxStalledCount: config.jobs.maxAttempts + 1,
  });
  worker.on('error', onError);
  // A job BullMQ gave up on while its document is still pending (its attempts used up by errors outside the
  // extraction, e.g. the database away): the document is failed with a code rather than left waiting forever.
  worker.on('failed', (job, err) => {
    if (!job) return;
    const exhausted = err?.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(err?.message ?? '');
    if (!exhausted) return; // retried after its backoff
    void db.prisma.document
      .updateMany({ where: { id: job.data.id, status: { in: PENDING } }, data: { status: 'failed', error: jobFailed(), claim: null } })
      .catch(onError);
  });
  await worker.waitUntilReady();

  // Documents queued while Redis was away, or whose jobs Redis lost: added again (a no-op for jobs it still has).
  const reconcile = () => docs.resume().catch(onError);
  await docs.sweep().catch(onError);
  await reconcile();
  const timer = setInterval(reconcile, RECONCILE_MS).unref();
  logger.info({ worker: id, concurrency: opts.concurrency }, 'kexiao worker ready');

  return {
    id,
    docs,
    queue,
    async stop(graceMs) {
      if (stopping) return { handedBack };
      stopping = true;
      clearInterval(timer);
      const closing = worker.close();
      let t: NodeJS.Timeout | undefined;
      await Promise.race([closing, new Promise((r) => (t = setTimeout(r, graceMs)))]);
      clearTimeout(t);
      stopNow();
      await closing;
      await docs.shutdown(0);
      return { handedBack };
    },
  };
}
