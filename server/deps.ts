// What every adapter (routes, middleware, the reminder runner, commands) is handed: configuration, the database,
// the repositories, the logger, the clock and the outside services. Its own module, so the adapters and the app
// that wires them import it instead of each other.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { assessmentRepository, type AssessmentRepository } from './db/assessments.ts';
import { systemClock, type Clock } from './reminders/time.ts';
import { createWechatClient, type WechatClient } from './wechat/client.ts';
import { wechatEnabled } from './wechat/config.ts';
import { createRateLimiter, type RateLimiter } from './limits/rate.ts';
import type { DocumentQueue } from './jobs/bullmq.ts';

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
  /** Per-user and per-address request budgets (server/limits/rate.ts); closed on shutdown. */
  rateLimiter: RateLimiter;
  /** With REDIS_URL: the BullMQ queue the API adds document jobs to (workers run them); set by startServer. */
  jobs?: DocumentQueue;
}

export function createDeps(config: Config, db: Database, logger: Logger): AppDeps {
  const wechat = wechatEnabled(config.wechat) ? createWechatClient(config.wechat) : null;
  const rateLimiter = createRateLimiter(config.limits, { redisUrl: config.redisUrl, logger });
  return { config, db, logger, assessments: assessmentRepository(db), clock: systemClock, wechat, rateLimiter };
}
