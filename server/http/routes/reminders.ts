// The owner's reminders and subscribe-message consents.
// GET    /api/v1/reminders                 upcoming reminders (re-planned from the packs first)
// DELETE /api/v1/reminders/:id             cancel one (only the owner's, only while not yet sent)
// GET    /api/v1/reminders/consents        templates to ask consent for, and the unspent consents per template
// POST   /api/v1/reminders/consents        record the templates the user accepted in wx.requestSubscribeMessage
import { z } from 'zod';
import { text } from '../../domain/schemas/text.ts';
import { requireUser } from '../../auth/middleware.ts';
import { parseBody } from '../../auth/validation.ts';
import { consentRepository } from '../../reminders/consents.ts';
import { syncUser } from '../../reminders/sync.ts';
import { templateIds } from '../../wechat/config.ts';
import { readJson } from '../body.ts';
import { HttpError, notFound } from '../errors.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';

export const ReminderSchema = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: 'systemCloses | systemOpens | reviewDeadline | taxFilingDeadline | tierUpdateDeadline | giantFilingOpens | giantFilingCloses' }),
    title: z.string(),
    date: z.string().meta({ description: '截止日期（北京时间）' }),
    offsetDays: z.number().int(),
    sendAt: z.string().meta({ description: '提醒时间' }),
    status: z.enum(['scheduled', 'claimed']),
  })
  .meta({ id: 'Reminder', description: '即将发送的截止提醒' });

export const ConsentsSchema = z
  .object({
    templateIds: z.array(z.string()).meta({ description: '调用 wx.requestSubscribeMessage 时使用的模板（未配置微信时为空）' }),
    available: z.record(z.string(), z.number().int()).meta({ description: '每个模板尚未使用的一次性订阅次数' }),
    total: z.number().int(),
  })
  .meta({ id: 'Consents', description: '订阅消息授权（每次授权只能发送一条）' });

const ConsentsUpdateSchema = z
  .object({ templateIds: z.array(text().min(1).max(128)).min(1).max(20) })
  .meta({ id: 'ConsentsUpdate', description: '用户在 wx.requestSubscribeMessage 中选择“允许”的模板' });

export const openapi = {
  '/api/v1/reminders': {
    get: { summary: '我的即将发送的截止提醒', response: z.object({ reminders: z.array(ReminderSchema), consents: ConsentsSchema }) },
  },
  '/api/v1/reminders/{id}': { delete: { summary: '取消一条提醒', status: 204 } },
  '/api/v1/reminders/consents': {
    get: { summary: '订阅消息模板与剩余授权次数', response: ConsentsSchema },
    post: { summary: '记录用户接受的订阅消息授权', request: ConsentsUpdateSchema, response: ConsentsSchema },
  },
};

async function consentsView(deps: AppDeps, userId: string): Promise<z.infer<typeof ConsentsSchema>> {
  const ids = templateIds(deps.config.wechat);
  const available = await consentRepository(deps.db.prisma).byTemplate(userId, ids);
  return { templateIds: ids, available, total: Object.values(available).reduce((a, b) => a + b, 0) };
}

const uuid = z.string().uuid();

export function register(router: AppRouter, deps: AppDeps): void {
  router.get('/api/v1/reminders', async (ctx) => {
    const userId = requireUser(ctx);
    await syncUser(deps.db.prisma, userId, deps.clock.now());
    const rows = await deps.db.prisma.reminder.findMany({
      where: { userId, status: { in: ['scheduled', 'claimed'] } },
      orderBy: [{ dueAt: 'asc' }, { offsetDays: 'desc' }],
    });
    ctx.body = {
      reminders: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        date: r.deadline,
        offsetDays: r.offsetDays,
        sendAt: r.dueAt.toISOString(),
        status: r.status,
      })),
      consents: await consentsView(deps, userId),
    };
  });

  router.delete('/api/v1/reminders/:id', async (ctx) => {
    const userId = requireUser(ctx);
    const id = ctx.params.id!;
    const row = uuid.safeParse(id).success ? await deps.db.prisma.reminder.findFirst({ where: { id, userId } }) : null;
    if (!row) throw notFound('提醒');
    if (row.status !== 'cancelled') {
      const done = await deps.db.prisma.reminder.updateMany({
        where: { id, userId, status: 'scheduled' },
        data: { status: 'cancelled', updatedAt: deps.clock.now() },
      });
      if (!done.count) throw new HttpError(409, 'REMINDER_ALREADY_SENT', '该提醒已发送或正在发送，无法取消');
    }
    ctx.status = 204;
  });

  router.get('/api/v1/reminders/consents', async (ctx) => {
    ctx.body = await consentsView(deps, requireUser(ctx));
  });

  router.post('/api/v1/reminders/consents', async (ctx) => {
    const userId = requireUser(ctx);
    const allowed = new Set(templateIds(deps.config.wechat));
    const schema = ConsentsUpdateSchema.extend({
      templateIds: ConsentsUpdateSchema.shape.templateIds.refine((ids) => ids.every((id) => allowed.has(id)), {
        params: { code: 'UNKNOWN_TEMPLATE' },
      }),
    });
    const { templateIds: accepted } = parseBody(schema, await readJson(ctx, deps.config.jsonLimit));
    await consentRepository(deps.db.prisma).record(userId, accepted, deps.clock.now());
    ctx.body = await consentsView(deps, userId);
  });
}
