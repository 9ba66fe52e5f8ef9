// Column headers and what they mean. Formats disagree on order (会小企02表 prints 本年累计金额 before 本月金额,
// the old 损益表 本月数 before 本年累计数), so a column is chosen by its header, never by its position.
import { normalizeText } from './normalize.ts';

export type ColumnRole = 'current' | 'ytd' | 'comparative' | 'monthly' | 'rowno' | 'average' | 'qstart' | 'qend';

/** Ordered: the first pattern that matches a header cell decides its role. */
const ROLES: { role: ColumnRole; re: RegExp }[] = [
  { role: 'rowno', re: /^(行次|行号|行|栏次)$/ },
  { role: 'comparative', re: /上年年末|上年末|上年同期|上期|上年|年初|期初|去年/ },
  { role: 'average', re: /全年|平均|季平/ },
  { role: 'qstart', re: /季初/ },
  { role: 'qend', re: /季末/ },
  { role: 'ytd', re: /本年累计|累计数|累计金额|本年数/ },
  { role: 'monthly', re: /本月/ },
  // 期未/年未: OCR's usual slip for 末.
  { role: 'current', re: /本期|本年金额|本年|期[末未]|年[末未]|金额|余额/ },
];

export function headerRole(raw: string): ColumnRole | undefined {
  const s = normalizeText(raw).replace(/\s+/g, '').replace(/\(.*?\)/g, '');
  if (s.length === 0 || s.length > 9 || /\d{2,}/.test(s)) return undefined;
  return ROLES.find((r) => r.re.test(s))?.role;
}

/** The column that holds the figure the form needs, by preference. */
export const PREFERRED_ROLES: ColumnRole[] = ['ytd', 'current', 'monthly'];
