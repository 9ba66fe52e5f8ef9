// In-app notices: how due reminders reach an owner without WeChat (or when WeChat could not deliver).
// GET  /api/v1/notices            newest first, with the unread count
// POST /api/v1/notices/:id/read   mark one read
import { z } from 'zod';
import { requireUser } from '../../auth/middleware.ts';
import { notFound } from '../errors.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';

export const NoticeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    deadline: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .meta({ id: 'Notice', description: '站内提醒' });

export const openapi = {
  '/api/v1/notices': {
    get: { summary: '我的站内提醒', response: z.object({ notices: z.array(NoticeSchema), unread: z.number().int() }) },
  },
  '/api/v1/notices/{id}/read': { post: { summary: '标记为已读', status: 204 } },
};

const LIMIT = 100;

export function register(router: AppRouter, deps: AppDeps): void {
  router.get('/api/v1/notices', async (ctx) => {
    const userId = requireUser(ctx);
    const p = deps.db.prisma;
    const rows = await p.notice.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: LIMIT });
    ctx.body = {
      notices: rows.map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        deadline: n.deadline,
        createdAt: n.createdAt.toISOString(),
        read: n.readAt !== null,
      })),
      unread: await p.notice.count({ where: { userId, readAt: null } }),
    };
  });

  router.post('/api/v1/notices/:id/read', async (ctx) => {
    const userId = requireUser(ctx);
    const done = await deps.db.prisma.notice.updateMany({ where: { id: ctx.params.id!, userId }, data: { readAt: deps.clock.now() } });
    if (!done.count) throw notFound('提醒');
    ctx.status = 204;
  });
}
