// The Koa application: error handling, request logging without personal data, the routes, JSON 404s.
import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { assessmentRepository, type AssessmentRepository } from '../db/assessments.ts';
import { HttpError } from './errors.ts';
import { serveApp } from './static.ts';
import { openApiDocument, type PathSpec } from './openapi.ts';
import * as assessments from './routes/assessments.ts';
import { authenticate } from '../auth/middleware.ts';
import { systemClock, type Clock } from '../reminders/time.ts';
import { createWechatClient, type WechatClient } from '../wechat/client.ts';
import { wechatEnabled } from '../wechat/config.ts';
import * as auth from './routes/auth.ts';
import * as firm from './routes/firm.ts';
import * as checks from './routes/checks.ts';
import * as me from './routes/me.ts';
import * as reminders from './routes/reminders.ts';
import * as notices from './routes/notices.ts';
import * as calendar from './routes/calendar.ts';
import * as documents from './routes/documents.ts';
import * as prechecks from './routes/prechecks.ts';
import * as reports from './routes/reports.ts';

export interface AppState {
  /** Set by authentication when the request carries a session. */
  userId?: string;
}

export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  assessments: AssessmentRepository;
  /** Time as the reminders and sessions see it (tests set it). */
  clock: Clock;
  /** null when WeChat is not configured (development login, in-app notices). */
  wechat: WechatClient | null;
}

export type AppRouter = Router<AppState>;

/** A route module: registers its routes and describes them for the OpenAPI document. */
export interface RouteModule {
  register(router: AppRouter, deps: AppDeps): void;
  openapi: PathSpec;
}

export const ROUTES: RouteModule[] = [assessments, auth, firm, checks, me, reminders, notices, calendar, documents, prechecks, reports];

export function createDeps(config: Config, db: Database, logger: Logger): AppDeps {
  const wechat = wechatEnabled(config.wechat) ? createWechatClient(config.wechat) : null;
  return { config, db, logger, assessments: assessmentRepository(db), clock: systemClock, wechat };
}

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
