// The firm's profile: what the reminders are computed from.
import type { Db } from '../db/client.ts';
import { localYear } from './time.ts';

export interface FirmUpdate {
  name?: string | null;
  region?: string;
  submitted?: boolean;
  tiered?: boolean;
}

export function firmRepository(prisma: Db) {
  return {
    find: (userId: string) => prisma.firm.findUnique({ where: { userId } }),

    /** Creates or changes the profile; fields left out stay as they were. `submitted` is for the current year. */
    async save(userId: string, update: FirmUpdate & { region: string }, now: Date) {
      const fields = {
        ...(update.name !== undefined ? { name: update.name } : {}),
        region: update.region,
        ...(update.submitted !== undefined ? { submittedYear: update.submitted ? localYear(now) : null } : {}),
        ...(update.tiered !== undefined ? { tiered: update.tiered } : {}),
        updatedAt: now,
      };
      return prisma.firm.upsert({ where: { userId }, create: { userId, ...fields, createdAt: now }, update: fields });
    },
  };
}
