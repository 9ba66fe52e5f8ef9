// The Koa application: error handling, request logging without personal data, the routes, JSON 404s.
import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import type { AppDeps, AppState } from '../deps.ts';
import { HttpError } from './errors.ts';
import { serveApp } from './static.ts';
import { openApiDocument } from './openapi.ts';
import type { RouteModule } from './router.ts';
import * as assessments from './routes/assessments.ts';
import { authenticate } from '../auth/middleware.ts';
import * as auth from './routes/auth.ts';
import * as firm from './routes/firm.ts';
import * as checks from './routes/checks.ts';
import * as me from './routes/me.ts';
import * as reminders from './routes/reminders.ts';
import * as notices from './routes/notices.ts';
import * as calendar from './routes/calendar.ts';
import * as documents from './routes/documents.ts';
import * as prechecks from './routes/prechecks.ts';

// Moved to their own modules; re-exported while branches written against this file are merged.
export type { AppDeps, AppState } from '../deps.ts';
export type { AppRouter, RouteModule } from './router.ts';

export const ROUTES: RouteModule[] = [assessments, auth, firm, checks, me, reminders, notices, calendar, documents, prechecks];

export function createApp(deps: AppDeps, routes: RouteModule[] = ROUTES): Koa<AppState> {
  const app = new Koa<AppState>();
  app.proxy = true;
  const router = new Router<AppState>();
  const openapi = openApiDocument(
    routes.map((r) => r.openapi),
    process.env.npm_package_version ?? '0.1.0',
  );
  router.get('/api/v1/openapi.json', (ctx) => {
    ctx.body = openapi;
  });
  router.get('/api/v1/health', (ctx) => {
    ctx.body = { ok: true, database: deps.db.provider };
  });
  for (const r of routes) r.register(router, deps);

  app.use(async (ctx, next) => {
    const started = process.hrtime.bigint();
    const requestId = ctx.get('x-request-id') || randomUUID();
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new HttpError(404, 'NOT_FOUND', '请求的接口不存在');
    } catch (err) {
      const known = err instanceof HttpError;
      const status = known ? err.status : typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
      ctx.status = status;
      ctx.body = {
        error: known
          ? { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) }
          : status < 500
            ? { code: 'BAD_REQUEST', message: '请求无效' }
            : { code: 'INTERNAL', message: '服务暂时出错，请稍后再试' },
      };
      if (status >= 500) deps.logger.error({ err, requestId }, 'request failed');
    } finally {
      // Method, route template, status and time only: no body, no query, no user data.
      deps.logger.info(
        {
          requestId,
          method: ctx.method,
          route: (ctx as { _matchedRoute?: string })._matchedRoute ?? 'unmatched',
          status: ctx.status,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    }
  });
  app.use(authenticate(deps));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: false }));
  app.use(serveApp(deps.config.appDir));
  return app;
}
