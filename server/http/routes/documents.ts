// POST /api/v1/documents: multipart upload of one statement (field "file") → 202 with the document id; the
// extraction runs in the background. GET /api/v1/documents/:id: status, progress and, once done, the result
// (contracts.md §3). DELETE /api/v1/documents/:id: removes the stored file and the record. A document with an
// owner is visible to that owner only.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import busboy from 'busboy';
import type { Context } from 'koa';
import { z } from 'zod';
import { documentsFor, publicView, type DocumentService } from '../../extract/documents.ts';
import { ExtractError } from '../../extract/errors.ts';
import { ExtractionResult, ExtractIssue, ProgressDetail } from '../../extract/schema.ts';
import { sniffType } from '../../extract/sniff.ts';
import { requireUser } from '../../auth/middleware.ts';
import { HttpError, notFound } from '../errors.ts';
import type { AppDeps, AppRouter } from '../app.ts';

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
  documentsFor(deps.db, (err) => deps.logger.error({ err }, 'resuming document jobs failed'));

export function register(router: AppRouter, deps: AppDeps): void {
  const docs = documentsOf(deps);

  router.post('/api/v1/documents', async (ctx) => {
    const upload = await receiveFile(ctx, docs);
    const created = await docs.add({ ownerId: ctx.state.userId ?? null, ...upload });
    ctx.status = 202;
    ctx.set('Location', `/api/v1/documents/${created.id}`);
    ctx.body = created;
  });

  router.get('/api/v1/documents', async (ctx) => {
    const ownerId = requireUser(ctx);
    ctx.body = { documents: (await docs.listByOwner(ownerId)).map(publicView) };
  });

  const owned = async (ctx: Context & { state: { userId?: string } }) => {
    const id = ctx.params?.id as string | undefined;
    const found = id && z.string().uuid().safeParse(id).success ? await docs.find(id) : null;
    if (!found || (found.ownerId && found.ownerId !== ctx.state.userId)) throw notFound('文档');
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

/** Streams the single file part to disk while hashing it; nothing is buffered whole in memory. */
function receiveFile(ctx: Context, docs: DocumentService): Promise<Upload> {
  if (!ctx.is('multipart/form-data')) {
    return Promise.reject(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段名 file）'));
  }
  const max = docs.limits.maxBytes;
  return new Promise((resolve, reject) => {
    let got: Promise<Upload> | undefined;
    // WeChat's uploadFile sends a temporary file name (tmp_…); the mini-program sends the real one as `name`.
    let shownName: string | undefined;
    const bb = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: max, fields: 10 } });
    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || got) {
        stream.resume();
        return;
      }
      const tempPath = docs.tempPath();
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      let truncated = false;
      const out = createWriteStream(tempPath);
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < 1024) head = Buffer.concat([head, chunk.subarray(0, 1024 - head.length)]);
      });
      stream.on('limit', () => (truncated = true));
      got = new Promise<Upload>((res, rej) => {
        out.on('error', rej);
        out.on('finish', () => {
          // The extractor's own codes and Chinese messages, with the HTTP status that fits.
          const fail = (status: number, e: ExtractError) => rm(tempPath, { force: true }).finally(() => rej(new HttpError(status, e.code, e.message)));
          if (truncated) return void fail(413, new ExtractError('FILE_TOO_LARGE', { max: Math.round(max / 1024 / 1024) }));
          if (size === 0) return void fail(400, new ExtractError('EMPTY_FILE'));
          if (!sniffType(head)) return void fail(415, new ExtractError('UNSUPPORTED_TYPE'));
          res({ fileName: (info.filename || 'upload').slice(0, 200), tempPath, size, sha256: hash.digest('hex') });
        });
      });
      stream.pipe(out);
    });
    bb.on('field', (field, value) => {
      if (field === 'name' && value.trim()) shownName = value.trim().slice(0, 200);
    });
    bb.on('error', () => reject(new HttpError(400, 'BAD_MULTIPART', '上传内容格式不正确')));
    bb.on('close', () => {
      if (!got) reject(new HttpError(400, 'NO_FILE', '请在字段 file 中上传一个文件'));
      else got.then((u) => resolve(shownName ? { ...u, fileName: shownName } : u), reject);
    });
    ctx.req.pipe(bb);
  });
}
