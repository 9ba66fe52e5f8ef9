// Uploaded statements: the file on disk (named by document id, never by the user's file name), its row with
// checksum, status, progress, attempts and result, and the queue that extracts it. The row is the source of
// truth for a job: a queue only carries ids, so any JobQueue (in process here, Redis elsewhere) can run them.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/client.ts';
import { isOwnerMissing } from '../db/owner.ts';
import { REPO_ROOT } from '../db/url.ts';
import { safeJson } from '../domain/schemas/text.ts';
import { assertRoomAfter, type Admission } from '../limits/admission.ts';
import { ExtractError } from './errors.ts';
import { closeEngines, extractFile } from './extract.ts';
import { InProcessQueue, type JobQueue } from './jobs.ts';
import { defaultLimits, defaultWorkers, type Limits } from './limits.ts';
import type { ExtractionResult, ExtractIssue } from './schema.ts';

export type DocumentStatus = 'queued' | 'processing' | 'done' | 'failed';

export interface DocumentView {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  status: DocumentStatus;
  progress: number;
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
  const limits = { ...defaultLimits(), ...options.limits };
  const maxAttempts = options.maxAttempts ?? 3;
  const onError = options.onError ?? (() => undefined);
  /** Ids this process is extracting right now (handed back on shutdown). */
  const inHand = new Set<string>();
  let idle: NodeJS.Timeout | undefined;

  const find = async (id: string): Promise<StoredDocument | null> => {
    const row = await prisma.document.findUnique({ where: { id } });
    if (!row) return null;
    return {
      id: row.id, ownerId: row.ownerId, path: row.path, fileName: row.fileName, size: row.size, sha256: row.sha256,
      status: row.status as DocumentStatus, progress: row.progress, createdAt: row.createdAt.toISOString(), attempts: row.attempts,
      ...(row.result ? { result: row.result as ExtractionResult } : {}),
      ...(row.error ? { error: row.error as ExtractIssue } : {}),
    };
  };

  // Writes of a running job only land while the row is still `processing` by this job: a deleted, handed-back
  // or failed document is not brought back by a job that finishes late.
  const finish = (id: string, data: object) => prisma.document.updateMany({ where: { id, status: 'processing' }, data });

  const run = async (job: { id: string }): Promise<void> => {
    clearTimeout(idle);
    try {
      await extractOne(job.id);
    } finally {
      releaseWhenIdle();
    }
  };

  const extractOne = async (id: string): Promise<void> => {
    // The start is counted before any work: a file that kills the process is counted too.
    const claimed = await prisma.document.updateMany({ where: { id, status: { in: PENDING } }, data: { status: 'processing', attempts: { increment: 1 } } });
    const doc = claimed.count ? await find(id) : null;
    if (!doc) return; // deleted, or finished elsewhere
    if (doc.attempts > maxAttempts) {
      await finish(id, { status: 'failed', error: tooManyAttempts(doc.attempts - 1) });
      return;
    }
    inHand.add(id);
    let written = 0;
    const onProgress = (p: number) => {
      if (p - written < PROGRESS_STEP && p < 1) return;
      written = p;
      void finish(id, { progress: p }).catch(() => undefined);
    };
    try {
      const result = await extractFile({ name: doc.fileName, bytes: await readFile(doc.path) }, { limits, onProgress });
      await finish(id, { status: 'done', progress: 1, result: safeJson(result) as object });
    } catch (e) {
      const issue = (e instanceof ExtractError ? e : new ExtractError('INTERNAL', { cause: e })).toIssue();
      await finish(id, { status: 'failed', error: issue });
    } finally {
      inHand.delete(id);
    }
  };

  const queue: JobQueue<{ id: string }> = new InProcessQueue(run, options.concurrency ?? defaultWorkers(), (job, err) => onError(err));

  // An idle pool still holds every OCR worker (hundreds of MB): let them go once nothing has run for a while.
  // pending() still counts the job that just finished, hence the check when the timer fires.
  const releaseWhenIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (queue.pending() === 0) void closeEngines().catch(onError);
    }, options.idleMs ?? 120_000).unref();
  };

  const removeRows = async (where: { id?: string; ownerId?: string | null }) => {
    const rows = await prisma.document.findMany({ where, select: { id: true, path: true } });
    for (const r of rows) await rm(r.path, { force: true });
    if (rows.length) await prisma.document.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return rows.length;
  };

  return {
    queue,
    limits,
    dir,

    /** Where an upload streams to before it has an id-named home. */
    tempPath: (): string => join(dir, `${TEMP_PREFIX}${randomUUID()}`),

    /**
     * Takes ownership of a fully written temporary file and queues its extraction. Throws OwnerGoneError when
     * the owner no longer exists, and the admission's HttpError when a quota or bound is exceeded; in every
     * failure the file and the row are gone.
     */
    async add(o: { ownerId: string; fileName: string; tempPath: string; size: number; sha256: string }): Promise<DocumentView> {
      const id = randomUUID();
      const path = join(dir, id);
      let row;
      try {
        await rename(o.tempPath, path);
        row = await prisma.document.create({
          data: { id, ownerId: o.ownerId, fileName: o.fileName, path, sha256: o.sha256, size: o.size, status: 'queued' },
        });
      } catch (e) {
        await rm(o.tempPath, { force: true });
        await rm(path, { force: true });
        throw isOwnerMissing(e) ? new OwnerGoneError() : e;
      }
      if (options.admission) {
        try {
          await assertRoomAfter(prisma, o.ownerId, options.admission);
        } catch (e) {
          await removeRows({ id });
          throw e;
        }
      }
      try {
        await queue.submit({ id });
      } catch (e) {
        // Shutting down: the row stays queued and is read after the next start.
        onError(e);
      }
      return { id, fileName: o.fileName, size: o.size, sha256: o.sha256, status: 'queued', progress: 0, createdAt: row.createdAt.toISOString() };
    },

    find,

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
      const ids = [...inHand];
      inHand.clear();
      let handedBack = 0;
      for (const id of ids) {
        const r = await prisma.document.updateMany({ where: { id, status: 'processing' }, data: { status: 'queued', progress: 0, attempts: { decrement: 1 } } });
        handedBack += r.count;
      }
      await closeEngines();
      return { handedBack };
    },
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
