// Batches over the API: an organisation's spreadsheet (and optionally a zip of firm folders) is checked at
// once, stored, and processed in the background — one batch at a time per process, each firm's statements
// read through the documents queue (the API's own extraction path and its bounds), a few firms in flight.
// The Batch row is the source of truth for status and progress; BatchFirm holds each firm's result.
import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/client.ts';
import { uploadDir, type DocumentService } from '../extract/documents.ts';
import { InProcessQueue } from '../extract/jobs.ts';
import { defaultWorkers } from '../extract/limits.ts';
import type { ExtractionResult } from '../extract/schema.ts';
import type { ResolvedDocument } from '../precheck/reconcile.ts';
import { firmKeyOf, organisationRepository } from '../organisations/repository.ts';
import { parseBatch } from './parse.ts';
import { BatchInputError, readBatchFile } from './read.ts';
import { runBatch } from './run.ts';
import type { BatchSummary, FirmResult } from './schemas.ts';
import type { ParsedFirm } from './sheet.ts';
import { unpackDocs, type UnpackedFile } from './zip-docs.ts';

export type BatchStatus = 'queued' | 'processing' | 'done' | 'failed';

export interface BatchView {
  id: string;
  organisationId: string;
  fileName: string;
  status: BatchStatus;
  firms: number;
  processed: number;
  progress: number;
  createdAt: string;
  summary?: BatchSummary;
  error?: { code: string; message: string };
}

export interface BatchServiceOptions {
  dir?: string;
  /** Firms whose statements are in the documents queue at once. */
  firmsInFlight?: number;
  /** How often a firm waiting for its statements looks at them, ms. */
  pollMs?: number;
  /** The evaluation year a row without one takes. */
  defaultYear: () => number;
  /** A batch that failed for a reason of ours (not its input): logged, never shown to the user. */
  onError?: (err: unknown) => void;
}

const ZIP_LIMITS = { maxEntries: 5000, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 };
/** Progress is written at most this often (rows), besides the end. */
const PROGRESS_EVERY = 25;

const keyOf = (f: ParsedFirm) => [f.creditCode, `#${f.row}`].filter(Boolean) as string[];
const view = (b: {
  id: string; organisationId: string; fileName: string; status: string; firms: number; processed: number; createdAt: Date; summary: unknown; error: unknown;
}): BatchView => ({
  id: b.id,
  organisationId: b.organisationId,
  fileName: b.fileName,
  status: b.status as BatchStatus,
  firms: b.firms,
  processed: b.processed,
  progress: b.status === 'done' ? 1 : b.firms ? Math.min(1, b.processed / b.firms) : 0,
  createdAt: b.createdAt.toISOString(),
  ...(b.summary ? { summary: b.summary as BatchSummary } : {}),
  ...(b.error ? { error: b.error as { code: string; message: string } } : {}),
});

