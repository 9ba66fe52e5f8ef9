// GET /api/v1/calendar.ics: the owner's firm's deadlines (this year and later) as an iCalendar file.
import { requireUser } from '../../auth/middleware.ts';
import { deadlinesCalendar } from '../../reminders/ics.ts';
import { firmRepository } from '../../reminders/firms.ts';
import { firmDeadlines, packOf } from '../../reminders/plan.ts';
import { localYear } from '../../reminders/time.ts';
import { firmNotFound } from './firm.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';

export const openapi = {
  '/api/v1/calendar.ics': { get: { summary: '企业截止日期日历（text/calendar，可导入日历应用）' } },
};

export function register(router: AppRouter, deps: AppDeps): void {
  router.get('/api/v1/calendar.ics', async (ctx) => {
    const firm = await firmRepository(deps.db.prisma).find(requireUser(ctx));
    if (!firm) throw firmNotFound();
    const now = deps.clock.now();
    ctx.set('Content-Disposition', 'attachment; filename="kexiao-deadlines.ics"');
    ctx.type = 'text/calendar; charset=utf-8';
    ctx.body = deadlinesCalendar({
      name: `科小助手·截止日期（${packOf(firm.region).name}）`,
      region: firm.region,
      deadlines: firmDeadlines(firm).filter((d) => d.year >= localYear(now)),
      now,
    });
  });
}
