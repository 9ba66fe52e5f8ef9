// One-time subscribe-message consents. Each accepted tap in wx.requestSubscribeMessage allows one message:
// recorded here as `available`, reserved with a reminder when it is claimed, spent when sent.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';

/** Unused consents a user may hold per template: enough for a year of reminders, not a flood of taps. */
export const MAX_AVAILABLE = 50;

export function consentRepository(prisma: Db) {
  const available = (userId: string, templateId?: string) =>
    prisma.subscribeConsent.count({ where: { userId, status: 'available', ...(templateId ? { templateId } : {}) } });
  return {
    available,

    /** Records accepted consents (one per template id given, repeats allowed up to MAX_AVAILABLE). */
    async record(userId: string, templateIds: string[], now: Date): Promise<number> {
      let added = 0;
      for (const templateId of templateIds) {
        if ((await available(userId, templateId)) >= MAX_AVAILABLE) continue;
        await prisma.subscribeConsent.create({ data: { id: randomUUID(), userId, templateId, createdAt: now } });
        added++;
      }
      return added;
    },

    async byTemplate(userId: string, templateIds: string[]): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const t of templateIds) out[t] = await available(userId, t);
      return out;
    },
  };
}
