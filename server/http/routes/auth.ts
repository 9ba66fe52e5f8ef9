// Login. POST /api/v1/auth/wechat exchanges a wx.login code for the user's openid (code2Session) and issues our
// own session token. POST /api/v1/auth/dev is the development login, only while no WeChat credential is set and
// not in production, unless forced on (server/auth/devLogin.ts). Both are rate-limited per client address.
// Both require the privacy consent the mini-program collects before logging in, and record it.
import { z } from 'zod';
import { text } from '../../domain/schemas/text.ts';
import { sessionRepository, type IssuedSession } from '../../auth/sessions.ts';
import { bearerToken } from '../../auth/middleware.ts';
import { parseBody } from '../../auth/validation.ts';
import { devLoginClosedReason, devLoginOpen } from '../../auth/devLogin.ts';
import { WechatError } from '../../wechat/errors.ts';
import { readJson } from '../body.ts';
import { HttpError } from '../errors.ts';
import type { AppDeps, AppRouter } from '../app.ts';

const consent = z
  .boolean()
  .refine((v) => v, { params: { code: 'PRIVACY_CONSENT_REQUIRED' } })
  .meta({ description: '已同意隐私政策（登录前在小程序内取得）' });

export const WechatLoginSchema = z
  .object({ code: text().trim().min(1).max(256), privacyConsent: consent })
  .meta({ id: 'WechatLogin', description: 'wx.login 取得的 code' });

export const DevLoginSchema = z
  .object({
    privacyConsent: consent,
    /** Same name, same development user; without one, a new user. */
    user: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  })
  .meta({ id: 'DevLogin', description: '开发登录（仅在未配置微信凭据时可用）' });

export const SessionSchema = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    user: z.object({ id: z.string(), dev: z.boolean(), privacyConsentAt: z.string() }),
  })
  .meta({ id: 'Session', description: '登录会话：之后的请求带 Authorization: Bearer <token>' });

export const openapi = {
  '/api/v1/auth/wechat': { post: { summary: '微信登录（wx.login code 换取会话）', request: WechatLoginSchema, response: SessionSchema } },
  '/api/v1/auth/dev': { post: { summary: '开发登录（未配置微信凭据时）', request: DevLoginSchema, response: SessionSchema } },
  '/api/v1/auth/session': { delete: { summary: '退出登录', status: 204 } },
};

const view = (s: IssuedSession) => ({
  token: s.token,
  expiresAt: s.expiresAt.toISOString(),
  user: { id: s.user.id, dev: s.user.dev, privacyConsentAt: s.user.privacyConsentAt.toISOString() },
});

/** What the owner is told when WeChat refuses the login. */
function loginError(e: WechatError): HttpError {
  switch (e.kind) {
    case 'login':
      return e.errcode === 40226
        ? new HttpError(403, 'WECHAT_LOGIN_BLOCKED', '微信判定当前账号存在风险，暂时无法登录')
        : new HttpError(401, 'WECHAT_CODE_INVALID', '登录凭证无效或已使用，请重新登录');
    case 'rate_limited':
      return new HttpError(429, 'WECHAT_RATE_LIMITED', '登录请求过于频繁，请稍后再试');
    default:
      return new HttpError(503, 'WECHAT_UNAVAILABLE', '微信登录暂时不可用，请稍后再试');
  }
}

export function register(router: AppRouter, deps: AppDeps): void {
  const limit = deps.rateLimiter.limit('login');

  router.post('/api/v1/auth/wechat', limit, async (ctx) => {
    const body = parseBody(WechatLoginSchema, await readJson(ctx, deps.config.jsonLimit));
    if (!deps.wechat) throw new HttpError(503, 'WECHAT_NOT_CONFIGURED', '服务端未配置微信登录，请使用开发登录');
    let openid: string;
    try {
      ({ openid } = await deps.wechat.code2Session(body.code));
    } catch (e) {
      if (!(e instanceof WechatError)) throw e;
      // The code and the openid stay out of the log; the error code says what went wrong.
      deps.logger[e.kind === 'config' ? 'error' : 'warn']({ code: e.code }, 'wechat login failed');
      throw loginError(e);
    }
    const sessions = sessionRepository(deps.db.prisma);
    const now = deps.clock.now();
    const user = await sessions.userForOpenid(openid, false, now);
    ctx.body = view(await sessions.issue(user, now, deps.config.sessionTtlDays));
  });

  router.post('/api/v1/auth/dev', limit, async (ctx) => {
    if (!devLoginOpen(deps.config)) throw new HttpError(403, 'DEV_LOGIN_DISABLED', devLoginClosedReason(deps.config));
    const body = parseBody(DevLoginSchema, await readJson(ctx, deps.config.jsonLimit));
    const sessions = sessionRepository(deps.db.prisma);
    const now = deps.clock.now();
    const user = await sessions.userForOpenid(`dev:${body.user ?? crypto.randomUUID()}`, true, now);
    ctx.body = view(await sessions.issue(user, now, deps.config.sessionTtlDays));
  });

  router.delete('/api/v1/auth/session', async (ctx) => {
    const token = bearerToken(ctx);
    if (token) await sessionRepository(deps.db.prisma).revoke(token);
    ctx.status = 204;
  });
}
