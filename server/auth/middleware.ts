// Authentication: `Authorization: Bearer <token>` → ctx.state.userId. No header means an anonymous request
// (assessments may be anonymous); a header with a dead token is refused so the app knows to log in again.
import type { Context, Middleware } from 'koa';
import { HttpError } from '../http/errors.ts';
import type { AppDeps, AppState } from '../deps.ts';
import { sessionRepository } from './sessions.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

export function bearerToken(ctx: Context): string | undefined {
  const header = ctx.get('authorization');
  if (!header) return undefined;
  const m = BEARER.exec(header.trim());
  if (!m) throw new HttpError(401, 'SESSION_INVALID', '登录信息无效，请重新登录');
  return m[1];
}

export function authenticate(deps: AppDeps): Middleware<AppState> {
  return async (ctx, next) => {
    const token = bearerToken(ctx);
    if (token !== undefined) {
      const userId = await sessionRepository(deps.db.prisma).userIdFor(token, deps.clock.now());
      if (!userId) throw new HttpError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录');
      ctx.state.userId = userId;
    }
    await next();
  };
}

/** The logged-in user, or 401. */
export function requireUser(ctx: { state: AppState }): string {
  if (!ctx.state.userId) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录');
  return ctx.state.userId;
}
