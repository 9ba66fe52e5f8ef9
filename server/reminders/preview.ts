// `kexiao remind --dry-run`: what a run at a given time would deliver, computed without writing anything —
// the plan of every firm at that time, minus what the database already delivered or cancelled.
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { wechatEnabled } from '../wechat/config.ts';
import { supersede } from './deliver.ts';
import { reminderMessage } from './message.ts';
import { planReminders, type PlannedReminder } from './plan.ts';
import { allFirms } from './sync.ts';

export interface PreviewItem extends PlannedReminder {
  channel: 'wechat' | 'notice';
  message: string;
}

export async function previewRun(prisma: Db, config: Config, at: Date): Promise<PreviewItem[]> {
  const templateId = wechatEnabled(config.wechat) ? config.wechat.deadlineTemplateId : undefined;
  const out: PreviewItem[] = [];
  for await (const firm of allFirms(prisma)) {
    const planned = planReminders(firm, at).filter((p) => p.dueAt <= at);
    if (!planned.length) continue;
    const rows = await prisma.reminder.findMany({ where: { key: { in: planned.map((p) => p.key) } }, select: { key: true, status: true } });
    const status = new Map(rows.map((r) => [r.key, r.status]));
    const { keep } = supersede(planned.filter((p) => (status.get(p.key) ?? 'scheduled') === 'scheduled'));
    if (!keep.length) continue;
    const user = await prisma.user.findUnique({ where: { id: firm.userId } });
    let consents =
      templateId && user && !user.dev
        ? await prisma.subscribeConsent.count({ where: { userId: firm.userId, templateId, status: 'available' } })
        : 0;
    for (const p of keep) out.push({ ...p, channel: consents-- > 0 ? 'wechat' : 'notice', message: reminderMessage(p, at).body });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.userId.localeCompare(b.userId));
}
