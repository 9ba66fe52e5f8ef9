// GET/PUT /api/v1/firm: the owner's firm — region (which policy pack and deadlines), name, whether it has
// submitted this year's evaluation, whether it is a 创新型/专精特新 firm. Saving it re-plans the reminders.
import { z } from 'zod';
import { RegionSchema } from '../../domain/schemas/assessment.ts';
import { text } from '../../domain/schemas/text.ts';
import { requireUser } from '../../auth/middleware.ts';
import { parseBody } from '../../auth/validation.ts';
import { firmRepository } from '../../reminders/firms.ts';
import { packOf } from '../../reminders/plan.ts';
import { syncFirm } from '../../reminders/sync.ts';
import { localYear } from '../../reminders/time.ts';
import { readJson } from '../body.ts';
import { HttpError } from '../errors.ts';
import type { AppDeps, AppRouter } from '../app.ts';

export const FirmUpdateSchema = z
  .object({
    name: text().trim().max(100).nullable().optional(),
    region: RegionSchema.optional(),
    submitted: z.boolean().optional(),
    tiered: z.boolean().optional(),
  })
  .meta({ id: 'FirmUpdate', description: '企业信息（省略的字段保持不变；首次保存须给出 region）' });

export const FirmSchema = z
  .object({
    name: z.string().nullable(),
    region: z.string(),
    regionName: z.string(),
    submitted: z.boolean().meta({ description: '已提交本年度评价（次年自动恢复为 false）' }),
    submittedYear: z.number().int().nullable(),
    tiered: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Firm', description: '企业信息' });

export const openapi = {
  '/api/v1/firm': {
    get: { summary: '读取企业信息', response: FirmSchema },
    put: { summary: '保存企业信息（并重新安排截止提醒）', request: FirmUpdateSchema, response: FirmSchema },
  },
};

type FirmRow = NonNullable<Awaited<ReturnType<ReturnType<typeof firmRepository>['find']>>>;

const view = (f: FirmRow, now: Date): z.infer<typeof FirmSchema> => ({
  name: f.name,
  region: f.region,
  regionName: packOf(f.region).name,
  submitted: f.submittedYear === localYear(now),
  submittedYear: f.submittedYear,
  tiered: f.tiered,
  updatedAt: f.updatedAt.toISOString(),
});

export const firmNotFound = () => new HttpError(404, 'FIRM_NOT_FOUND', '还没有填写企业信息');

export function register(router: AppRouter, deps: AppDeps): void {
  router.get('/api/v1/firm', async (ctx) => {
    const firm = await firmRepository(deps.db.prisma).find(requireUser(ctx));
    if (!firm) throw firmNotFound();
    ctx.body = view(firm, deps.clock.now());
  });

  router.put('/api/v1/firm', async (ctx) => {
    const userId = requireUser(ctx);
    const update = parseBody(FirmUpdateSchema, await readJson(ctx, deps.config.jsonLimit));
    const firms = firmRepository(deps.db.prisma);
    const region = update.region ?? (await firms.find(userId))?.region;
    if (!region) throw new HttpError(400, 'REGION_REQUIRED', '请先选择所在地区');
    const now = deps.clock.now();
    const firm = await firms.save(userId, { ...update, region }, now);
    await syncFirm(deps.db.prisma, firm, now);
    ctx.body = view(firm, now);
  });
}
