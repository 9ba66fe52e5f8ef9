// One tesseract.js worker, safe to end while a job still holds it. tesseract.js itself is not: a call made after
// terminate() fails inside the library with a rejection nobody can catch, which ends the whole process (a `kexiao
// worker` stopped mid-page then died on it, and took its PaddleOCR thread down with it: SIGABRT), and a call in
// flight at terminate() never settles. Here a call after the end rejects with a code, a call in flight rejects
// at once, and the library worker is ended only when no call of ours is still on its way into it.
import { createWorker, OEM, type Worker } from 'tesseract.js';

export class TesseractClosedError extends Error {
  readonly code = 'OCR_WORKER_CLOSED';
  constructor() {
    super('tesseract.js 识别进程已关闭');
    this.name = 'TesseractClosedError';
  }
}

/** How long an ending worker waits for the calls in flight (a crop is ~50 ms, a whole page a few seconds). */
const SETTLE_MS = 3_000;

export class TesseractWorker {
  private ended = false;
  /** Calls in flight: the library's own promise, and how to reject our caller's. */
  private readonly inFlight = new Map<Promise<unknown>, (e: Error) => void>();

  private constructor(private readonly worker: Worker) {}

  static async create(lang: 'chi_sim' | 'eng', langPath: string, gzip: boolean): Promise<TesseractWorker> {
    // cacheMethod 'none': otherwise tesseract.js writes the model into the working directory.
    return new TesseractWorker(await createWorker(lang, OEM.LSTM_ONLY, { langPath, gzip, cacheMethod: 'none' }));
  }

  setParameters(params: Parameters<Worker['setParameters']>[0]): Promise<unknown> {
    return this.call((w) => w.setParameters(params));
  }

  recognize(...args: Parameters<Worker['recognize']>): ReturnType<Worker['recognize']> {
    return this.call((w) => w.recognize(...args));
  }

  async terminate(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const calls = [...this.inFlight];
    this.inFlight.clear();
    for (const [, reject] of calls) reject(new TesseractClosedError());
    // recognize() awaits the image before it posts the job: ending the worker in that gap is the crash above.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(calls.map(([p]) => p)), new Promise((r) => (timer = setTimeout(r, SETTLE_MS)))]);
    clearTimeout(timer);
    await this.worker.terminate().catch(() => undefined);
  }

  private call<T>(fn: (w: Worker) => Promise<T>): Promise<T> {
    if (this.ended) return Promise.reject(new TesseractClosedError());
    return new Promise<T>((resolve, reject) => {
      const p = fn(this.worker);
      this.inFlight.set(p, reject);
      p.then(resolve, reject).finally(() => this.inFlight.delete(p));
    });
  }
}
