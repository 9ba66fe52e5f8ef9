// POST /api/v1/prechecks: a possibly incomplete form plus the ids of uploaded statements → reconciled figures
// with their sources, every inconsistency, conditions met / not met / unknown, open questions, reviewer risk,
// gaps and an explanation; stored and returned with its id. GET /api/v1/prechecks/:id: a stored one. Either is
// visible to its owner only when it has one.
import { z } from 'zod';
import { precheckRepository, type PrecheckRepository, type StoredPrecheck } from '../../db/prechecks.ts';
import { createExplainer, type Explainer } from '../../explain/explain.ts';
import { PrecheckInputSchema, PrecheckResultSchema } from '../../precheck/schemas.ts';
import { runPrecheck, type DocumentSource } from '../../precheck/service.ts';
import { localYear } from '../../reminders/time.ts';
import { requireUser } from '../../auth/middleware.ts';
import { readJson } from '../body.ts';
import { HttpError, invalidInput, notFound } from '../errors.ts';
import type { AppDeps, AppRouter } from '../app.ts';
import { documentsOf } from './documents.ts';

export const StoredPrecheckSchema = PrecheckResultSchema.extend({
  id: z.string().uuid(),
  createdAt: z.string(),
  input: PrecheckInputSchema,
}).meta({ id: 'StoredPrecheck', description: '已保存的预审结果（含输入与解释）' });

export const openapi = {
  '/api/v1/prechecks': {
    post: {
      summary: '预审：核对报表与填写数据，判断各条件，列出待答问题、风险、差距并给出解释',
      request: PrecheckInputSchema,
      response: StoredPrecheckSchema,
      status: 201,
    },
  },
  '/api/v1/prechecks/{id}': { get: { summary: '读取已保存的预审结果', response: StoredPrecheckSchema } },
};

/** Uploaded statements as the documents module stores them; another owner's (or nobody's) document does not exist. */
export function documentSource(deps: AppDeps): DocumentSource {
  const docs = documentsOf(deps);
  return {
    async get(id, ownerId) {
      const d = z.string().uuid().safeParse(id).success ? await docs.find(id) : null;
      if (!d || d.ownerId !== ownerId) return null;
      if (d.status === 'done' && d.result) return { status: 'done', extraction: d.result };
      if (d.status === 'failed')
        return { status: 'failed', file: d.fileName, error: d.error ?? { code: 'INTERNAL', message: '报表识别失败' } };
      return { status: d.status === 'done' ? 'processing' : d.status };
    },
  };
}

// One explainer and one repository per application, made with the routes (like the documents service).
const made = new WeakMap<AppDeps, { explainer: Explainer; repo: PrecheckRepository }>();
function partsOf(deps: AppDeps) {
  let p = made.get(deps);
  if (!p) made.set(deps, (p = { explainer: createExplainer(deps.config.llm, deps.logger), repo: precheckRepository(deps.db.prisma) }));
  return p;
}

const view = (p: StoredPrecheck) => ({ id: p.id, createdAt: p.createdAt.toISOString(), ...p.result, input: p.input });

export function register(router: AppRouter, deps: AppDeps): void {
  // A session is required: a pre-check may ask the model to word its explanation (docs/limits.md).
  router.post('/api/v1/prechecks', deps.rateLimiter.limit('precheck'), async (ctx) => {
    const ownerId = requireUser(ctx);
    const { explainer, repo } = partsOf(deps);
    const out = await runPrecheck(await readJson(ctx, deps.config.jsonLimit), ownerId, {
      documents: documentSource(deps),
      explainer,
      defaultYear: localYear(deps.clock.now()),
    });
    if (!out.ok && out.code === 'INVALID_INPUT') throw invalidInput(out.issues);
    if (!out.ok) throw new HttpError(409, 'DOCUMENT_NOT_READY', `还有${out.ids.length}份报表正在识别，请稍后再试`);
    const stored = await repo.create(out.input, out.result, ownerId);
    ctx.status = 201;
    ctx.set('Location', `/api/v1/prechecks/${stored.id}`);
    ctx.body = view(stored);
  });

  router.get('/api/v1/prechecks/:id', async (ctx) => {
    const { repo } = partsOf(deps);
    const found = z.string().uuid().safeParse(ctx.params.id).success ? await repo.find(ctx.params.id!) : null;
    if (!found || (found.ownerId && found.ownerId !== ctx.state.userId)) throw notFound('预审记录');
    ctx.body = view(found);
  });
}
