// The reminder runner's settings. The schedule itself (offsets, time of day) is data beside the policy packs.
import { z } from 'zod';

const flag = z
  .union([z.boolean(), z.enum(['on', 'off', 'true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

export const RemindersConfigSchema = z
  .object({
    /** `kexiao serve` runs the reminder runner in-process (no Redis, no cron needed). */
    runInServer: flag.default(true),
    intervalSeconds: z.coerce.number().int().min(1).max(86_400).default(60),
    /**
     * A claim older than this is from a process that died mid-send. It must outlast a send (timeout × 2
     * attempts plus a token fetch), or a slow live sender could be mistaken for a dead one.
     */
    leaseSeconds: z.coerce.number().int().min(1).default(600),
    /** Retries of a send WeChat answered with a transient error, before falling back to an in-app notice. */
    maxAttempts: z.coerce.number().int().min(1).max(20).default(5),
    /**
     * KEXIAO_REMINDERS_AT: the server's runner passes as if it were this time (with a zone), a rehearsal of the
     * season on a copy of the data, or a test; unset (always, in production) means the real time.
     */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .default({ runInServer: true, intervalSeconds: 60, leaseSeconds: 600, maxAttempts: 5 });

export type RemindersConfig = z.infer<typeof RemindersConfigSchema>;

export function remindersConfigFromEnv(env: NodeJS.ProcessEnv): unknown {
  return {
    runInServer: env.KEXIAO_REMINDERS || undefined,
    intervalSeconds: env.KEXIAO_REMINDERS_INTERVAL_S || undefined,
    leaseSeconds: env.KEXIAO_REMINDERS_LEASE_S || undefined,
    maxAttempts: env.KEXIAO_REMINDERS_MAX_ATTEMPTS || undefined,
    at: env.KEXIAO_REMINDERS_AT || undefined,
  };
}
