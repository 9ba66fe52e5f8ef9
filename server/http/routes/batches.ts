// Batch pre-screening for organisation accounts. POST /api/v1/batches (multipart: `file` the spreadsheet, `docs`
// an optional zip with one folder of statements per firm, `organisationId`) → 202 with the batch id; GET
// /api/v1/batches/:id → status and progress; then the result spreadsheet (.xlsx, .csv), the per-firm results
// and a zip of per-firm PDF reports. Only members of the batch's organisation see any of it.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import busboy from 'busboy';
import type { Context } from 'koa';
import { z } from 'zod';
import { requireUser } from '../../auth/middleware.ts';
import { BatchInputError, DEFAULT_READ_LIMITS } from '../../batch/read.ts';
import { loadReportPdf, reportsZip } from '../../batch/reports.ts';
import { BatchSummarySchema, FirmResultSchema } from '../../batch/schemas.ts';
import { batchesFor, type BatchService } from '../../batch/service.ts';
import { templateXlsx } from '../../batch/template.ts';
import { resultCsv, resultXlsx } from '../../batch/write.ts';
import { organisationRepository } from '../../organisations/repository.ts';
import { localYear } from '../../reminders/time.ts';
import { documentsOf } from './documents.ts';
import { HttpError, notFound } from '../errors.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';
import { requireMember } from './organisations.ts';

export const BatchSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    fileName: z.string(),
    status: z.enum(['queued', 'processing', 'done', 'failed']),
    firms: z.number().int(),
    processed: z.number().int(),
    progress: z.number().min(0).max(1),
    createdAt: z.string(),
    summary: BatchSummarySchema.optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: 'Batch', description: '批量预审：状态、进度，完成后含汇总' });

const FirmRowSchema = FirmResultSchema.omit({ assessment: true, input: true }).meta({ id: 'BatchFirmRow', description: '批量结果中的一行（详情见 firms/{row}）' });

export const openapi = {
  '/api/v1/batches': {
    get: { summary: '机构的批量预审（?organisationId=）', response: z.array(BatchSchema) },
    post: {
      summary: '上传企业表格（xlsx、csv、jsonl），可附报表压缩包（每家企业一个文件夹），后台批量预审',
      multipart: {
        file: { type: 'string', format: 'binary', description: 'kexiao batch --template 生成的模板或同样列名的表格' },
        docs: { type: 'string', format: 'binary', description: '可选：zip，每家企业一个文件夹，以统一社会信用代码或行号命名' },
        organisationId: { type: 'string', description: '所属机构（只属于一个机构时可省略）' },
      },
      response: BatchSchema,
      status: 202,
    },
  },
  '/api/v1/batches/template.xlsx': { get: { summary: '填写模板（评价信息表字段顺序与表述，含研发项目表和下拉选项）' } },
  '/api/v1/batches/{id}': { get: { summary: '状态、进度与汇总', response: BatchSchema }, delete: { summary: '删除批次、结果及其报表', status: 204 } },
  '/api/v1/batches/{id}/firms': { get: { summary: '每家企业的结果（按表格顺序）', response: z.array(FirmRowSchema) } },
  '/api/v1/batches/{id}/firms/{row}': { get: { summary: '一家企业的完整结果（含自评结果与输入）', response: FirmResultSchema } },
  '/api/v1/batches/{id}/result.xlsx': { get: { summary: '结果表（评价结果、汇总、数据问题三个工作表）' } },
  '/api/v1/batches/{id}/result.csv': { get: { summary: '结果表 CSV（UTF-8 带 BOM）' } },
  '/api/v1/batches/{id}/reports.zip': { get: { summary: '每家企业的 PDF 报告，打包下载' } },
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_DOCS_BYTES = 500 * 1024 * 1024;

const attachment = (ctx: Context, name: string, type: string) => {
  ctx.type = type;
  ctx.set('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
};

interface Upload {
  fileName: string;
  bytes: Buffer;
  docsPath?: string;
  organisationId?: string;
}

/** The spreadsheet in memory (bounded), the statements zip streamed to a temporary file (bounded). */
function receive(ctx: Context): Promise<Upload> {
  if (!ctx.is('multipart/form-data')) return Promise.reject(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传（字段 file，可选 docs）'));
  return new Promise((resolve, reject) => {
    const bb = busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: 2, fields: 5, fileSize: MAX_DOCS_BYTES } });
    const out: Partial<Upload> = {};
    const pending: Promise<void>[] = [];
    let failure: HttpError | undefined;
    bb.on('file', (field, stream, info) => {
      if (field === 'file') {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > DEFAULT_READ_LIMITS.maxBytes) failure ??= new HttpError(413, 'FILE_TOO_LARGE', `表格超过${DEFAULT_READ_LIMITS.maxBytes / 1024 / 1024}MB上限，请分批提交`);
          else chunks.push(c);
        });
        pending.push(new Promise((res) => stream.on('end', () => {
          out.fileName = (info.filename || 'batch.xlsx').slice(0, 200);
          out.bytes = Buffer.concat(chunks);
          res();
        })));
      } else if (field === 'docs') {
        const path = join(tmpdir(), `kexiao-batch-docs-${randomUUID()}`);
        out.docsPath = path;
        stream.on('limit', () => (failure ??= new HttpError(413, 'ZIP_TOO_LARGE', `报表压缩包超过${MAX_DOCS_BYTES / 1024 / 1024}MB，请分批提交`)));
        pending.push(new Promise((res, rej) => stream.pipe(createWriteStream(path)).on('finish', res).on('error', rej)));
      } else stream.resume();
    });
    bb.on('field', (field, value) => {
      if (field === 'organisationId') out.organisationId = value.trim();
    });
    bb.on('error', () => reject(new HttpError(400, 'BAD_MULTIPART', '上传内容格式不正确')));
    bb.on('close', () => {
      Promise.all(pending).then(async () => {
        if (failure || !out.bytes) {
          if (out.docsPath) await rm(out.docsPath, { force: true });
          return reject(failure ?? new HttpError(400, 'NO_FILE', '请在字段 file 中上传企业表格'));
        }
        resolve(out as Upload);
      }, reject);
    });
    ctx.req.pipe(bb);
  });
}

