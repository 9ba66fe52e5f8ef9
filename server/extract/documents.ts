// Uploaded statements: the file in the file store (named by document id, never by the user's file name), its row
// with checksum, status, progress, attempts, claim and result, and the queue that extracts it. The row is the
// source of truth for a job: a queue only carries ids, so any JobQueue (in process here, BullMQ on Redis with
// `kexiao worker` processes, server/jobs/) can run them. Each start claims the row with a fresh id; every write of
// that start lands only while its claim is current, so however often a job is delivered (a stalled worker, a
// second worker), the document moves to done or failed once.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/client.ts';
import { isOwnerMissing } from '../db/owner.ts';
import { REPO_ROOT } from '../db/url.ts';
import { safeJson } from '../domain/schemas/text.ts';
import { localStore, type FileStore } from '../files/store.ts';
import { assertRoomAfter, queueUnavailable, type Admission } from '../limits/admission.ts';
import { ExtractError } from './errors.ts';
import { InProcessQueue, type JobQueue } from './jobs.ts';
import { defaultLimits, defaultWorkers, type Limits } from './limits.ts';
import type { ExtractionResult, ExtractIssue, ProgressDetail } from './schema.ts';

// The PDF and OCR stack (pdfjs, sharp, ONNX Runtime, tesseract.js) loads with the first document this process
// reads: an API instance in front of workers, or one that never gets a scan, does not carry it.
let loaded: Promise<typeof import('./extract.ts')> | undefined;
const extraction = () => (loaded ??= import('./extract.ts'));
const closeExtraction = async () => {
  if (loaded) await (await loaded).closeEngines();
};

export type DocumentStatus = 'queued' | 'processing' | 'done' | 'failed';

export interface DocumentView {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  status: DocumentStatus;
  progress: number;
  /** The page and step the reading is on, while it runs. */
  progressDetail?: ProgressDetail;
  createdAt: string;
  result?: ExtractionResult;
  error?: ExtractIssue;
}

export interface StoredDocument extends DocumentView { ownerId: string | null; path: string; attempts: number }

export const uploadDir = (): string => process.env.KEXIAO_UPLOAD_DIR || join(REPO_ROOT, 'data', 'uploads');

/** Progress is written at most this often: OCR reports per page and the row is not worth a write per tick. */
const PROGRESS_STEP = 0.1;
/** A temp file or an id-named file without a row older than this is left over from a crash: swept on start. */
const ORPHAN_AGE_MS = 3_600_000;
const TEMP_PREFIX = '.upload-';
const UUID_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PENDING = ['queued', 'processing'];

/** The stored file could not be read on every try (object store unreachable, file gone). */
export const fileUnavailable = (): ExtractIssue => ({
  code: 'FILE_UNAVAILABLE',
  message: '暂时无法读取已上传的文件，已多次重试仍未成功。请重新上传，或稍后再试。',
});

/** A start that could not read the file for a passing reason: the job queue may try again later. */
export class RetryableJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** What one start of a job came to. `lost`: another start holds the document now, this one's result was dropped. */
export type JobOutcome = 'done' | 'failed' | 'skipped' | 'lost';

export interface RunOptions {
  /**
   * The queue retries passing failures (reading the file): they throw RetryableJobError with the document queued
   * again, unless this is the last try, which fails it with FILE_UNAVAILABLE. Without it (the in-process queue,
   * which has no retries) every failure fails the document, as it always did.
   */
  retries?: { last: boolean };
  /** Told the claim of each start (the worker hands it back on shutdown). */
  onClaim?: (claim: string) => void;
}

export const tooManyAttempts = (n: number): ExtractIssue => ({
  code: 'TOO_MANY_ATTEMPTS',
  message: `这份文件的识别已${n}次中断，已停止处理。请重新导出 PDF 或重新拍照后再上传，或手工填写数字。`,
});

/** The upload's owner was deleted while it was in flight (DELETE /api/v1/me): nothing of theirs may be stored. */
export class OwnerGoneError extends Error {
  constructor() {
    super('owner deleted');
  }
}

