// Runtime configuration from the environment, validated once at start. Every default is the embedded
// setup: SQLite file, no LLM key, no WeChat credentials.
import { z } from 'zod';
import { join } from 'node:path';
import { databaseUrl, REPO_ROOT } from './db/url.ts';
import { WechatConfigSchema, wechatConfigFromEnv } from './wechat/config.ts';
import { RemindersConfigSchema, remindersConfigFromEnv } from './reminders/config.ts';
import { LlmConfigSchema, llmConfigFromEnv } from './explain/config.ts';
import { FilesConfigSchema, filesConfigFromEnv } from './files/config.ts';
import { JobsConfigSchema, LimitsConfigSchema, jobsConfigFromEnv, limitsConfigFromEnv } from './limits/config.ts';

const onOff = z.enum(['auto', 'on', 'off']);

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
  /** Uploaded files (KEXIAO_UPLOAD_DIR). One folder per database: files without a row there are swept. */
  uploadDir: z.string().default(join(REPO_ROOT, 'data', 'uploads')),
  /** Where uploads are kept: the upload folder, or an S3-compatible store (KEXIAO_S3_*, server/files/config.ts). */
  files: FilesConfigSchema,
  /** Rate limits, storage quota, bounds on queued documents (server/limits/config.ts, docs/limits.md). */
  limits: LimitsConfigSchema,
  jobs: JobsConfigSchema,
  /**
   * The development login (KEXIAO_DEV_LOGIN): `auto` opens it only while no WeChat credential is set and
   * NODE_ENV is not production; `on` forces it open (loudly logged), `off` closes it.
   */
  devLogin: onOff.default('auto'),
  production: z.boolean().default(false),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (KEXIAO_TRUST_PROXY=1). */
  trustProxy: z.boolean().default(false),
  /** On SIGTERM/SIGINT: how long requests and the document in hand may take to finish before they are cut off. */
  shutdownGraceSeconds: z.coerce.number().min(0).max(600).default(10),
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
    uploadDir: env.KEXIAO_UPLOAD_DIR || undefined,
    files: filesConfigFromEnv(env),
    limits: limitsConfigFromEnv(env),
    jobs: jobsConfigFromEnv(env),
    devLogin: env.KEXIAO_DEV_LOGIN?.trim().toLowerCase() || undefined,
    production: env.NODE_ENV === 'production',
    trustProxy: ['1', 'true', 'on'].includes(env.KEXIAO_TRUST_PROXY?.trim().toLowerCase() ?? ''),
    shutdownGraceSeconds: env.KEXIAO_SHUTDOWN_GRACE_S || undefined,
    ...overrides,
  });
}
