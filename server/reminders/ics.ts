// An iCalendar file (RFC 5545) of a firm's deadlines, for owners and accountants who live in calendars.
// Deadlines are all-day DATE events (a calendar day in China, no time zone needed); DTSTAMP is UTC. Each event
// carries alarms at the reminder schedule's times, lines end in CRLF and are folded at 75 octets.
import { REMINDER_SCHEDULE, offsetsOf } from '../domain/rules/schedule.ts';
import { addDays } from './time.ts';
import type { firmDeadlines } from './plan.ts';

type Deadline = ReturnType<typeof firmDeadlines>[number];

/** TEXT value escaping (RFC 5545 §3.3.11). */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line into chunks of at most 75 octets, never inside a UTF-8 character (§3.1). */
export function fold(line: string): string {
  const out: string[] = [];
  let chunk = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    // Continuation lines start with a space, which counts toward their 75.
    if (octets + n > (out.length ? 74 : 75)) {
      out.push(chunk);
      chunk = '';
      octets = 0;
    }
    chunk += ch;
    octets += n;
  }
  out.push(chunk);
  return out.join('\r\n ');
}

const compactDate = (iso: string) => iso.replace(/-/g, '');
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Alarm trigger for `days` before the day at the schedule's time, relative to the event's start (midnight). */
function trigger(days: number): string {
  const [h, m] = REMINDER_SCHEDULE.time.split(':').map(Number) as [number, number];
  let minutes = days * 1440 - (h * 60 + m);
  const sign = minutes > 0 ? '-' : '';
  minutes = Math.abs(minutes);
  const d = Math.floor(minutes / 1440);
  const rest = minutes % 1440;
  return `${sign}P${d ? `${d}D` : ''}T${Math.floor(rest / 60)}H${rest % 60}M`;
}

export function deadlinesCalendar(opts: { name: string; region: string; deadlines: Deadline[]; now: Date }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//kexiao//kexiao deadlines//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(opts.name)}`,
    `X-WR-TIMEZONE:${REMINDER_SCHEDULE.timeZone}`,
  ];
  for (const d of opts.deadlines) {
    const sureness = d.provisional ? '\n（预计日期，以当年官方通知为准）' : d.certainty === 'fairly_sure' ? '\n（据引用官方文件的汇编整理，以当年官方通知为准）' : '';
    const description = `${d.label}\n依据：${d.source.title}${d.source.article ? ` ${d.source.article}` : ''}${sureness}`;
    lines.push(
      'BEGIN:VEVENT',
      // Stable across downloads, so importing again updates the event instead of duplicating it.
      `UID:${d.date}-${d.kind}-${opts.region}@kexiao`,
      `DTSTAMP:${utcStamp(opts.now)}`,
      `DTSTART;VALUE=DATE:${compactDate(d.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(d.date, 1))}`,
      `SUMMARY:${text(d.label)}`,
      `DESCRIPTION:${text(description)}`,
      'CATEGORIES:科技型中小企业评价',
      'TRANSP:TRANSPARENT',
    );
    for (const days of offsetsOf(d.kind))
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${text(d.label)}`, `TRIGGER:${trigger(days)}`, 'END:VALARM');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
