// What one client may spend: request rates per user and per address, stored bytes per user, documents waiting
// to be read, uploads received at once. Every value comes from the environment with a default that suits one
// firm's season of use; docs/limits.md lists them.
import { z } from 'zod';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

const ParsedRate = z.object({ max: z.number().int().min(1), durationMs: z.number().int().min(1000) });

/** "20/10m": at most 20 requests in any 10 minutes (s, m, h, d); "off": no limit. Parsed values pass as they are. */
export const RateSchema = z.union([
  z.null(),
  ParsedRate,
  z.literal('off').transform(() => null),
  z
    .string()
    .regex(/^\d+\/\d*[smhd]$/, { message: 'rate: N/window, e.g. 20/10m (s, m, h, d), or off' })
    .transform((v) => {
      const [, max, n, unit] = /^(\d+)\/(\d*)([smhd])$/.exec(v)!;
      return { max: Number(max), durationMs: Number(n || 1) * UNIT_MS[unit as keyof typeof UNIT_MS] };
    })
    .pipe(ParsedRate),
]);
export type Rate = NonNullable<z.output<typeof RateSchema>>;

/** Limited routes; each has a budget per logged-in user and one per client address. */
export const RATE_NAMES = ['login', 'upload', 'precheck', 'assessment'] as const;
export type RateName = (typeof RATE_NAMES)[number];

const DEFAULT_RATES: Record<RateName, { user: string; ip: string }> = {
  // A phone logs in once a month; an office behind one address has a few people.
  login: { user: 'off', ip: '20/10m' },
  // A firm uploads 4–8 statements, a few again when a photo was poor.
  upload: { user: '20/1h', ip: '60/1h' },
  // Each pre-check may ask the model to word its explanation.
  precheck: { user: '30/1h', ip: '60/1h' },
  // Scoring is cheap and may stay anonymous; the mini-program re-scores as answers change.
  assessment: { user: '60/1m', ip: '120/1m' },
};

// Defaults go through the schema (prefault), so "20/10m" is parsed like a value from the environment.
function rateBudget(d: { user: string; ip: string }) {
  return z.object({ user: RateSchema.prefault(d.user), ip: RateSchema.prefault(d.ip) }).prefault({});
}

const rateFields = Object.fromEntries(
  RATE_NAMES.map((n) => [n, rateBudget(DEFAULT_RATES[n])]),
) as Record<RateName, ReturnType<typeof rateBudget>>;

const MB = 1024 * 1024;

export const LimitsConfigSchema = z
  .object({
    /** false turns every rate limit off (benchmarks); quotas and bounds still hold. */
    ratesOn: z.boolean().default(true),
    rates: z.object(rateFields).prefault({}),
    /** Bytes of uploaded files one user may keep. */
    storageQuotaBytes: z.coerce.number().int().min(1).default(100 * MB),
    /** Documents of one user queued or being read. */
    queuePerUser: z.coerce.number().int().min(1).default(10),
    /** Documents queued or being read, all users (counted in the database, so it holds across workers). */
    queueTotal: z.coerce.number().int().min(1).default(200),
    /** Uploads being received by this process at once (each holds a socket, a file handle and a temp file). */
    uploadsInFlight: z.coerce.number().int().min(1).default(8),
    /** Key prefix of the shared rate-limit counters in Redis. */
    redisPrefix: z.string().min(1).default('kexiao:rl:'),
  })
  .prefault({});
export type LimitsConfig = z.output<typeof LimitsConfigSchema>;

export const JobsConfigSchema = z
  .object({
    /** Starts of one document's extraction before it is failed (a file that kills the process is not retried forever). */
    maxAttempts: z.coerce.number().int().min(1).max(100).default(3),
    /** Idle OCR workers are terminated after this many seconds without a job (they hold hundreds of MB). */
    ocrIdleSeconds: z.coerce.number().min(0.1).default(120),
    /**
     * With REDIS_URL (BullMQ): how long a worker's hold on a job lasts without renewal. A worker that dies is noticed
     * after about this long and its job goes to another worker.
     */
    lockSeconds: z.coerce.number().min(1).max(3600).default(30),
    /** With REDIS_URL: first wait before a job that failed for a passing reason (file store, database) is tried again; doubles each time. */
    backoffMs: z.coerce.number().int().min(0).default(5000),
    /** With REDIS_URL: key prefix of the job queue in Redis (one per deployment sharing a Redis database). */
    queuePrefix: z.string().min(1).default('kexiao'),
  })
  .prefault({});
export type JobsConfig = z.output<typeof JobsConfigSchema>;

const off = (v: string | undefined) => v !== undefined && ['off', '0', 'false'].includes(v.trim().toLowerCase());

export function limitsConfigFromEnv(env: NodeJS.ProcessEnv): unknown {
  const rate = (name: RateName, who: 'USER' | 'IP') => env[`KEXIAO_RATE_${name.toUpperCase()}_${who}`]?.trim() || undefined;
  return {
    ratesOn: !off(env.KEXIAO_RATE_LIMITS),
    rates: Object.fromEntries(RATE_NAMES.map((n) => [n, { user: rate(n, 'USER'), ip: rate(n, 'IP') }])),
    storageQuotaBytes: env.KEXIAO_STORAGE_QUOTA_MB ? Number(env.KEXIAO_STORAGE_QUOTA_MB) * MB : undefined,
    queuePerUser: env.KEXIAO_QUEUE_PER_USER || undefined,
    queueTotal: env.KEXIAO_QUEUE_TOTAL || undefined,
    uploadsInFlight: env.KEXIAO_UPLOADS_IN_FLIGHT || undefined,
    redisPrefix: env.KEXIAO_REDIS_PREFIX || undefined,
  };
}

export function jobsConfigFromEnv(env: NodeJS.ProcessEnv): unknown {
  return {
    maxAttempts: env.KEXIAO_JOB_MAX_ATTEMPTS || undefined,
    ocrIdleSeconds: env.KEXIAO_OCR_IDLE_S || undefined,
    lockSeconds: env.KEXIAO_JOB_LOCK_S || undefined,
    backoffMs: env.KEXIAO_JOB_BACKOFF_MS || undefined,
    queuePrefix: env.KEXIAO_QUEUE_PREFIX || undefined,
  };
}
