// The 自评结果 as a PDF to forward (server/report/pdf.ts):
// GET /api/v1/prechecks/:id/report.pdf   a stored pre-check whose form was complete, with its findings, gaps and sources
// GET /api/v1/assessments/:id/report.pdf a stored assessment
// Visible to the owner only, like the records they are made from.
import type { Context } from 'koa';
import { z } from 'zod';
import { precheckRepository } from '../../db/prechecks.ts';
import type { AssessmentResult } from '../../domain/schemas/assessment.ts';
import type { PrecheckInput } from '../../precheck/schemas.ts';
import { firmRepository } from '../../reminders/firms.ts';
import type { ReportExtra } from '../../report/pdf.ts';
import { HttpError, notFound } from '../errors.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';
import { documentsOf } from './documents.ts';

export const openapi = {
  '/api/v1/prechecks/{id}/report.pdf': {
    get: { summary: '自评结果报告（PDF，含不符合原因、需处理的问题、差距与数据来源）' },
  },
  '/api/v1/assessments/{id}/report.pdf': {
    get: { summary: '自评结果报告（PDF）' },
  },
};

const uuid = z.string().uuid();

async function send(ctx: Context, deps: AppDeps, input: PrecheckInput, result: AssessmentResult, extra: ReportExtra): Promise<void> {
  // The PDF writer and its fonts load with the first report asked for, not with the server.
  const [{ assessmentReportPdf }, { ReportFontMissing }] = await Promise.all([import('../../report/pdf.ts'), import('../../report/fonts.ts')]);
  let pdf: Buffer;
  try {
    pdf = await assessmentReportPdf(input, result, { ...extra, generatedAt: deps.clock.now() });
  } catch (e) {
    if (e instanceof ReportFontMissing) throw new HttpError(503, e.code, e.message);
    throw e;
  }
  const name = `自评结果-${result.evaluationYear}年度.pdf`;
  ctx.set('Content-Disposition', `attachment; filename="report-${result.evaluationYear}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.type = 'application/pdf';
  ctx.body = pdf;
}

/** The firm's name: as the owner saved it, else as the statements print it (the most frequent one). */
async function firmName(deps: AppDeps, ownerId: string | null, documentIds: readonly string[]): Promise<string | undefined> {
  if (ownerId) {
    const firm = await firmRepository(deps.db.prisma).find(ownerId);
    if (firm?.name) return firm.name;
  }
  const docs = documentsOf(deps);
  const counts = new Map<string, number>();
  for (const id of documentIds.filter((i) => uuid.safeParse(i).success)) {
    const d = await docs.find(id);
    if (!d || d.ownerId !== ownerId) continue;
    for (const st of d.result?.documents ?? []) if (st.company) counts.set(st.company, (counts.get(st.company) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function register(router: AppRouter, deps: AppDeps): void {
  const prechecks = precheckRepository(deps.db.prisma);

  router.get('/api/v1/prechecks/:id/report.pdf', async (ctx) => {
    const found = uuid.safeParse(ctx.params.id).success ? await prechecks.find(ctx.params.id!) : null;
    if (!found || (found.ownerId && found.ownerId !== ctx.state.userId)) throw notFound('预审记录');
    const r = found.result;
    if (!r.assessment) throw new HttpError(409, 'REPORT_NOT_READY', '还有问题未回答，回答完整后才能生成自评结果报告');
    await send(ctx, deps, found.input, r.assessment, {
      findings: r.findings,
      gaps: r.gaps,
      figures: r.figures,
      firmName: await firmName(deps, found.ownerId, found.input.documents ?? []),
    });
  });

  router.get('/api/v1/assessments/:id/report.pdf', async (ctx) => {
    const found = uuid.safeParse(ctx.params.id).success ? await deps.assessments.find(ctx.params.id!) : null;
    if (!found || (found.ownerId && found.ownerId !== ctx.state.userId)) throw notFound('评价记录');
    await send(ctx, deps, found.input, found.result, { firmName: await firmName(deps, found.ownerId, []) });
  });
}
