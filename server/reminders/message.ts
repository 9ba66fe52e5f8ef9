// What a reminder says, worded at the moment it goes out (a late reminder states the real days left).
import { KIND_RULES, type DeadlineKind } from '../domain/rules/schedule.ts';
import type { TEMPLATE_VALUES } from '../wechat/config.ts';
import { chineseDate, daysBetween, localDay } from './time.ts';

export interface ReminderFacts {
  kind: string;
  deadline: string;
  title: string;
}

export function reminderMessage(r: ReminderFacts, at: Date) {
  const rule = KIND_RULES[r.kind as DeadlineKind];
  const days = daysBetween(localDay(at), r.deadline);
  const when = days <= 0 ? '今天截止' : `还有${days}天`;
  return {
    title: `${rule.short}提醒`,
    body: `${r.title}：${chineseDate(r.deadline)}，${when}。${rule.advice}。`,
    values: {
      title: `${rule.short}（${when}）`,
      deadline: chineseDate(r.deadline),
      daysLeft: when,
      note: rule.advice,
    } satisfies Record<(typeof TEMPLATE_VALUES)[number], string>,
  };
}

/** thing.DATA takes 20 characters at most; other keyword types are short by construction. */
const fit = (key: string, value: string) => (key.startsWith('thing') ? [...value].slice(0, 20).join('') : value);

/** The template's keywords filled from the message, as configured (WECHAT_DEADLINE_TEMPLATE_FIELDS). */
export function templateData(
  fields: Record<string, (typeof TEMPLATE_VALUES)[number]>,
  values: ReturnType<typeof reminderMessage>['values'],
): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, which]) => [key, fit(key, values[which])]));
}
