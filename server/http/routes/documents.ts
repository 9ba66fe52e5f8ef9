// POST /api/v1/documents: multipart upload of one statement (field "file") → 202 with the document id; the
// extraction runs in the background. GET /api/v1/documents/:id: status, progress and, once done, the result
// (contracts.md §3). DELETE /api/v1/documents/:id: removes the stored file and the record. All three need a
// session (docs/limits.md: why); a document is visible to its owner only.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Context } from 'koa';
import { z } from 'zod';
import { requireUser } from '../../auth/middleware.ts';
import { customIssue } from '../../domain/schemas/issues.ts';
import { text } from '../../domain/schemas/text.ts';
import { documentsFor, OwnerGoneError, publicView, type DocumentService } from '../../extract/documents.ts';
import { assertRoomBefore } from '../../limits/admission.ts';
import { createFileStore } from '../../files/store.ts';
import { ExtractError } from '../../extract/errors.ts';
import { ExtractionResult, ExtractIssue, ProgressDetail } from '../../extract/schema.ts';
import { sniffType } from '../../extract/sniff.ts';
import { accountDeleted, HttpError, invalidInput, notFound } from '../errors.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';

export const DocumentSchema = z
  .object({
    id: z.string().uuid(),
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    status: z.enum(['queued', 'processing', 'done', 'failed']),
    progress: z.number().min(0).max(1),
    progressDetail: ProgressDetail.optional().meta({ description: '识别进行到第几页、哪一步（识别中时）' }),
    createdAt: z.string(),
    result: ExtractionResult.optional(),
    error: ExtractIssue.optional(),
  })
  .meta({ id: 'Document', description: '上传的报表及其识别结果（status 为 done 时含 result）' });

export const openapi = {
  '/api/v1/documents': {
    get: { summary: '我上传的报表（最新在前），刷新或换设备后仍可列出', response: z.object({ documents: z.array(DocumentSchema) }) },
    post: {
      summary: '上传报表（PDF、PNG、JPEG），后台识别，返回文档 id',
      multipart: { file: { type: 'string', format: 'binary', description: '资产负债表、利润表、A107012 或职工人数统计表' } },
      response: DocumentSchema,
      status: 202,
    },
  },
  '/api/v1/documents/{id}': {
    get: { summary: '识别状态、进度与结果', response: DocumentSchema },
    delete: { summary: '删除上传的文件及识别结果', status: 204 },
  },
};

/** The application's document service (other routes read stored statements through it). */
export const documentsOf = (deps: AppDeps): DocumentService =>
  documentsFor(deps.db, {
    dir: deps.config.uploadDir,
    store: createFileStore(deps.config.files, deps.config.uploadDir),
    ...(deps.jobs ? { queue: () => deps.jobs! } : {}),
    admission: deps.config.limits,
    maxAttempts: deps.config.jobs.maxAttempts,
    idleMs: deps.config.jobs.ocrIdleSeconds * 1000,
    onError: (err) => deps.logger.error({ err }, 'document job failed'),
  });

const busy = () =>
  new HttpError(503, 'UPLOADS_BUSY', '当前上传的人较多，请稍后再试', undefined, { 'Retry-After': '5' });

export function register(router: AppRouter, deps: AppDeps): void {
  const docs = documentsOf(deps);
  let inFlight = 0;

  router.post('/api/v1/documents', deps.rateLimiter.limit('upload'), async (ctx) => {
    const ownerId = requireUser(ctx);
    if (inFlight >= deps.config.limits.uploadsInFlight) throw busy();
    inFlight++;
    try {
      await assertRoomBefore(deps.db.prisma, ownerId, deps.config.limits);
      const upload = await receiveFile(ctx, docs.tempPath, docs.limits.maxBytes);
      const created = await docs.add({ ownerId, ...upload }).catch((e: unknown) => {
        throw e instanceof OwnerGoneError ? accountDeleted() : e;
      });
      ctx.status = 202;
      ctx.set('Location', `/api/v1/documents/${created.id}`);
      ctx.body = created;
    } finally {
      inFlight--;
    }
  });

  router.get('/api/v1/documents', async (ctx) => {
    const ownerId = requireUser(ctx);
    ctx.body = { documents: (await docs.listByOwner(ownerId)).map(publicView) };
  });

  // Another owner's document, an old anonymous one and a malformed id all look the same: not found.
  const owned = async (ctx: Context & { state: { userId?: string } }) => {
    const userId = requireUser(ctx);
    const id = ctx.params?.id as string | undefined;
    const found = id && z.string().uuid().safeParse(id).success ? await docs.find(id) : null;
    if (!found || found.ownerId !== userId) throw notFound('文档');
    return found;
  };

  router.get('/api/v1/documents/:id', async (ctx) => {
    ctx.body = publicView(await owned(ctx));
  });

  router.delete('/api/v1/documents/:id', async (ctx) => {
    await docs.remove((await owned(ctx)).id);
    ctx.status = 204;
  });
}