export function batchService(db: Pick<Database, 'prisma'>, docs: DocumentService, options: BatchServiceOptions) {
  const { prisma } = db;
  const dir = options.dir ?? join(uploadDir(), 'batches');
  const orgs = organisationRepository(prisma);
  const firmsInFlight = options.firmsInFlight ?? Math.max(1, defaultWorkers());
  const pollMs = options.pollMs ?? 300;

  /** A firm's statements through the documents queue: submitted, waited for, then handed over extracted. */
  async function statementsOf(batchId: string, position: number, files: UnpackedFile[], ownerId: string): Promise<ResolvedDocument[]> {
    const ids: string[] = [];
    const out: ResolvedDocument[] = [];
    for (const f of files) {
      const bytes = await readFile(f.path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      for (;;) {
        const temp = docs.tempPath();
        await copyFile(f.path, temp);
        try {
          const created = await docs.add({ ownerId, fileName: f.name, tempPath: temp, size: bytes.length, sha256 });
          await prisma.batchDocument.create({ data: { documentId: created.id, batchId, position } });
          ids.push(created.id);
          break;
        } catch (e) {
          // The job bounds (queued documents per user and overall) hold for batches too: wait for room.
          const code = (e as { code?: string }).code;
          if (code === 'TOO_MANY_PENDING_DOCUMENTS' || code === 'DOCUMENT_QUEUE_FULL') {
            await new Promise((r) => setTimeout(r, pollMs * 5));
            continue;
          }
          if (code === 'STORAGE_QUOTA_EXCEEDED') {
            out.push({ id: f.name, extraction: failed(f.name, code, (e as Error).message) });
            break;
          }
          throw e;
        }
      }
    }
    for (const id of ids) {
      for (;;) {
        const d = await docs.find(id);
        if (!d) {
          out.push({ id, extraction: failed('文件', 'DOCUMENT_DELETED', '报表在识别完成前被删除') });
          break;
        }
        if (d.status === 'done' && d.result) {
          out.push({ id, extraction: d.result });
          break;
        }
        if (d.status === 'failed') {
          out.push({ id, extraction: failed(d.fileName, d.error?.code ?? 'INTERNAL', d.error?.message ?? '报表识别失败') });
          break;
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
    }
    return out;
  }

  async function process({ id }: { id: string }): Promise<void> {
    // Claimed by moving it on: a second process resuming the same batch finds nothing to claim.
    const claimed = await prisma.batch.updateMany({ where: { id, status: 'queued' }, data: { status: 'processing', processed: 0 } });
    if (claimed.count === 0) return;
    const b = (await prisma.batch.findUnique({ where: { id } }))!;
    try {
      const parsed = parseBatch(await readBatchFile(b.fileName, await readFile(b.path)));
      const manifest = await readManifest(b.path);
      const byKey = new Map<string, UnpackedFile[]>();
      for (const f of manifest) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
      const filesOf = (firm: ParsedFirm) => keyOf(firm).map((k) => byKey.get(k)).find(Boolean) ?? null;
      const positions = new Map(parsed.firms.map((f, i) => [f, i]));
      const used = new Set(parsed.firms.map((f) => keyOf(f).find((k) => byKey.has(k))).filter(Boolean));
      await prisma.batchFirm.deleteMany({ where: { batchId: id } });
      let written = 0;
      const { results, summary } = await runBatch(parsed, {
        defaultYear: options.defaultYear(),
        hasStatements: (f) => filesOf(f) !== null,
        statements: async (f) => statementsOf(id, positions.get(f)!, filesOf(f)!, b.createdById),
        concurrency: firmsInFlight,
        notes: [...byKey.keys()].filter((k) => !used.has(k)).map((k) => `报表文件夹“${k.replace(/^#/, '第')}${k.startsWith('#') ? '行' : ''}”未对应任何企业`),
        onProgress: (done, total) => {
          if (done - written < PROGRESS_EVERY && done < total) return;
          written = done;
          void prisma.batch.updateMany({ where: { id, status: 'processing' }, data: { processed: done } }).catch(() => undefined);
        },
      });
      await store(b.organisationId, id, results);
      await prisma.batch.updateMany({ where: { id }, data: { status: 'done', processed: results.length, summary: summary as object } });
    } catch (e) {
      const error = e instanceof BatchInputError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: '批量评价失败，请稍后重试' };
      await prisma.batch.updateMany({ where: { id }, data: { status: 'failed', error } });
      if (!(e instanceof BatchInputError)) throw e;
    } finally {
      // The results are stored: the spreadsheet and the unpacked statements are not kept.
      for (const p of [b.path, `${b.path}.json`, `${b.path}.docs`]) await rm(p, { recursive: true, force: true });
    }
  }

  /** Results in input order, each tied to the organisation's firm (created on first sight). */
  async function store(organisationId: string, batchId: string, results: FirmResult[]) {
    const keys = results.map((r) => firmKeyOf(r));
    const ids = await orgs.upsertFirms(organisationId, keys.filter((k) => k !== null), new Date());
    const rows = results.map((r, position) => ({
      batchId,
      position,
      row: r.row,
      firmId: keys[position] ? (ids.get(keys[position]!.key) ?? null) : null,
      name: r.name,
      creditCode: r.creditCode,
      verdict: r.verdict,
      result: r as object,
    }));
    for (let i = 0; i < rows.length; i += 200) await prisma.batchFirm.createMany({ data: rows.slice(i, i + 200) });
  }

  const queue = new InProcessQueue<{ id: string }>(process, 1, (_job, err) => options.onError?.(err));

  return {
    queue,
    dir,

    /**
     * Checks and stores an upload, then queues it. The spreadsheet is read now, so a file that is not a batch
     * is refused at once with its reason (BatchInputError) rather than failing later.
     */
    async create(o: { organisationId: string; userId: string; fileName: string; bytes: Buffer; docs?: Buffer | string }): Promise<BatchView> {
      const parsed = parseBatch(await readBatchFile(o.fileName, o.bytes));
      const id = randomUUID();
      await mkdir(dir, { recursive: true });
      const path = join(dir, id);
      await writeFile(path, o.bytes);
      try {
        const files = o.docs ? (await unpackDocs(o.docs, `${path}.docs`, ZIP_LIMITS)).files : [];
        await writeFile(`${path}.json`, JSON.stringify(files));
      } catch (e) {
        await rm(path, { force: true });
        await rm(`${path}.docs`, { recursive: true, force: true });
        throw e;
      }
      const row = await prisma.batch.create({
        data: { id, organisationId: o.organisationId, createdById: o.userId, fileName: o.fileName, path, status: 'queued', firms: parsed.firms.length },
      });
      await queue.submit({ id });
      return view(row);
    },

    async find(id: string) {
      const b = await prisma.batch.findUnique({ where: { id } });
      return b && { ...view(b), createdById: b.createdById };
    },

    async list(organisationId: string) {
      return (await prisma.batch.findMany({ where: { organisationId }, orderBy: { createdAt: 'desc' }, take: 100 })).map(view);
    },

    /** The firms' results in input order. */
    async results(batchId: string): Promise<FirmResult[]> {
      return (await prisma.batchFirm.findMany({ where: { batchId }, orderBy: { position: 'asc' } })).map((r) => r.result as unknown as FirmResult);
    },

    async firmResult(batchId: string, row: number): Promise<FirmResult | null> {
      const r = await prisma.batchFirm.findFirst({ where: { batchId, row } });
      return r ? (r.result as unknown as FirmResult) : null;
    },

    /** A firm's results across the organisation's batches, newest first. */
    async historyOf(firmId: string) {
      const rows = await prisma.batchFirm.findMany({ where: { firmId } });
      const batches = await prisma.batch.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.batchId))] } } });
      return rows
        .map((r) => ({ batchId: r.batchId, createdAt: batches.find((b) => b.id === r.batchId)?.createdAt ?? new Date(0), result: r.result as unknown as FirmResult }))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map((x) => ({ ...x, createdAt: x.createdAt.toISOString() }));
    },

    /** The batch, its results, its stored files and the statements it read. */
    async remove(id: string) {
      const b = await prisma.batch.findUnique({ where: { id } });
      if (!b) return;
      for (const d of await prisma.batchDocument.findMany({ where: { batchId: id } })) await docs.remove(d.documentId);
      await prisma.$transaction([
        prisma.batchDocument.deleteMany({ where: { batchId: id } }),
        prisma.batchFirm.deleteMany({ where: { batchId: id } }),
        prisma.batch.deleteMany({ where: { id } }),
      ]);
      for (const p of [b.path, `${b.path}.json`, `${b.path}.docs`]) await rm(p, { recursive: true, force: true });
    },

    async removeOrganisation(organisationId: string) {
      for (const b of await prisma.batch.findMany({ where: { organisationId }, select: { id: true } })) await this.remove(b.id);
      await orgs.remove(organisationId);
    },

    /** After a restart: batches left queued or half done are queued again (a half-done one starts over). */
    async resume(): Promise<number> {
      await prisma.batch.updateMany({ where: { status: 'processing' }, data: { status: 'queued' } });
      const rows = await prisma.batch.findMany({ where: { status: 'queued' }, select: { id: true } });
      for (const r of rows) await queue.submit(r);
      return rows.length;
    },
  };
}

async function readManifest(path: string): Promise<UnpackedFile[]> {
  try {
    return JSON.parse(await readFile(`${path}.json`, 'utf8')) as UnpackedFile[];
  } catch {
    return [];
  }
}

function failed(file: string, code: string, message: string): ExtractionResult {
  return { file, pages: 0, method: 'text', documents: [], checks: [], errors: [{ code, message }] };
}

export type BatchService = ReturnType<typeof batchService>;

const services = new WeakMap<object, BatchService>();

/** The batch service of a database connection, made on first use; unfinished batches are resumed then. */
export function batchesFor(db: Pick<Database, 'prisma'>, docs: DocumentService, defaultYear: () => number, onError: (err: unknown) => void = () => undefined): BatchService {
  let s = services.get(db);
  if (!s) {
    s = batchService(db, docs, { defaultYear, onError, dir: join(docs.dir, 'batches') });
    services.set(db, s);
    s.resume().catch(onError);
  }
  return s;
}