export interface DocumentServiceOptions {
  dir?: string;
  /** Where files are kept (default: the folder `dir`). */
  store?: FileStore;
  /** The queue that runs the jobs (default: in this process, `concurrency` at once). */
  queue?: (run: (job: { id: string }) => Promise<void>) => JobQueue<{ id: string; priority?: number }>;
  limits?: Partial<Limits>;
  concurrency?: number;
  /** Quota and queue bounds checked on every add. */
  admission?: Admission;
  /** Starts of one document before it is failed with TOO_MANY_ATTEMPTS. */
  maxAttempts?: number;
  /** OCR workers are terminated after the queue has been empty this long. */
  idleMs?: number;
  onError?: (err: unknown) => void;
}

export function documentService({ prisma }: Pick<Database, 'prisma'>, options: DocumentServiceOptions = {}) {
  const dir = options.dir ?? uploadDir();
  mkdirSync(dir, { recursive: true });
  const store = options.store ?? localStore(dir);
  const limits = { ...defaultLimits(), ...options.limits };
  const maxAttempts = options.maxAttempts ?? 3;
  const onError = options.onError ?? (() => undefined);
  /** Documents this process is extracting right now, with their claims (handed back on shutdown). */
  const inHand = new Map<string, string>();
  let idle: NodeJS.Timeout | undefined;

  const find = async (id: string): Promise<StoredDocument | null> => {
    const row = await prisma.document.findUnique({ where: { id } });
    if (!row) return null;
    return {
      id: row.id, ownerId: row.ownerId, path: row.path, fileName: row.fileName, size: row.size, sha256: row.sha256,
      status: row.status as DocumentStatus, progress: row.progress, createdAt: row.createdAt.toISOString(), attempts: row.attempts,
      ...(row.progressDetail && row.status === 'processing' ? { progressDetail: row.progressDetail as ProgressDetail } : {}),
      ...(row.result ? { result: row.result as ExtractionResult } : {}),
      ...(row.error ? { error: row.error as ExtractIssue } : {}),
    };
  };

  // Writes of a running job only land while the row is still `processing` under this start's claim: a deleted,
  // handed-back or failed document is not brought back by a job that finishes late, and a start that lost the
  // job to another (its worker stalled, was killed, or the job was delivered twice) can neither complete it nor
  // overwrite the other's progress.
  const finish = (id: string, claim: string, data: object) =>
    prisma.document.updateMany({ where: { id, status: 'processing', claim }, data: 'status' in data ? { ...data, claim: null } : data });

  const run = async (job: { id: string }): Promise<void> => {
    await work(job.id);
  };

  const work = async (id: string, opts: RunOptions = {}): Promise<JobOutcome> => {
    clearTimeout(idle);
    running++;
    try {
      return await extractOne(id, opts);
    } finally {
      running--;
      releaseWhenIdle();
    }
  };
  let running = 0;

  const extractOne = async (id: string, opts: RunOptions): Promise<JobOutcome> => {
    // The start is counted before any work: a file that kills the process is counted too. A row `processing` under
    // another claim is taken over: its start is dead or stalled (the queue only delivers a job again then).
    const claim = randomUUID();
    const claimed = await prisma.document.updateMany({ where: { id, status: { in: PENDING } }, data: { status: 'processing', attempts: { increment: 1 }, claim } });
    const doc = claimed.count ? await find(id) : null;
    if (!doc) return 'skipped'; // deleted, or finished elsewhere
    opts.onClaim?.(claim);
    const settle = async (data: object, outcome: JobOutcome): Promise<JobOutcome> => ((await finish(id, claim, data)).count ? outcome : 'lost');
    if (doc.attempts > maxAttempts) return settle({ status: 'failed', error: tooManyAttempts(doc.attempts - 1) }, 'failed');
    let bytes: Buffer;
    try {
      bytes = await store.read(doc.path);
    } catch (e) {
      if (!opts.retries) return settle({ status: 'failed', error: new ExtractError('INTERNAL', { cause: e }).toIssue() }, 'failed');
      if (opts.retries.last) return settle({ status: 'failed', error: fileUnavailable() }, 'failed');
      // Queued again for the queue's retry (the start stays counted: a file that never reads ends failed).
      await finish(id, claim, { status: 'queued', progress: 0 });
      throw new RetryableJobError(`document ${id}: the stored file could not be read`, { cause: e });
    }
    inHand.set(id, claim);
    let written = 0;
    let where = '';
    const onProgress = (p: number, detail: ProgressDetail) => {
      // A new page or step is worth a write even when the fraction has hardly moved: the owner sees it.
      const at = `${detail.page}/${detail.pages}/${detail.step}`;
      if (p - written < PROGRESS_STEP && p < 1 && at === where) return;
      written = p;
      where = at;
      void finish(id, claim, { progress: p, progressDetail: detail }).catch(() => undefined);
    };
    try {
      let result: ExtractionResult;
      try {
        result = await (await extraction()).extractFile({ name: doc.fileName, bytes }, { limits, onProgress });
      } catch (e) {
        const issue = (e instanceof ExtractError ? e : new ExtractError('INTERNAL', { cause: e })).toIssue();
        return await settle({ status: 'failed', error: issue }, 'failed');
      }
      return await settle({ status: 'done', progress: 1, result: safeJson(result) as object }, 'done');
    } finally {
      inHand.delete(id);
    }
  };

  const queue: JobQueue<{ id: string; priority?: number }> = options.queue
    ? options.queue(run)
    : new InProcessQueue(run, options.concurrency ?? defaultWorkers(), (job, err) => onError(err));

  // An idle pool still holds every OCR worker (hundreds of MB): let them go once nothing has run for a while.
  // pending() still counts the job that just finished, hence the check when the timer fires.
  const releaseWhenIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (queue.pending() === 0 && running === 0) void closeExtraction().catch(onError);
    }, options.idleMs ?? 120_000).unref();
  };

  const handBack = async (id: string, claim: string): Promise<number> => {
    inHand.delete(id);
    const r = await prisma.document.updateMany({
      where: { id, status: 'processing', claim },
      data: { status: 'queued', progress: 0, attempts: { decrement: 1 }, claim: null },
    });
    return r.count;
  };

  const removeRows = async (where: { id?: string; ownerId?: string | null }) => {
    const rows = await prisma.document.findMany({ where, select: { id: true, path: true } });
    for (const r of rows) await store.remove(r.path);
    if (rows.length) await prisma.document.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return rows.length;
  };

  return {
    queue,
    limits,
    dir,
    store,

    /**
     * One start of a document's extraction (what a queue's job runs): claims the row, reads the file, extracts,
     * and moves the row to done or failed if its claim is still current.
     */
    work,

    /** Where an upload streams to before it has an id-named home. */
    tempPath: (): string => join(dir, `${TEMP_PREFIX}${randomUUID()}`),

    /**
     * Takes ownership of a fully written temporary file and queues its extraction. Throws OwnerGoneError when
     * the owner no longer exists, and the admission's HttpError when a quota or bound is exceeded; in every
     * failure the file and the row are gone.
     */
    async add(o: { ownerId: string; fileName: string; tempPath: string; size: number; sha256: string }): Promise<DocumentView> {
      const id = randomUUID();
      let path: string | undefined;
      let row;
      try {
        path = await store.put(id, o.tempPath);
        row = await prisma.document.create({
          data: { id, ownerId: o.ownerId, fileName: o.fileName, path, sha256: o.sha256, size: o.size, status: 'queued' },
        });
      } catch (e) {
        await rm(o.tempPath, { force: true });
        if (path) await store.remove(path).catch(onError);
        throw isOwnerMissing(e) ? new OwnerGoneError() : e;
      }
      // The owner's documents waiting, this one counted: a distributed queue serves each firm's first document,
      // then each one's second, … so a firm that uploads many does not make the next firm wait behind all of them.
      let priority: number | undefined;
      if (options.admission) {
        try {
          priority = (await assertRoomAfter(prisma, o.ownerId, options.admission)).pendingMine;
        } catch (e) {
          await removeRows({ id });
          throw e;
        }
      }
      try {
        await queue.submit({ id, ...(priority ? { priority } : {}) });
      } catch (e) {
        onError(e);
        // A distributed queue that cannot take the job (Redis unreachable): refused, nothing kept. In process this
        // only happens while shutting down: the row stays queued and is read after the next start.
        if (options.queue) {
          await removeRows({ id });
          throw queueUnavailable();
        }
      }
      return { id, fileName: o.fileName, size: o.size, sha256: o.sha256, status: 'queued', progress: 0, createdAt: row.createdAt.toISOString() };
    },

    find,

    /** A user's documents, newest first (the mini-program lists them so uploads survive a refresh). */
    async listByOwner(ownerId: string): Promise<StoredDocument[]> {
      const rows = await prisma.document.findMany({ where: { ownerId }, orderBy: { createdAt: 'desc' }, select: { id: true }, take: 50 });
      return (await Promise.all(rows.map((r) => find(r.id)))).filter((d): d is StoredDocument => d !== null);
    },

    /** Removes every document of a user, files first (DELETE /api/v1/me). */
    async removeByOwner(ownerId: string): Promise<void> {
      await removeRows({ ownerId });
    },

    /** Removes the stored file and the record. */
    async remove(id: string): Promise<void> {
      await removeRows({ id });
    },

    /** After a restart: queue again what was queued or running when the process stopped. */
    async resume(): Promise<number> {
      const rows = await prisma.document.findMany({ where: { status: { in: PENDING } }, select: { id: true }, orderBy: { createdAt: 'asc' } });
      for (const r of rows) await queue.submit({ id: r.id });
      return rows.length;
    },

    /**
     * On start: removes what a crash or an old version left behind — temp files of uploads cut off mid-way,
     * files with no row, and documents without an owner (uploads now need a session; nobody can read those).
     */
    async sweep(now = Date.now()): Promise<{ files: number; anonymous: number }> {
      const anonymous = await removeRows({ ownerId: null });
      const known = new Set((await prisma.document.findMany({ select: { path: true } })).map((r) => r.path));
      let files = 0;
      for (const name of await readdir(dir)) {
        // With an object store the folder only holds temp files; rows name s3:// references.
        if (!name.startsWith(TEMP_PREFIX) && !UUID_NAME.test(name)) continue;
        const path = join(dir, name);
        if (known.has(path)) continue;
        const age = now - (await stat(path).catch(() => ({ mtimeMs: now }))).mtimeMs;
        if (age < ORPHAN_AGE_MS) continue; // possibly an upload of another instance, in flight right now
        await rm(path, { force: true });
        files++;
      }
      return { files, anonymous };
    },

    /**
     * Graceful shutdown: take no more jobs, give the ones in hand `graceMs` to finish, hand back the rest (queued
     * again, the interrupted start not counted: they resume on the next start), then close the OCR workers.
     */
    async shutdown(graceMs: number): Promise<{ handedBack: number }> {
      clearTimeout(idle);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([queue.close(), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
      clearTimeout(timer);
      const held = [...inHand];
      inHand.clear();
      let handedBack = 0;
      for (const [id, claim] of held) handedBack += await handBack(id, claim);
      await closeExtraction();
      await store.close();
      return { handedBack };
    },

    /** Hands one job back, its start not counted (a worker stopping). 1 if it was still this start's. */
    handBack,
  };
}

export type DocumentService = ReturnType<typeof documentService>;

const services = new WeakMap<object, DocumentService>();

/**
 * The service of a database connection (its queue, its upload folder), created on first use with `options`;
 * then the folder is swept and documents left queued or running by a previous process are queued again.
 */
export function documentsFor(db: Pick<Database, 'prisma'>, options: DocumentServiceOptions = {}): DocumentService {
  let s = services.get(db);
  if (!s) {
    const created = documentService(db, options);
    services.set(db, (s = created));
    const onError = options.onError ?? (() => undefined);
    void created
      .sweep()
      .catch(onError)
      .then(() => created.resume())
      .catch(onError);
  }
  return s;
}

export const publicView = (d: StoredDocument): DocumentView => {
  const { ownerId: _o, path: _p, attempts: _a, ...view } = d;
  return view;
};