interface Upload { fileName: string; tempPath: string; size: number; sha256: string }

const NameSchema = text().trim().min(1);
/** Long names are cut, by characters (never inside a surrogate pair). */
const shorten = (name: string) => Array.from(name).slice(0, 200).join('');

const badMultipart = () => new HttpError(400, 'BAD_MULTIPART', '上传内容格式不正确，请重新选择文件上传');
const incomplete = () => new HttpError(400, 'UPLOAD_INCOMPLETE', '文件没有完整上传（连接中断），请重新上传');

/**
 * Streams the single file part to a temp file while hashing it; nothing is buffered whole in memory. Every way
 * an upload can go wrong — no or broken boundary, a body that ends inside the file, a client that hangs up, a
 * write error, a refused type or name — settles as an HttpError after the temp file is removed and its handle
 * closed; the rest of a refused body is read and dropped so the client still gets the answer.
 */
function receiveFile(ctx: Context, tempPath: () => string, max: number): Promise<Upload> {
  if (!ctx.is('multipart/form-data')) {
    return Promise.reject(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段名 file）'));
  }
  const req = ctx.req;
  return new Promise<Upload>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: max, fields: 10, fieldSize: 4096, parts: 20, headerPairs: 20 },
      });
    } catch {
      reject(badMultipart()); // no boundary, or an unparsable content type
      return;
    }
    let settled = false;
    let temp: string | undefined;
    let out: WriteStream | undefined;
    let written: Promise<{ filename: string | undefined; size: number; sha256: string; head: Buffer; truncated: boolean }> | undefined;
    // WeChat's uploadFile sends a temporary file name (tmp_…); the mini-program sends the real one as `name`.
    let shownName: string | undefined;

    const fail = (err: HttpError) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      bb.removeAllListeners('close');
      bb.on('error', () => undefined);
      bb.destroy();
      req.resume();
      out?.destroy();
      void (temp ? rm(temp, { force: true }) : Promise.resolve()).finally(() => reject(err));
    };

    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || written || settled) {
        stream.resume();
        return;
      }
      temp = tempPath();
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          if (head.length < 1024) head = Buffer.concat([head, chunk.subarray(0, 1024 - head.length)]);
          done(null, chunk);
        },
      });
      out = createWriteStream(temp, { flags: 'wx' });
      const done = pipeline(stream, meter, out).then(() => ({ filename: info.filename, size, sha256: hash.digest('hex'), head, truncated }));
      written = done;
      done.catch((e: Error) => fail(/end of form/i.test(e?.message ?? '') ? incomplete() : badMultipart()));
    });
    bb.on('field', (field, value) => {
      if (field === 'name') shownName = value;
    });
    bb.on('error', (e: Error) => fail(/end of form/i.test(e?.message ?? '') ? incomplete() : badMultipart()));
    bb.on('close', () => {
      if (settled) return;
      if (!written) return fail(new HttpError(400, 'NO_FILE', '请在字段 file 中上传一个文件'));
      written.then((f) => {
        if (settled) return;
        // The extractor's own codes and Chinese messages, with the HTTP status that fits.
        const refuse = (status: number, e: ExtractError) => fail(new HttpError(status, e.code, e.message));
        if (f.truncated) return refuse(413, new ExtractError('FILE_TOO_LARGE', { max: Math.round(max / 1024 / 1024) }));
        if (f.size === 0) return refuse(400, new ExtractError('EMPTY_FILE'));
        if (!sniffType(f.head)) return refuse(415, new ExtractError('UNSUPPORTED_TYPE'));
        const given = shownName?.trim() ? shownName : undefined;
        const name = NameSchema.safeParse(given ?? (f.filename || 'upload'));
        if (!name.success) return fail(invalidInput([customIssue([given !== undefined ? 'name' : 'file'], 'INVALID_TEXT')]));
        settled = true;
        resolve({ fileName: shorten(name.data), tempPath: temp!, size: f.size, sha256: f.sha256 });
      }, () => undefined);
    });
    // A client that hangs up mid-upload: without this the promise, the temp file and its handle would live forever.
    req.once('close', () => {
      if (!req.complete) fail(incomplete());
    });
    req.once('error', () => fail(incomplete()));
    req.pipe(bb);
  });
}
