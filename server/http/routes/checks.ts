// GET/PUT /api/v1/checks/current: the owner's unfinished answers, saved while filling in and resumed later.
import { z } from 'zod';
import { requireUser } from '../../auth/middleware.ts';
import { AssessmentDraftSchema, draftRepository } from '../../auth/drafts.ts';
import { parseBody } from '../../auth/validation.ts';
import { validate } from '../../domain/validate.ts';
import { readJson } from '../body.ts';
import { invalidInput } from '../errors.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';

export const CheckDraftSchema = z
  .object({ answers: AssessmentDraftSchema.nullable(), updatedAt: z.string().nullable() })
  .meta({ id: 'CheckDraft', description: '未完成的自评（answers 为 null 表示没有）' });

const PutSchema = z.object({ answers: z.record(z.string(), z.unknown()) }).meta({ id: 'CheckDraftUpdate', description: '{ answers: 评价输入（字段均可省略） }' });

export const openapi = {
  '/api/v1/checks/current': {
    get: { summary: '读取未完成的自评', response: CheckDraftSchema },
    put: { summary: '保存未完成的自评', request: PutSchema, response: CheckDraftSchema },
  },
};

export function register(router: AppRouter, deps: AppDeps): void {
  router.get('/api/v1/checks/current', async (ctx) => {
    const draft = await draftRepository(deps.db.prisma).find(requireUser(ctx));
    ctx.body = { answers: draft?.answers ?? null, updatedAt: draft?.updatedAt.toISOString() ?? null };
  });

  router.put('/api/v1/checks/current', async (ctx) => {
    const userId = requireUser(ctx);
    const { answers } = parseBody(PutSchema, await readJson(ctx, deps.config.jsonLimit));
    // Validated on its own so that paths and labels read as the form's, then placed under "answers".
    const v = validate(AssessmentDraftSchema, answers);
    if (!v.ok) throw invalidInput(v.issues.map((i) => ({ ...i, path: i.path ? `answers.${i.path}` : 'answers' })));
    const saved = await draftRepository(deps.db.prisma).save(userId, v.value, deps.clock.now());
    ctx.body = { answers: saved.answers, updatedAt: saved.updatedAt.toISOString() };
  });
}
