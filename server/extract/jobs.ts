// The slow work behind a queue interface. Job state (status, progress, attempts, claim, result) lives in the
// document row, not in the queue, so a distributed queue replaces this in-process one by implementing JobQueue:
// with REDIS_URL that is BullMQ (server/jobs/bullmq.ts; `kexiao worker`, server/jobs/worker.ts, runs the jobs);
// the pipeline and the routes do not change. What a replacement must keep:
// - the handler is documents.ts's: it claims the row (queued|processing → processing, attempts + 1, a fresh claim
//   id) before any work, and settles it only under that claim, so a job delivered twice, or to a second worker,
//   is completed once, and crashes count against the limit;
// - the bounds on waiting documents are counted from the rows (server/limits/admission.ts), not from pending();
// - close() stops taking jobs; DocumentService.shutdown() hands back, after its grace period, what is still running.

/** Runs one job to the end, recording its progress and outcome wherever job state is kept. */
export type JobHandler<J> = (job: J) => Promise<void>;

export interface JobQueue<J> {
  /** Accept a job; resolves once it is queued (not when it is done). */
  submit(job: J): Promise<void>;
  /** Jobs queued or running. */
  pending(): number;
  /** Resolves when every job submitted so far has finished (tests, graceful shutdown). */
  drain(): Promise<void>;
  /** Takes no more jobs (submit rejects), drops the ones not started, resolves when the running ones end. */
  close(): Promise<void>;
}

/** FIFO, at most `concurrency` jobs at once, in this process. A failing job does not stop the queue. */
export class InProcessQueue<J> implements JobQueue<J> {
  private readonly waiting: J[] = [];
  private running = 0;
  private closed = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly handler: JobHandler<J>,
    private readonly concurrency: number,
    private readonly onError: (job: J, error: unknown) => void = () => undefined,
  ) {}

  async submit(job: J): Promise<void> {
    if (this.closed) throw new Error('queue closed');
    this.waiting.push(job);
    this.pump();
  }

  pending(): number {
    return this.waiting.length + this.running;
  }

  drain(): Promise<void> {
    return this.pending() === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    await this.drain();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as J;
      this.running++;
      this.handler(job)
        .catch((e) => this.onError(job, e))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.pending() === 0) for (const f of this.idle.splice(0)) f();
        });
    }
  }
}
