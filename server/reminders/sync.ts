// Keeps the reminder rows equal to the plan: new deadlines get rows, rows that no longer apply (the firm
// submitted, changed region) go while still unsent, and unsent rows whose deadline passed are kept as
// `expired`, a record that they never went out. Idempotent and safe to run from several processes at once:
// the unique key stops duplicates and only `scheduled` rows are ever touched.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { planReminders, type FirmFacts } from './plan.ts';
import { deadlinePassed } from './time.ts';

const PAGE = 200;

export async function syncFirm(prisma: Db, firm: FirmFacts, now: Date): Promise<void> {
  const planned = planReminders(firm, now);
  const existing = await prisma.reminder.findMany({
    where: { userId: firm.userId },
    select: { id: true, key: true, status: true, deadline: true },
  });
  const have = new Set(existing.map((r) => r.key));
  const want = new Set(planned.map((p) => p.key));
  for (const p of planned) {
    if (have.has(p.key)) continue;
    try {
      await prisma.reminder.create({ data: { id: randomUUID(), ...p, createdAt: now, updatedAt: now } });
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e; // another process planned it first
    }
  }
  const stale = existing.filter((r) => r.status === 'scheduled' && !want.has(r.key));
  const passed = stale.filter((r) => deadlinePassed(r.deadline, now)).map((r) => r.id);
  const dropped = stale.filter((r) => !deadlinePassed(r.deadline, now)).map((r) => r.id);
  if (passed.length)
    await prisma.reminder.updateMany({ where: { id: { in: passed }, status: 'scheduled' }, data: { status: 'expired', updatedAt: now } });
  if (dropped.length) await prisma.reminder.deleteMany({ where: { id: { in: dropped }, status: 'scheduled' } });
}

/** Every firm, a page at a time. */
export async function* allFirms(prisma: Db): AsyncGenerator<FirmFacts> {
  let cursor: string | undefined;
  for (;;) {
    const page = await prisma.firm.findMany({
      orderBy: { userId: 'asc' },
      take: PAGE,
      ...(cursor ? { cursor: { userId: cursor }, skip: 1 } : {}),
    });
    yield* page;
    if (page.length < PAGE) return;
    cursor = page.at(-1)!.userId;
  }
}

export async function syncAll(prisma: Db, now: Date): Promise<void> {
  for await (const firm of allFirms(prisma)) await syncFirm(prisma, firm, now);
}

export async function syncUser(prisma: Db, userId: string, now: Date): Promise<void> {
  const firm = await prisma.firm.findUnique({ where: { userId } });
  if (firm) await syncFirm(prisma, firm, now);
}
