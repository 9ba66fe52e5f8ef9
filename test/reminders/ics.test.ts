// GET /api/v1/calendar.ics on both databases, checked against RFC 5545: CRLF line ends, lines folded at 75
// octets without splitting a character, escaped TEXT, UID and UTC DTSTAMP on every event, DATE-valued days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlinesCalendar, fold } from '../../server/reminders/ics.ts';
import { cite } from '../../server/domain/rules/sources.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { devUser, startServer } from '../auth/support.ts';
import { devOwner, JULY } from './support.ts';

/** Unfolds (§3.1) and splits into [name;params, value] pairs, checking the physical lines on the way. */
function parse(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
  const logical = ics.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n');
  return logical.map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i), l.slice(i + 1)] as const;
  });
}

const unescape = (v: string) => v.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');

describe('iCalendar folding', () => {
  it('folds at 75 octets, continuation lines start with a space, multi-byte characters stay whole', () => {
    const line = `SUMMARY:${'科技型中小企业评价'.repeat(8)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
      if (i) expect(p.startsWith(' ')).toBe(true);
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(fold('VERSION:2.0')).toBe('VERSION:2.0');
  });

  it('escapes TEXT values: backslash, semicolon, comma, newline', () => {
    const ics = deadlinesCalendar({
      name: '甲,乙',
      region: 'national',
      deadlines: [{ kind: 'systemCloses', year: 2026, date: '2026-08-31', label: '甲,乙;丙\\丁', source: cite('S1') }],
      now: new Date('2026-07-01T00:00:00Z'),
    });
    expect(ics).toContain('X-WR-CALNAME:甲\\,乙\r\n');
    expect(ics).toContain('SUMMARY:甲\\,乙\\;丙\\\\丁\r\n');
    expect(ics).toContain('DTSTAMP:20260701T000000Z');
  });
});

describe.each(PROVIDERS)('calendar.ics on %s', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  beforeAll(async () => {
    s = await startServer(provider, { at: JULY });
  });
  afterAll(() => s?.stop());

  it('404 until the firm is saved', async () => {
    const u = await devUser(s.url);
    const r = await u.get('/api/v1/calendar.ics');
    expect([r.status, r.body.error.code]).toEqual([404, 'FIRM_NOT_FOUND']);
  });

  it('lists the firm’s deadlines of this year on as all-day events with the reminder alarms', async () => {
    const u = await devOwner(s, 'henan');
    const r = await u.get('/api/v1/calendar.ics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(r.headers.get('content-disposition')).toContain('kexiao-deadlines.ics');
    const props = parse(r.text);
    const names = props.map(([n]) => n);
    expect(props.slice(0, 2)).toEqual([['BEGIN', 'VCALENDAR'], ['VERSION', '2.0']]);
    expect(names).toContain('PRODID');
    expect(props.at(-1)).toEqual(['END', 'VCALENDAR']);
    expect(names.filter((n) => n === 'BEGIN').length).toBe(names.filter((n) => n === 'END').length);

    const events: Record<string, string>[] = [];
    let current: Record<string, string> | null = null;
    let alarms = 0;
    for (const [name, value] of props) {
      if (name === 'BEGIN' && value === 'VEVENT') current = {};
      else if (name === 'END' && value === 'VEVENT') {
        events.push(current!);
        current = null;
      }
      else if (name === 'TRIGGER' && current) current[`TRIGGER${alarms++}`] = value;
      else if (current && !(name in current)) current[name] = value;
    }
    expect(events.map((e) => e['DTSTART;VALUE=DATE'])).toEqual(['20260531', '20260831', '20260918', '20270531', '20270831']);
    const closes = events[1]!;
    expect(unescape(closes.SUMMARY!)).toBe('评价系统关闭（企业自评提交截止）');
    expect(closes['DTEND;VALUE=DATE']).toBe('20260901');
    expect(closes.UID).toBe('2026-08-31-systemCloses-henan@kexiao');
    expect(closes.DTSTAMP).toBe('20260701T020000Z');
    expect(unescape(closes.DESCRIPTION!)).toContain('依据：2026年省市工作通知（河南 豫科企〔2026〕6号、宁波2026年通知）');
    expect(closes.DESCRIPTION).toContain('\\n依据：'); // the line break is escaped
    for (const e of events) {
      expect(e.UID).toMatch(/@kexiao$/);
      expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    }
    expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
    // Five alarms per event, at 09:30 Beijing time 30/14/7/3/1 days before (relative to the day's start).
    expect(alarms).toBe(5 * events.length);
    expect(r.text).toContain('TRIGGER:-P29DT14H30M');
    expect(r.text).toContain('TRIGGER:-P6DT14H30M');
    expect(r.text).toContain('TRIGGER:-PT14H30M');

    await u.put('/api/v1/firm', { tiered: true });
    expect((await u.get('/api/v1/calendar.ics')).text).toContain('DTSTART;VALUE=DATE:20260430');
    // Next year: 2027's dates only (the closing day provisional, marked 预计), no stale 2026 events.
    s.setTime('2027-01-10T10:00:00+08:00');
    try {
      const again = await devUser(s.url);
      await again.put('/api/v1/firm', { region: 'henan' });
      const next = (await again.get('/api/v1/calendar.ics')).text;
      expect(parse(next).map(([n]) => n)).toContain('VERSION');
      expect(next).not.toContain('DTSTART;VALUE=DATE:2026');
      expect(next).toContain('DTSTART;VALUE=DATE:20270831');
      expect(unescape(next.replace(/\r\n /g, ''))).toContain('预计');
    } finally {
      s.setTime(JULY);
    }
  });

  it('a tiered firm’s calendar has the 小巨人 window and the update date, each with its source and how sure it is', async () => {
    s.setTime('2026-01-10T10:00:00+08:00');
    try {
      const u = await devOwner(s, 'national');
      expect((await u.put('/api/v1/firm', { region: 'national', tiered: true })).status).toBe(200);
      const text = unescape((await u.get('/api/v1/calendar.ics')).text.replace(/\r\n /g, ''));
      expect(text).toContain('DTSTART;VALUE=DATE:20260425');
      expect(text).toContain('DTSTART;VALUE=DATE:20260525');
      expect(text).toContain('DTSTART;VALUE=DATE:20260531');
      expect(text).toContain('工信厅企业函〔2026〕117号');
      expect(text).toContain('据引用官方文件的汇编整理，以当年官方通知为准');
      const plain = await devOwner(s, 'national');
      expect((await plain.get('/api/v1/calendar.ics')).text).not.toContain('20260425');
    } finally {
      s.setTime(JULY);
    }
  });

  it('one owner’s calendar follows their own firm only', async () => {
    const a = await devOwner(s, 'ningbo');
    const b = await devOwner(s, 'henan');
    expect((await a.get('/api/v1/calendar.ics')).text).not.toContain('reviewDeadline');
    expect((await b.get('/api/v1/calendar.ics')).text).toContain('reviewDeadline');
  });
});
