// Uploaded statements: the file on disk (named by document id, never by the user's file name), its row with
// checksum, status, progress and result, and the queue that extracts it.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/client.ts';
import { REPO_ROOT } from '../db/url.ts';
import { ExtractError } from './errors.ts';
import { extractFile } from './extract.ts';
import { InProcessQueue, type JobQueue } from './jobs.ts';
import { defaultLimits, defaultWorkers, type Limits } from './limits.ts';
import type { ExtractionResult, ExtractIssue, ProgressDetail } from './schema.ts';

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

export interface StoredDocument extends DocumentView { ownerId: string | null; path: string }

export const uploadDir = (): string => process.env.KEXIAO_UPLOAD_DIR || join(REPO_ROOT, 'data', 'uploads');

/** Progress is written at most this often: OCR reports per page and the row is not worth a write per tick. */
const PROGRESS_STEP = 0.1;

export interface DocumentServiceOptions {
  dir?: string;
  limits?: Partial<Limits>;
  concurrency?: number;
}

export function documentService({ prisma }: Pick<Database, 'prisma'>, options: DocumentServiceOptions = {}) {
  const dir = options.dir ?? uploadDir();
  mkdirSync(dir, { recursive: true });
  const limits = { ...defaultLimits(), ...options.limits };

  const find = async (id: string): Promise<StoredDocument | null> => {
    const row = await prisma.document.findUnique({ where: { id } });
    if (!row) return null;
    return {
      id: row.id, ownerId: row.ownerId, path: row.path, fileName: row.fileName, size: row.size, sha256: row.sha256,
      status: row.status as DocumentStatus, progress: row.progress, createdAt: row.createdAt.toISOString(),
      ...(row.progressDetail && row.status === 'processing' ? { progressDetail: row.progressDetail as ProgressDetail } : {}),
      ...(row.result ? { result: row.result as ExtractionResult } : {}),
      ...(row.error ? { error: row.error as ExtractIssue } : {}),
    };
  };

  const run = async ({ id }: { id: string }): Promise<void> => {
    const doc = await find(id);
    if (!doc) return; // deleted while queued
    await prisma.document.update({ where: { id }, data: { status: 'processing' } });
    let written = 0;
    let where = '';
    const onProgress = (p: number, detail: ProgressDetail) => {
      // A new page or step is worth a write even when the fraction has hardly moved: the owner sees it.
      const at = `${detail.page}/${detail.pages}/${detail.step}`;
      if (p - written < PROGRESS_STEP && p < 1 && at === where) return;
      written = p;
      where = at;
      void prisma.document.updateMany({ where: { id, status: 'processing' }, data: { progress: p, progressDetail: detail } }).catch(() => undefined);
    };
    try {
      const result = await extractFile({ name: doc.fileName, bytes: await readFile(doc.path) }, { limits, onProgress });
      await prisma.document.updateMany({ where: { id }, data: { status: 'done', progress: 1, result: result as object } });
    } catch (e) {
      const issue = (e instanceof ExtractError ? e : new ExtractError('INTERNAL', { cause: e })).toIssue();
      await prisma.document.updateMany({ where: { id }, data: { status: 'failed', error: issue } });
    }
  };

  const queue: JobQueue<{ id: string }> = new InProcessQueue(run, options.concurrency ?? defaultWorkers());

  return {
    queue,
    limits,
    dir,

    /** Where an upload streams to before it has an id-named home. */
    tempPath: (): string => join(dir, `.upload-${randomUUID()}`),

    /** Takes ownership of a fully written temporary file and queues its extraction. */
    async add(o: { ownerId: string | null; fileName: string; tempPath: string; size: number; sha256: string }): Promise<DocumentView> {
      const id = randomUUID();
      const path = join(dir, id);
      await rename(o.tempPath, path);
      const row = await prisma.document.create({
        data: { id, ownerId: o.ownerId, fileName: o.fileName, path, sha256: o.sha256, size: o.size, status: 'queued' },
      });
      await queue.submit({ id });
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
      const rows = await prisma.document.findMany({ where: { ownerId }, select: { path: true } });
      for (const r of rows) await rm(r.path, { force: true });
      await prisma.document.deleteMany({ where: { ownerId } });
    },

    /** Removes the stored file and the record. */
    async remove(id: string): Promise<void> {
      const doc = await find(id);
      if (!doc) return;
      await rm(doc.path, { force: true });
      await prisma.document.deleteMany({ where: { id } });
    },

    /** After a restart: queue again what was queued or running when the process stopped. */
    async resume(): Promise<number> {
      const rows = await prisma.document.findMany({ where: { status: { in: ['queued', 'processing'] } }, select: { id: true } });
      for (const r of rows) await queue.submit({ id: r.id });
      return rows.length;
    },
  };
}

export type DocumentService = ReturnType<typeof documentService>;

const services = new WeakMap<object, DocumentService>();

/**
 * The service of a database connection (its queue, its upload folder), created on first use; documents left
 * queued or running by a previous process are queued again then.
 */
export function documentsFor(db: Pick<Database, 'prisma'>, onError: (err: unknown) => void = () => undefined): DocumentService {
  let s = services.get(db);
  if (!s) {
    s = documentService(db);
    services.set(db, s);
    s.resume().catch(onError);
  }
  return s;
}

export const publicView = (d: StoredDocument): DocumentView => {
  const { ownerId: _o, path: _p, ...view } = d;
  return view;
};
