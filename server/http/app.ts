// The Koa application: error handling, request logging without personal data, the routes, JSON 404s.
import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import type { AppDeps, AppState } from '../deps.ts';
import { accountDeleted, genericError, HttpError, invalidText } from './errors.ts';
import { isOwnerMissing } from '../db/owner.ts';
import { isSafeText } from '../domain/schemas/text.ts';
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
import * as reports from './routes/reports.ts';
import * as organisations from './routes/organisations.ts';
import * as batches from './routes/batches.ts';


export const ROUTES: RouteModule[] = [assessments, auth, firm, checks, me, reminders, notices, calendar, documents, prechecks, organisations, batches, reports];

/** The job queue's counts when Redis is configured; a Redis that does not answer within a second says so. */
async function queueHealth(jobs: NonNullable<AppDeps['jobs']>) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000)));
  try {
    const c = await Promise.race([jobs.counts(), late]);
    return { ok: true, backend: 'bullmq', waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed };
  } catch {
    return { ok: false, backend: 'bullmq', error: 'REDIS_UNAVAILABLE' };
  } finally {
    clearTimeout(timer);
  }
}

export function createApp(deps: AppDeps, routes: RouteModule[] = ROUTES): Koa<AppState> {
  const app = new Koa<AppState>();
  // Only behind a proxy we run may X-Forwarded-For name the client: otherwise anyone could pick their own address
  // and step around the per-address limits.
  app.proxy = deps.config.trustProxy;
  const router = new Router<AppState>();
  // Every :id of every route goes through the text check before a handler (and so the database) sees it.
  router.param('id', (id, ctx, next) => {
    if (!isSafeText(id)) throw invalidText('编号');
    return next();
  });
  const openapi = openApiDocument(
    routes.map((r) => r.openapi),
    process.env.npm_package_version ?? '0.1.0',
  );
  router.get('/api/v1/openapi.json', (ctx) => {
    ctx.body = openapi;
  });
  router.get('/api/v1/health', async (ctx) => {
    ctx.body = { ok: true, database: deps.db.provider, ...(deps.jobs ? { queue: await queueHealth(deps.jobs) } : {}) };
  });
  for (const r of routes) r.register(router, deps);

  app.use(async (ctx, next) => {
    const started = process.hrtime.bigint();
    // A client's id is echoed and logged only when it looks like one.
    const given = ctx.get('x-request-id');
    const requestId = /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    ctx.set('X-Request-Id', requestId);
    try {
      await next();
      // Statuses set without a body by Koa or the router (404, 405 with its Allow header, 501) get ours.
      if ((ctx.status === 404 || ctx.status === 405 || ctx.status === 501) && (ctx.body === undefined || ctx.body === null)) {
        const { code, message } = genericError(ctx.status);
        throw new HttpError(ctx.status, code, message);
      }
    } catch (caught) {
      // A row for a user deleted while this request was in flight (server/db/owner.ts).
      const err = isOwnerMissing(caught) ? accountDeleted() : caught;
      const known = err instanceof HttpError;
      const raw = (err as { status?: unknown }).status;
      const status = known ? err.status : typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500;
      ctx.status = status;
      if (known) for (const [k, v] of Object.entries(err.headers ?? {})) ctx.set(k, v);
      ctx.body = {
        error: known ? { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } : genericError(status),
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
