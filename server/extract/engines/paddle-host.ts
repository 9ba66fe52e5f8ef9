// The main-thread side of one PaddleOCR worker thread (paddle-thread.ts): requests and replies by id, a deadline on
// every call, and a thread that died (crash, out of memory, terminate) rejects what it had and is never reused — the
// OCR pool replaces it with a new one on the next call. Idle threads are unref'd, so they never hold a process open.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Box, Word } from '../core/layout.ts';
import type { LineDirection } from '../core/paddle-decode.ts';
import type { Gray } from '../image-prep.ts';
import type { OcrPage } from '../ocr.ts';
import type { ThreadReply, ThreadRequest } from './paddle-thread.ts';

/** A stable code on every failure of the thread, for logs and the pool (the user sees the page's OCR error). */
export class PaddleThreadError extends Error {
  constructor(readonly code: 'OCR_THREAD_EXITED' | 'OCR_THREAD_TIMEOUT' | 'OCR_THREAD_CLOSED' | 'OCR_THREAD_FAILED', message: string) {
    super(message);
    this.name = 'PaddleThreadError';
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout };
type Op = ThreadRequest['op'];

const live = new Set<PaddleThread>();
/** Threads running now in this process (tests, diagnostics). */
export const liveThreads = (): number => live.size;

/**
 * The thread entry beside this module: paddle-thread.js in the compiled build (dist/, plain node). Under tsx or
 * vitest it is the .ts source, and the main thread's loader hooks do not reach a worker (nor did `--import tsx` in
 * its execArgv on Node 20): a one-line bootstrap registers tsx inside the thread first.
 */
function startWorker(stop: SharedArrayBuffer): Worker {
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(`./paddle-thread.${ts ? 'ts' : 'js'}`, import.meta.url);
  const options = { workerData: { stop }, stdout: false, stderr: false };
  if (!ts) return new Worker(url, options);
  const tsx = tsxApi();
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/** tsx's ESM register API (its `import` condition: require.resolve would give the CommonJS file). */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // vitest's module runner has no import.meta.resolve: the same file, from the package's folder.
    const dir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    return pathToFileURL(join(dir, 'dist/esm/api/index.mjs')).href;
  }
}

/** How long a stopped thread gets to come out of the network run it is in: one run is well under a second. */
const STOP_MS = 5_000;

export class PaddleThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private exited = false;
  private broken = false;
  private closing = false;
  /** Raised to stop the call in flight (read by the thread before each network run: paddle.ts watchStop). */
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  /** Requests the thread has not answered yet, also those whose caller gave up on them (a deadline). */
  private unanswered = 0;
  private quietWaiters: (() => void)[] = [];
  private readonly done: Promise<void>;

  constructor(private readonly timeoutMs: number) {
    this.worker = startWorker(this.stop.buffer as SharedArrayBuffer);
    this.worker.unref();
    live.add(this);
    this.worker.on('message', (r: ThreadReply) => this.settle(r));
    // An uncaught error in the thread ends it: 'exit' follows.
    this.worker.on('error', (e) => {
      this.broken = true;
      this.fail(new PaddleThreadError('OCR_THREAD_FAILED', `PaddleOCR 线程出错：${e.message}`));
    });
    this.done = new Promise((resolve) => this.worker.once('exit', (code) => {
      this.exited = true;
      live.delete(this);
      this.fail(new PaddleThreadError('OCR_THREAD_EXITED', `PaddleOCR 线程已退出（代码 ${code}）`));
      resolve();
    }));
  }

  get threadId(): number { return this.worker.threadId; }
  /** False once the thread has ended or failed: the pool then starts another. */
  get usable(): boolean { return !this.exited && !this.broken && !this.closing; }
  /** A call is in flight. */
  get busy(): boolean { return this.pending.size > 0; }

  async warm(): Promise<void> { await this.call({ op: 'warm' }); }
  page(gray: Gray, fine = false): Promise<OcrPage> { return this.call({ op: 'page', gray, fine }) as Promise<OcrPage>; }
  lines(gray: Gray, boxes: Box[]): Promise<Word[][]> { return this.call({ op: 'lines', gray, boxes }) as Promise<Word[][]>; }
  direction(gray: Gray): Promise<LineDirection | null> { return this.call({ op: 'direction', gray }) as Promise<LineDirection | null>; }
  /** Ends the thread as a native crash would (tests of the replacement). */
  crash(): void { if (!this.exited) this.worker.postMessage({ id: 0, op: 'crash' }); }

  /**
   * Stops the call in flight (it rejects), releases the sessions, then ends the thread. Its callers have given up on
   * the call (a job abandoned, a shutdown past its grace, the end of a command).
   */
  async close(): Promise<void> {
    if (this.exited) return;
    this.closing = true;
    this.fail(new PaddleThreadError('OCR_THREAD_CLOSED', 'PaddleOCR 线程已关闭'));
    await this.quiesce();
    if (this.unanswered === 0 && !this.exited && !this.broken) await Promise.race([this.call({ op: 'close' }, STOP_MS, true).catch(() => undefined), this.done]);
    await this.terminate();
  }

  /** Ends the thread (a deadline passed, a job was abandoned); what was pending rejects. */
  async terminate(): Promise<void> {
    this.broken = true;
    this.fail(new PaddleThreadError('OCR_THREAD_CLOSED', 'PaddleOCR 线程已关闭'));
    await this.quiesce();
    if (!this.exited) await this.worker.terminate().catch(() => undefined);
    await this.done;
  }

  /**
   * Stops the thread's run in flight and waits for its answer. Terminating a thread inside ONNX Runtime's run()
   * aborts the whole process (SIGABRT when `kexiao serve` was stopped mid-page, test/hardening/restart.test.ts); a
   * thread that does not answer within STOP_MS (stuck in native code) is terminated all the same.
   */
  private async quiesce(): Promise<void> {
    if (this.unanswered === 0 || this.exited) return;
    Atomics.store(this.stop, 0, 1);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((r) => this.quietWaiters.push(r)), this.done, new Promise<void>((r) => (timer = setTimeout(r, STOP_MS)))]);
    clearTimeout(timer);
  }

  private call(req: { op: Op } & Record<string, unknown>, timeoutMs = this.timeoutMs, closing = false): Promise<unknown> {
    if (!this.usable && !(closing && !this.exited && !this.broken)) return Promise.reject(new PaddleThreadError('OCR_THREAD_EXITED', 'PaddleOCR 线程已退出'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const p: Pending = { resolve, reject };
      p.timer = setTimeout(() => {
        // A run that overstays cannot be interrupted inside ONNX Runtime: the thread goes, the pool starts another.
        this.pending.delete(id);
        reject(new PaddleThreadError('OCR_THREAD_TIMEOUT', `PaddleOCR 超过 ${Math.round(timeoutMs / 1000)} 秒未完成`));
        void this.terminate();
      }, timeoutMs);
      p.timer.unref();
      this.pending.set(id, p);
      this.unanswered++;
      this.worker.ref();
      this.worker.postMessage({ ...req, id });
    });
  }

  private settle(r: ThreadReply): void {
    if (--this.unanswered <= 0) {
      this.unanswered = 0;
      for (const w of this.quietWaiters.splice(0)) w();
    }
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    clearTimeout(p.timer);
    if (this.pending.size === 0) this.worker.unref();
    if (r.ok) p.resolve(r.value);
    else {
      const e = new PaddleThreadError('OCR_THREAD_FAILED', r.message);
      if (r.stack) e.stack = r.stack;
      p.reject(e);
    }
  }

  private fail(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    if (!this.exited) this.worker.unref();
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(e);
    }
  }
}
