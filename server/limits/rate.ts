// Request rate limits on the routes that cost us something (accounts, disk, OCR, the model, the database),
// with koa-ratelimit: its in-memory store on the embedded default, Redis when REDIS_URL is set so that every
// API instance counts against the same budget. Each limited request gets 429, a Retry-After header and a coded
// Chinese message. A failing Redis does not take the API down: the limit is skipped and logged (the quotas
// and queue bounds, counted in the database, still hold).
import { createRequire } from 'node:module';
import ratelimit from 'koa-ratelimit';
import type { Redis as RedisClient } from 'ioredis';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { HttpError } from '../http/errors.ts';
import type { LimitsConfig, Rate, RateName } from './config.ts';

export interface RateLimiter {
  /** Route middleware: the `name` budget per logged-in user and per client address. */
  limit(name: RateName): Middleware<{ userId?: string }>;
  /** Resolves once the store can count (Redis connected), or after `timeoutMs` (the limits are then skipped until it can). */
  ready(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const WHAT: Record<RateName, string> = {
  login: '登录',
  upload: '上传报表',
  precheck: '预审',
  assessment: '提交自评',
};

/** "3 分钟" / "40 秒": how long until the budget has room again. */
function wait(seconds: number): string {
  if (seconds >= 3600) return `${Math.ceil(seconds / 3600)}小时`;
  if (seconds >= 60) return `${Math.ceil(seconds / 60)}分钟`;
  return `${seconds}秒`;
}

export function rateLimited(name: RateName, retryAfterSeconds: number): HttpError {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return new HttpError(429, 'RATE_LIMITED', `${WHAT[name]}过于频繁，请${wait(s)}后再试`, undefined, { 'Retry-After': String(s) });
}

type MemoryEntry = { reset: number };

/** ioredis only when REDIS_URL is set: the embedded default never loads it (synchronously: the limiter is built so). */
const requireLazily = createRequire(import.meta.url);
const loadRedis = (): typeof RedisClient => (requireLazily('ioredis') as typeof import('ioredis')).Redis;

export function createRateLimiter(
  limits: LimitsConfig,
  opts: { redisUrl?: string; logger: Pick<Logger, 'warn' | 'error'> },
): RateLimiter {
  const redis: RedisClient | null = limits.ratesOn && opts.redisUrl
    ? new (loadRedis())(opts.redisUrl, {
        // Fail fast rather than hold requests while Redis is away.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 1000,
      })
    : null;
  redis?.on('error', (err) => opts.logger.warn({ err: err.message }, 'rate-limit store unavailable'));
  const memory = new Map<string, MemoryEntry>();
  // The memory store keeps an entry per key until it is seen again: drop expired ones now and then.
  const sweep = redis
    ? undefined
    : setInterval(() => {
        const now = Date.now() / 1000;
        for (const [k, v] of memory) if (v.reset < now) memory.delete(k);
      }, 60_000).unref();

  const one = (name: RateName, who: 'user' | 'ip', rate: Rate): Middleware<{ userId?: string }> => {
    const mw = ratelimit({
      ...(redis ? { driver: 'redis' as const, db: redis } : { driver: 'memory' as const, db: memory }),
      namespace: `${limits.redisPrefix}${name}:${who}`,
      duration: rate.durationMs,
      max: rate.max,
      id: (ctx) => (who === 'user' ? (ctx.state.userId ? `u:${ctx.state.userId}` : false) : `ip:${ctx.ip}`),
      disableHeader: true,
    } as ratelimit.MiddlewareOptions);
    return async (ctx, next) => {
      let passed = false;
      try {
        await mw(ctx, async () => {
          passed = true;
          await next();
        });
      } catch (e) {
        if (passed) throw e;
        opts.logger.warn({ err: (e as Error).message, limit: name }, 'rate limit skipped: store failed');
        return next();
      }
      if (!passed) {
        const after = (ctx.state as { rateLimit?: { after: number } }).rateLimit?.after ?? rate.durationMs / 1000;
        throw rateLimited(name, after);
      }
    };
  };

  return {
    limit(name) {
      const budget = limits.rates[name];
      const chain = limits.ratesOn
        ? (['user', 'ip'] as const).flatMap((who) => (budget[who] ? [one(name, who, budget[who])] : []))
        : [];
      return (ctx, next) => {
        const run = (i: number): Promise<void> => (i < chain.length ? chain[i]!(ctx, () => run(i + 1)) : next());
        return run(0);
      };
    },
    ready(timeoutMs) {
      if (!redis || redis.status === 'ready') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const t = setTimeout(resolve, timeoutMs);
        redis.once('ready', () => {
          clearTimeout(t);
          resolve();
        });
      });
    },
    async close() {
      clearInterval(sweep);
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
