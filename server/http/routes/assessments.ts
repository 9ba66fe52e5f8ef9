// POST /api/v1/assessments: validate, score, store, return the 自评结果 with its id.
// GET  /api/v1/assessments/:id: a stored one. An assessment with an owner is visible to that owner only.
import { z } from 'zod';
import { AssessmentInputSchema, AssessmentResultSchema } from '../../domain/schemas/assessment.ts';
import { createAssessment } from '../../services/assessments.ts';
import type { StoredAssessment } from '../../db/assessments.ts';
import { readJson } from '../body.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { AppDeps, AppRouter } from '../app.ts';

export const StoredAssessmentSchema = AssessmentResultSchema.extend({
  id: z.string().uuid(),
  createdAt: z.string(),
  input: AssessmentInputSchema,
}).meta({ id: 'StoredAssessment', description: '已保存的自评结果（含输入）' });

const view = (a: StoredAssessment) => ({ id: a.id, createdAt: a.createdAt.toISOString(), ...a.result, input: a.input });

export const openapi = {
  '/api/v1/assessments': {
    post: { summary: '提交自评数据并计算评价结果', request: AssessmentInputSchema, response: StoredAssessmentSchema, status: 201 },
  },
  '/api/v1/assessments/{id}': {
    get: { summary: '读取已保存的评价结果', response: StoredAssessmentSchema },
  },
};

export function register(router: AppRouter, deps: AppDeps): void {
  // Anonymous scoring stays open (nothing is spent but a row), limited per user and per address.
  router.post('/api/v1/assessments', deps.rateLimiter.limit('assessment'), async (ctx) => {
    const created = await createAssessment(deps.assessments, await readJson(ctx, deps.config.jsonLimit), ctx.state.userId ?? null);
    if (!created.ok) throw invalidInput(created.issues);
    ctx.status = 201;
    ctx.set('Location', `/api/v1/assessments/${created.value.id}`);
    ctx.body = view(created.value);
  });

  router.get('/api/v1/assessments/:id', async (ctx) => {
    const found = z.string().uuid().safeParse(ctx.params.id).success ? await deps.assessments.find(ctx.params.id!) : null;
    if (!found || (found.ownerId && found.ownerId !== ctx.state.userId)) throw notFound('评价记录');
    ctx.body = view(found);
  });
}
