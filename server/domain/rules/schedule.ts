// When deadline reminders go out (issue 6): which dates of a policy pack are reminded, how many days before,
// at what local time. Data, like the packs beside it: next year's dates are an edit to packs.ts, a different
// schedule an edit here.
import type { YearDates } from './packs.ts';

export type DeadlineKind = keyof YearDates;

export const REMINDER_SCHEDULE = {
  /** Days before the deadline. The deadline day itself counts as 0. */
  offsetsDays: [30, 14, 7, 3, 1],
  /** Local time of day the reminder is due. */
  time: '09:30',
  timeZone: 'Asia/Shanghai',
} as const;

export interface KindRule {
  /** Short name for the message (WeChat "thing" fields take at most 20 characters). */
  short: string;
  /** What the owner should do (also ≤ 20 characters). */
  advice: string;
  /** The firm stops getting it once it says it submitted for that year. */
  untilSubmitted: boolean;
  /** Only for 创新型 / 专精特新 firms. */
  tieredOnly?: boolean;
  /** Overrides REMINDER_SCHEDULE.offsetsDays for this kind; [] means never reminded. */
  offsetsDays?: readonly number[];
}

export const KIND_RULES: Record<DeadlineKind, KindRule> = {
  // An opening date is news, not a deadline: one reminder on the day.
  systemOpens: { short: '评价系统开放', advice: '现在可以登录系统填报自评', untilSubmitted: true, offsetsDays: [0] },
  systemCloses: { short: '评价系统关闭', advice: '请在截止前完成自评提交', untilSubmitted: true },
  // The number obtained before 汇算清缴 lets the firm claim the super-deduction: worth submitting early.
  taxFilingDeadline: { short: '汇算清缴截止', advice: '此前取得编号可享加计扣除', untilSubmitted: true },
  // Review material comes after the firm's submission, so a submitted firm still needs this one.
  reviewDeadline: { short: '审核材料提交截止', advice: '请按当地通知提交审核材料', untilSubmitted: false },
  tierUpdateDeadline: { short: '梯度培育信息更新截止', advice: '请及时更新企业年度信息', untilSubmitted: false, tieredOnly: true },
  // The 小巨人 window concerns firms already on the ladder (a 专精特新 title is its entry condition).
  giantFilingOpens: { short: '小巨人申报开始', advice: '符合条件的可准备申报材料', untilSubmitted: false, tieredOnly: true, offsetsDays: [0] },
  giantFilingCloses: { short: '小巨人申报截止', advice: '请在截止前提交申报材料', untilSubmitted: false, tieredOnly: true, offsetsDays: [14, 7, 1] },
};

export const offsetsOf = (kind: DeadlineKind): readonly number[] => KIND_RULES[kind].offsetsDays ?? REMINDER_SCHEDULE.offsetsDays;