export function register(router: AppRouter, deps: AppDeps): void {
  const orgs = organisationRepository(deps.db.prisma);
  const service = (): BatchService =>
    batchesFor(deps.db, documentsOf(deps), () => localYear(deps.clock.now()), (err) => deps.logger.error({ err }, 'batch failed'));

  /** The batch, for a member of its organisation only. */
  const visible = async (ctx: Context & { state: { userId?: string } }) => {
    const userId = requireUser(ctx);
    const id = ctx.params?.id as string | undefined;
    const b = id && z.string().uuid().safeParse(id).success ? await service().find(id) : null;
    if (!b || !(await orgs.roleOf(b.organisationId, userId))) throw notFound('批次');
    return b;
  };
  const finished = async (ctx: Context & { state: { userId?: string } }) => {
    const b = await visible(ctx);
    if (b.status !== 'done') throw new HttpError(409, 'BATCH_NOT_READY', b.status === 'failed' ? `批次处理失败：${b.error?.message ?? ''}` : `还在处理（${b.processed}/${b.firms}），请稍后再试`);
    return b;
  };

  router.get('/api/v1/batches/template.xlsx', async (ctx) => {
    // Like every batch route, for a logged-in user (the command writes it without one: kexiao batch --template).
    requireUser(ctx);
    attachment(ctx, '科技型中小企业批量预审模板.xlsx', XLSX);
    ctx.body = await templateXlsx();
  });

  router.post('/api/v1/batches', async (ctx) => {
    const userId = requireUser(ctx);
    const upload = await receive(ctx);
    try {
      let organisationId = upload.organisationId;
      if (!organisationId) {
        const mine = await orgs.forUser(userId);
        if (mine.length !== 1)
          throw new HttpError(400, mine.length ? 'ORGANISATION_REQUIRED' : 'NO_ORGANISATION', mine.length ? '您属于多个机构，请指定 organisationId' : '请先创建或加入一个机构');
        organisationId = mine[0]!.id;
      }
      await requireMember(deps, userId, organisationId);
      const b = await service().create({ organisationId, userId, fileName: upload.fileName, bytes: upload.bytes, docs: upload.docsPath });
      ctx.status = 202;
      ctx.set('Location', `/api/v1/batches/${b.id}`);
      ctx.body = b;
    } catch (e) {
      if (e instanceof BatchInputError) throw new HttpError(400, e.code, e.message);
      throw e;
    } finally {
      if (upload.docsPath) await rm(upload.docsPath, { force: true });
    }
  });

  router.get('/api/v1/batches', async (ctx) => {
    const userId = requireUser(ctx);
    const id = typeof ctx.query.organisationId === 'string' ? ctx.query.organisationId : (await orgs.forUser(userId))[0]?.id;
    if (!id) {
      ctx.body = [];
      return;
    }
    await requireMember(deps, userId, id);
    ctx.body = await service().list(id);
  });

  router.get('/api/v1/batches/:id', async (ctx) => {
    const { createdById: _c, ...b } = await visible(ctx);
    ctx.body = b;
  });

  router.delete('/api/v1/batches/:id', async (ctx) => {
    const b = await visible(ctx);
    await service().remove(b.id);
    ctx.status = 204;
  });

  router.get('/api/v1/batches/:id/firms', async (ctx) => {
    const b = await finished(ctx);
    ctx.body = (await service().results(b.id)).map(({ assessment: _a, input: _i, ...row }) => row);
  });

  router.get('/api/v1/batches/:id/firms/:row', async (ctx) => {
    const b = await finished(ctx);
    const row = Number(ctx.params.row);
    const r = Number.isInteger(row) ? await service().firmResult(b.id, row) : null;
    if (!r) throw notFound('企业结果');
    ctx.body = r;
  });

  router.get('/api/v1/batches/:id/result.xlsx', async (ctx) => {
    const b = await finished(ctx);
    attachment(ctx, `批量预审结果-${b.fileName.replace(/\.[^.]+$/, '')}.xlsx`, XLSX);
    ctx.body = await resultXlsx(await service().results(b.id), b.summary!);
  });

  router.get('/api/v1/batches/:id/result.csv', async (ctx) => {
    const b = await finished(ctx);
    attachment(ctx, `批量预审结果-${b.fileName.replace(/\.[^.]+$/, '')}.csv`, 'text/csv; charset=utf-8');
    ctx.body = resultCsv(await service().results(b.id));
  });

  router.get('/api/v1/batches/:id/reports.zip', async (ctx) => {
    const b = await finished(ctx);
    const pdf = await loadReportPdf();
    attachment(ctx, `企业报告-${b.fileName.replace(/\.[^.]+$/, '')}.zip`, 'application/zip');
    ctx.body = reportsZip(await service().results(b.id), pdf);
  });
}
