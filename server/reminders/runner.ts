// The in-process reminder runner `kexiao serve` starts (unless KEXIAO_REMINDERS=off): one pass now and then
// every interval, never two passes at once in this process. Other processes may run passes too (a cron'd
// `kexiao remind`): claims keep them from sending anything twice.
import type { AppDeps } from '../deps.ts';
import { createDeliverer, type RunContext } from './deliver.ts';
import { fixedClock, type Clock } from './time.ts';

export function startReminderRunner(ctx: RunContext & { clock: Clock }): { stop(): Promise<void> } {
  const deliverer = createDeliverer(ctx);
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = deliverer
      .run(ctx.clock.now())
      .then((s) => {
        if (s.due || s.recovered || s.skipped) ctx.logger.info(s, 'reminders delivered');
      })
      .catch((err) => ctx.logger.error({ err }, 'reminder pass failed'))
      .finally(() => (running = null));
  };
  const timer = setInterval(pass, ctx.config.reminders.intervalSeconds * 1000);
  timer.unref();
  pass();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** The runner for a started server, or null when KEXIAO_REMINDERS=off. */
export function startServerReminders(deps: AppDeps): { stop(): Promise<void> } | null {
  if (!deps.config.reminders.runInServer) return null;
  const clock = deps.config.reminders.at ? fixedClock(deps.config.reminders.at) : deps.clock;
  return startReminderRunner({ prisma: deps.db.prisma, config: deps.config, wechat: deps.wechat, logger: deps.logger, clock });
}
