// Runtime configuration from the environment, validated once at start. Every default is the embedded
// setup: SQLite file, no LLM key, no WeChat credentials.
import { z } from 'zod';
import { join } from 'node:path';
import { databaseUrl, REPO_ROOT } from './db/url.ts';
import { WechatConfigSchema, wechatConfigFromEnv } from './wechat/config.ts';
import { RemindersConfigSchema, remindersConfigFromEnv } from './reminders/config.ts';
import { LlmConfigSchema, llmConfigFromEnv } from './explain/config.ts';

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  databaseUrl: z.string(),
  /** Production only: Redis for the job queue and shared rate limits (REDIS_URL); absent on the embedded default. */
  redisUrl: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest JSON body accepted, in bytes. */
  jsonLimit: z.coerce.number().int().positive().default(256 * 1024),
  /** The built H5 mini-program served at / (built by `npm start`). */
  appDir: z.string().default(join(REPO_ROOT, 'miniapp/dist/h5')),
  /** Days a login session lasts. */
  sessionTtlDays: z.coerce.number().int().min(1).max(365).default(30),
  wechat: WechatConfigSchema,
  reminders: RemindersConfigSchema,
  /** The model that words pre-check explanations (OPENAI_BASE_URL, OPENAI_API_KEY, KEXIAO_LLM_MODEL). */
  llm: LlmConfigSchema,
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return ConfigSchema.parse({
    port: env.PORT,
    host: env.HOST || undefined,
    databaseUrl: databaseUrl(env),
    redisUrl: env.REDIS_URL || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    jsonLimit: env.KEXIAO_JSON_LIMIT || undefined,
    appDir: env.KEXIAO_APP_DIR || undefined,
    sessionTtlDays: env.KEXIAO_SESSION_TTL_DAYS || undefined,
    wechat: wechatConfigFromEnv(env),
    reminders: remindersConfigFromEnv(env),
    llm: llmConfigFromEnv(env),
    ...overrides,
  });
}
