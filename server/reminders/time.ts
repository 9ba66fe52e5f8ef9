// Calendar arithmetic in the schedule's time zone. Deadlines are calendar days there; instants are Dates.
import { REMINDER_SCHEDULE } from '../domain/rules/schedule.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (at: Date | string): Clock => ({ now: () => new Date(at) });

const TZ = REMINDER_SCHEDULE.timeZone;
const DAY_MS = 86_400_000;

/** UTC offset of the zone at an instant, in minutes (Intl knows the zone's history, DST included). */
function offsetMinutes(at: Date, timeZone = TZ): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+08:00" or "GMT"
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant of a local date and time ("2026-08-24", "09:30") in the zone. */
export function zonedInstant(date: string, time: string, timeZone = TZ): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // Two passes settle the offset even on a day the zone changes it.
  let t = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  t = naive - offsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}

/** The local calendar day of an instant, as an ISO date. */
export function localDay(at: Date, timeZone = TZ): string {
  return new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 10);
}

export const localYear = (at: Date): number => Number(localDay(at).slice(0, 4));

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** A deadline day is open until the local midnight that ends it. */
export const deadlinePassed = (deadline: string, at: Date): boolean => localDay(at) > deadline;

/** "2026年08月31日" */
export const chineseDate = (date: string): string => `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;
