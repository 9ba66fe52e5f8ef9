// The production job queue: BullMQ on Redis (REDIS_URL). The API process only adds jobs (a job is a document id;
// the document row stays the source of truth); `kexiao worker` processes run them (worker.ts). BullMQ gives the
// retries with backoff, the locks that notice a dead worker (stalled-job recovery), attempt limits and the counts
// the health check and `kexiao queue` show. Imported only when REDIS_URL is set: the embedded default never loads
// BullMQ or ioredis through here.
import { Queue, type JobsOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { JobQueue } from '../extract/jobs.ts';
import type { JobsConfig } from '../limits/config.ts';

export const DOCUMENT_QUEUE = 'documents';
/** A document id; `priority` (1 first) orders the jobs waiting: the owner's count of documents waiting. */
export type DocumentJob = { id: string; priority?: number };
/** BullMQ's largest priority. */
const LOWEST = 2_097_152;

/** A Redis connection for BullMQ. Workers block on Redis and must wait for it forever (maxRetriesPerRequest null). */
export function redisConnection(url: string, role: 'producer' | 'worker'): Redis {
  const opts: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : // The API fails fast rather than hold an upload while Redis is away (the row stays queued: see add()).
        { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000 };
  return new Redis(url, opts);
}

/** Options of every document job: BullMQ's attempts and exponential backoff, bounded history. */
export function jobOptions(jobs: JobsConfig, id: string, priority = 1): JobsOptions {
  return {
    // Every job has one: BullMQ runs jobs without a priority before all prioritized ones.
    priority: Math.min(LOWEST, Math.max(1, Math.round(priority))),
    // One job per document: adding it again while it waits or runs does nothing (resume, reconcile).
    jobId: id,
    attempts: jobs.maxAttempts,
    backoff: { type: 'exponential', delay: jobs.backoffMs },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 86_400, count: 5000 },
  };
}

const SUBMIT_TIMEOUT_MS = 3000;

function within<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  p.catch(() => undefined); // settled after the timeout: nobody is waiting any more
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}

export interface QueueCounts { waiting: number; active: number; delayed: number; failed: number; completed: number }

export interface DocumentQueue extends JobQueue<DocumentJob> {
  readonly bull: Queue<DocumentJob>;
  counts(): Promise<QueueCounts>;
  /** Resolves once Redis answers, or after `timeoutMs`. */
  ready(timeoutMs: number): Promise<void>;
}

export function documentQueue(url: string, jobs: JobsConfig, onError: (err: unknown) => void = () => undefined): DocumentQueue {
  const connection = redisConnection(url, 'producer');
  connection.on('error', onError);
  const bull = new Queue<DocumentJob>(DOCUMENT_QUEUE, { connection, prefix: jobs.queuePrefix });
  bull.on('error', onError);
  let closed = false;
  return {
    bull,
    async submit(job) {
      if (closed) throw new Error('queue closed');
      // BullMQ waits for a connection that is not there; an upload is answered instead (refused, nothing kept).
      await within(bull.add('extract', { id: job.id }, jobOptions(jobs, job.id, job.priority)), SUBMIT_TIMEOUT_MS, 'Redis did not take the job in time');
    },
    // Jobs run in the workers: nothing is pending in this process.
    pending: () => 0,
    drain: () => Promise.resolve(),
    async close() {
      closed = true;
      await bull.close().catch(onError);
      await connection.quit().catch(() => connection.disconnect());
    },
    async counts() {
      const c = await bull.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed');
      return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 };
    },
    ready(timeoutMs) {
      if (connection.status === 'ready') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const t = setTimeout(resolve, timeoutMs);
        connection.once('ready', () => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
}
