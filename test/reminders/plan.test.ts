// The plan: which reminders a firm gets, computed from the policy packs and the schedule data alone.
import { afterEach, describe, expect, it } from 'vitest';
import { PACKS } from '../../server/domain/rules/packs.ts';
import { cite } from '../../server/domain/rules/sources.ts';
import { REMINDER_SCHEDULE } from '../../server/domain/rules/schedule.ts';
import { planReminders, type FirmFacts } from '../../server/reminders/plan.ts';
import { supersede } from '../../server/reminders/deliver.ts';
import { reminderMessage, templateData } from '../../server/reminders/message.ts';
import { localDay, zonedInstant } from '../../server/reminders/time.ts';

const firm = (patch: Partial<FirmFacts> = {}): FirmFacts => ({
  userId: 'u1',
  region: 'national',
  submittedYear: null,
  tiered: false,
  createdAt: new Date('2026-01-01T00:00:00+08:00'),
  ...patch,
});
const at = (s: string) => new Date(s);
/** The 2026 deadlines only: the packs also carry 2027's (some provisional), checked in their own test. */
const of2026 = <T extends { deadline: string }>(plan: T[]) => plan.filter((p) => p.deadline.startsWith('2026'));

describe('reminder plan', () => {
  it('national firm in January: 汇算清缴 5月31日 and system closing 8月31日, 30/14/7/3/1 days before at 09:30 Beijing time', () => {
    const plan = of2026(planReminders(firm(), at('2026-01-10T00:00:00+08:00')));
    expect(plan.map((p) => `${p.kind} ${p.deadline} -${p.offsetDays} ${p.dueAt.toISOString()}`)).toEqual([
      'taxFilingDeadline 2026-05-31 -30 2026-05-01T01:30:00.000Z',
      'taxFilingDeadline 2026-05-31 -14 2026-05-17T01:30:00.000Z',
      'taxFilingDeadline 2026-05-31 -7 2026-05-24T01:30:00.000Z',
      'taxFilingDeadline 2026-05-31 -3 2026-05-28T01:30:00.000Z',
      'taxFilingDeadline 2026-05-31 -1 2026-05-30T01:30:00.000Z',
      'systemCloses 2026-08-31 -30 2026-08-01T01:30:00.000Z',
      'systemCloses 2026-08-31 -14 2026-08-17T01:30:00.000Z',
      'systemCloses 2026-08-31 -7 2026-08-24T01:30:00.000Z',
      'systemCloses 2026-08-31 -3 2026-08-28T01:30:00.000Z',
      'systemCloses 2026-08-31 -1 2026-08-30T01:30:00.000Z',
    ]);
    expect(plan[0]!.key).toBe('u1:taxFilingDeadline:2026-05-31:30');
    expect(plan[0]!.title).toContain('汇算清缴');
  });

  it('henan adds the 9月18日 review deadline; a tiered Henan firm gets the 4月30日 update (L3), a national one 5月31日 (2026 measures)', () => {
    const henan = planReminders(firm({ region: 'henan' }), at('2026-01-10T00:00:00+08:00'));
    expect(henan.filter((p) => p.kind === 'reviewDeadline').map((p) => p.deadline)).toEqual(Array(5).fill('2026-09-18'));
    expect(henan.some((p) => p.kind === 'tierUpdateDeadline')).toBe(false);
    const tieredHenan = planReminders(firm({ region: 'henan', tiered: true }), at('2026-01-10T00:00:00+08:00'));
    expect(tieredHenan.filter((p) => p.kind === 'tierUpdateDeadline').map((p) => p.dueAt.toISOString())[0]).toBe('2026-03-31T01:30:00.000Z');
    const tiered = planReminders(firm({ tiered: true }), at('2026-01-10T00:00:00+08:00'));
    expect(tiered.filter((p) => p.kind === 'tierUpdateDeadline').map((p) => p.dueAt.toISOString())[0]).toBe('2026-05-01T01:30:00.000Z');
    expect(tiered.find((p) => p.kind === 'tierUpdateDeadline')!.title).toContain('以当年官方通知为准');
  });

  it('the 小巨人 filing window (4月25日–5月25日) for tiered firms only: the opening day itself, then 14/7/1 days before it closes', () => {
    const tiered = of2026(planReminders(firm({ tiered: true }), at('2026-01-10T00:00:00+08:00')));
    expect(tiered.filter((p) => p.kind.startsWith('giant')).map((p) => `${p.kind} -${p.offsetDays} ${p.dueAt.toISOString()}`)).toEqual([
      'giantFilingOpens -0 2026-04-25T01:30:00.000Z',
      'giantFilingCloses -14 2026-05-11T01:30:00.000Z',
      'giantFilingCloses -7 2026-05-18T01:30:00.000Z',
      'giantFilingCloses -1 2026-05-24T01:30:00.000Z',
    ]);
    expect(planReminders(firm(), at('2026-01-10T00:00:00+08:00')).some((p) => p.kind.startsWith('giant'))).toBe(false);
    // The 2027 window is carried over and marked 预计 until the notice is out.
    const next = planReminders(firm({ tiered: true }), at('2026-11-25T10:00:00+08:00'));
    expect(next.find((p) => p.kind === 'giantFilingCloses')).toMatchObject({ deadline: '2027-05-25', title: expect.stringContaining('预计') });
  });

  it('every ladder date says its source and, where the text is not verbatim, how sure it is', () => {
    for (const pack of Object.values(PACKS))
      for (const dates of Object.values(pack.dates))
        for (const kind of ['tierUpdateDeadline', 'giantFilingOpens', 'giantFilingCloses'] as const) {
          const d = dates[kind];
          if (!d) continue;
          expect(d.source.title).toBeTruthy();
          if (d.source.id !== 'L3') expect(d.certainty, `${pack.id} ${d.date}`).toBe('fairly_sure');
          if (d.provisional) expect(d.label).toContain('预计');
          else if (d.certainty === 'fairly_sure') expect(d.label).toContain('以当年官方通知为准');
        }
    expect(PACKS.henan!.dates[2026]!.tierUpdateDeadline).toMatchObject({ date: '2026-04-30', source: { id: 'L3', article: '第十四条' } });
  });

  it('a firm that submitted this year gets no submission reminders (but still the review deadline); next year counts again', () => {
    const submitted = of2026(planReminders(firm({ region: 'henan', submittedYear: 2026 }), at('2026-06-10T00:00:00+08:00')));
    expect(submitted.map((p) => p.kind)).toEqual(Array(5).fill('reviewDeadline'));
    expect(of2026(planReminders(firm({ submittedYear: 2026 }), at('2026-06-10T00:00:00+08:00')))).toEqual([]);
    expect(of2026(planReminders(firm({ submittedYear: 2025 }), at('2026-06-10T00:00:00+08:00'))).length).toBe(5);
    // Next year's reminders wait for this year's cycle to end; submitting for 2026 says nothing about 2027.
    expect(planReminders(firm({ submittedYear: 2026 }), at('2026-06-10T00:00:00+08:00')).some((p) => p.deadline.startsWith('2027'))).toBe(false);
    expect(planReminders(firm({ submittedYear: 2026 }), at('2026-09-01T00:00:00+08:00')).some((p) => p.deadline === '2027-08-31')).toBe(true);
    // Henan's review deadline keeps a firm in the 2026 cycle until 9月18日.
    expect(new Set(planReminders(firm({ region: 'henan' }), at('2026-09-10T00:00:00+08:00')).map((p) => p.deadline))).toEqual(new Set(['2026-09-18']));
  });

  it('nothing for passed deadlines, nothing due before the firm was set up', () => {
    expect(of2026(planReminders(firm(), at('2026-09-01T00:00:00+08:00')))).toEqual([]);
    // The deadline day itself is still open.
    expect(of2026(planReminders(firm(), at('2026-08-31T23:59:00+08:00'))).length).toBe(5);
    const late = of2026(planReminders(firm({ createdAt: at('2026-08-20T12:00:00+08:00') }), at('2026-08-20T12:00:00+08:00')));
    expect(late.map((p) => p.offsetDays)).toEqual([7, 3, 1]);
  });

  it('2027: the statutory 汇算清缴 date and the provisional closing day, carried over and marked 预计', () => {
    const plan = planReminders(firm(), at('2026-11-25T10:00:00+08:00'));
    expect([...new Set(plan.map((p) => p.deadline))]).toEqual(['2027-05-31', '2027-08-31']);
    expect(plan.find((p) => p.deadline === '2027-08-31')!.title).toContain('预计');
  });

  describe('dates are data', () => {
    const saved = structuredClone(PACKS.national!.dates);
    afterEach(() => {
      PACKS.national!.dates = saved;
    });

    it('next year is an edit to the pack: a 2027 entry brings 2027 reminders', () => {
      PACKS.national!.dates[2027] = {
        systemCloses: { date: '2027-08-31', label: '评价系统关闭（企业自评提交截止）', source: cite('S4') },
      };
      const plan = planReminders(firm(), at('2026-12-01T00:00:00+08:00'));
      expect(plan.map((p) => p.dueAt.toISOString())).toEqual([
        '2027-08-01T01:30:00.000Z',
        '2027-08-17T01:30:00.000Z',
        '2027-08-24T01:30:00.000Z',
        '2027-08-28T01:30:00.000Z',
        '2027-08-30T01:30:00.000Z',
      ]);
    });
  });

  it('time zone arithmetic: 09:30 in Asia/Shanghai is 01:30 UTC, local days roll over at Beijing midnight', () => {
    expect(REMINDER_SCHEDULE).toMatchObject({ time: '09:30', timeZone: 'Asia/Shanghai', offsetsDays: [30, 14, 7, 3, 1] });
    expect(zonedInstant('2026-08-24', '09:30').toISOString()).toBe('2026-08-24T01:30:00.000Z');
    expect(localDay(at('2026-08-30T16:00:00Z'))).toBe('2026-08-31');
    expect(localDay(at('2026-08-30T15:59:59Z'))).toBe('2026-08-30');
  });

  it('supersede keeps only the latest offset per deadline', () => {
    const rows = [30, 14, 7].map((offsetDays) => ({ userId: 'u', kind: 'systemCloses', deadline: '2026-08-31', offsetDays }));
    const other = { userId: 'v', kind: 'systemCloses', deadline: '2026-08-31', offsetDays: 30 };
    const { keep, skip } = supersede([...rows, other]);
    expect(keep.map((r) => `${r.userId}${r.offsetDays}`)).toEqual(['u7', 'v30']);
    expect(skip.map((r) => r.offsetDays)).toEqual([30, 14]);
  });

  it('message: the days actually left, WeChat thing fields at most 20 characters', () => {
    const r = { kind: 'systemCloses', deadline: '2026-08-31', title: '评价系统关闭（企业自评提交截止）' };
    const m = reminderMessage(r, at('2026-08-24T09:30:00+08:00'));
    expect(m.body).toBe('评价系统关闭（企业自评提交截止）：2026年08月31日，还有7天。请在截止前完成自评提交。');
    expect(reminderMessage(r, at('2026-08-31T09:30:00+08:00')).values.daysLeft).toBe('今天截止');
    const data = templateData({ thing1: 'title', time2: 'deadline', thing3: 'note', thing4: 'daysLeft' }, {
      ...m.values,
      note: '这是一段超过二十个字的说明文字，用来检查截断是否按字符进行',
    });
    expect(data).toMatchObject({ thing1: '评价系统关闭（还有7天）', time2: '2026年08月31日', thing4: '还有7天' });
    expect([...data.thing3!].length).toBe(20);
  });
});
