// DELETE /api/v1/me: deletes the user's data — firm, unfinished check, assessments, consents, reminders,
// notices, sessions, the account — and whatever other modules registered (server/auth/deletion.ts).
import { z } from 'zod';
import { requireUser } from '../../auth/middleware.ts';
import { deleteUserData } from '../../auth/deletion.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';

export const DeletedSchema = z.object({ deleted: z.array(z.string()) }).meta({ id: 'Deleted', description: '已删除的数据类别' });

export const openapi = {
  '/api/v1/me': { delete: { summary: '删除我的全部数据（并退出登录）', response: DeletedSchema } },
};

export function register(router: AppRouter, deps: AppDeps): void {
  router.delete('/api/v1/me', async (ctx) => {
    const userId = requireUser(ctx);
    const deleted = await deleteUserData(userId, deps);
    deps.logger.info('user data deleted');
    ctx.body = { deleted };
  });
}
