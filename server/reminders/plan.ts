// Which reminders a firm should have: a pure function of the policy pack for its region, the schedule and
// what the firm told us (submitted this year, 创新型/专精特新). The scheduler stores the result as rows.
import { findPack, PACKS, type PolicyPack } from '../domain/rules/packs.ts';
import { KIND_RULES, offsetsOf, REMINDER_SCHEDULE, type DeadlineKind } from '../domain/rules/schedule.ts';
import { addDays, deadlinePassed, zonedInstant } from './time.ts';

export interface FirmFacts {
  userId: string;
  region: string;
  submittedYear: number | null;
  tiered: boolean;
  /** Reminders due before the firm was set up are not planned (no burst of stale messages on sign-up). */
  createdAt: Date;
}

export interface PlannedReminder {
  /** Idempotency key: one reminder per user, deadline and offset, whatever the region or run. */
  key: string;
  userId: string;
  region: string;
  kind: DeadlineKind;
  deadline: string;
  offsetDays: number;
  title: string;
  dueAt: Date;
}

export const reminderKey = (userId: string, kind: string, deadline: string, offsetDays: number) =>
  `${userId}:${kind}:${deadline}:${offsetDays}`;

export const packOf = (region: string): PolicyPack => findPack(region) ?? PACKS.national!;

/** A pack's dates of the year, as (kind, date, label) in a stable order. */
export function datesOf(pack: PolicyPack, year: number) {
  const dates = pack.dates[year];
  if (!dates) return [];
  return (Object.keys(KIND_RULES) as DeadlineKind[]).flatMap((kind) => {
    const d = dates[kind];
    return d ? [{ kind, year, ...d }] : [];
  });
}

/** Deadlines of the firm's pack that concern it (tier-only dates only for tiered firms), every known year, by date. */
export function firmDeadlines(firm: Pick<FirmFacts, 'region' | 'tiered'>) {
  const pack = packOf(firm.region);
  return Object.keys(pack.dates)
    .flatMap((year) => datesOf(pack, Number(year)))
    .filter((d) => !KIND_RULES[d.kind].tieredOnly || firm.tiered)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The evaluation cycle a firm is in: the first year whose last deadline for it has not passed. Reminders are
 * planned for that cycle only, so next year's (often provisional) dates wait until this year's are over.
 */
export function currentCycle(deadlines: readonly { year: number; date: string }[], now: Date): number | undefined {
  const open = deadlines.filter((d) => !deadlinePassed(d.date, now)).map((d) => d.year);
  return open.length ? Math.min(...open) : undefined;
}

export function planReminders(firm: FirmFacts, now: Date): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const deadlines = firmDeadlines(firm);
  const cycle = currentCycle(deadlines, now);
  for (const d of deadlines) {
    if (d.year !== cycle || deadlinePassed(d.date, now)) continue;
    if (KIND_RULES[d.kind].untilSubmitted && firm.submittedYear === d.year) continue;
    for (const offsetDays of offsetsOf(d.kind)) {
      const dueAt = zonedInstant(addDays(d.date, -offsetDays), REMINDER_SCHEDULE.time);
      if (dueAt < firm.createdAt) continue;
      out.push({
        key: reminderKey(firm.userId, d.kind, d.date, offsetDays),
        userId: firm.userId,
        region: firm.region,
        kind: d.kind,
        deadline: d.date,
        offsetDays,
        title: d.label,
        dueAt,
      });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
