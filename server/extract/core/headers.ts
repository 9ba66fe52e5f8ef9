// Column headers and what they mean. Formats disagree on order (会小企02表 prints 本年累计金额 before 本月金额,
// the old 损益表 本月数 before 本年累计数), so a column is chosen by its header, never by its position.
import { normalizeText } from './normalize.ts';

export type ColumnRole = 'current' | 'ytd' | 'comparative' | 'monthly' | 'rowno' | 'average' | 'qstart' | 'qend' | 'year';

/** Ordered: the first pattern that matches a header cell decides its role. */
const ROLES: { role: ColumnRole; re: RegExp }[] = [
  // 附注: the note numbers of a published statement, small integers like 行次.
  { role: 'rowno', re: /^(行次|行号|行|栏次|附注|注释|注|附注号)$/ },
  { role: 'comparative', re: /上年年[末未]|上年[末未]|上年同期|上期|上年|年初|期初|去年/ },
  { role: 'average', re: /全年|平均|季平/ },
  { role: 'qstart', re: /季初/ },
  { role: 'qend', re: /季末/ },
  { role: 'ytd', re: /本年累计|累计数|累计金额|本年数/ },
  { role: 'monthly', re: /本月/ },
  // 期未/年未: OCR's usual slip for 末.
  { role: 'current', re: /本期|本年金额|本年|期[末未]|年[末未]|金额|余额/ },
];

/**
 * Published statements head their columns with dates (2020年12月31日, 2020年度, 2020年1-12月) rather than
 * 本期/上期: such a header has role `year`, and the latest year among a table's headers is its current column
 * (columns.ts), wherever it stands.
 */
const YEAR_HEADER = /^((?:19|20)\d{2})年?(?:度|末|年末|1-12月|1—12月|1月-12月|\d{1,2}月(?:\d{1,2}日)?|(?:12)?月?31日)?(?:金额|余额|发生额|累计|数|[(（].*)?$/;

export function headerYear(raw: string): { year: number; date: number } | undefined {
  const s = normalizeText(raw).replace(/\s+/g, '').replace(/[\u2014—]/g, '-');
  const m = YEAR_HEADER.exec(s);
  if (!m?.[1]) return undefined;
  const md = /年(\d{1,2})月(\d{1,2})?/.exec(s);
  return { year: Number(m[1]), date: Number(m[1]) * 10000 + (md ? Number(md[1]) * 100 + Number(md[2] ?? 31) : 1231) };
}

export function headerRole(raw: string): ColumnRole | undefined {
  if (headerYear(raw)) return 'year';
  // Stray marks inside a header are OCR's (a 150-dpi fax read 上年年末余额 as 上:年年未余额, which then matched
  // only 年未 and 余额 and made a second current column); no header's role depends on them.
  const s = normalizeText(raw).replace(/\s+/g, '').replace(/\(.*?\)/g, '').replace(/[:：;；,，.。·、'"`]/g, '');
  if (s.length === 0 || s.length > 9 || /\d{2,}/.test(s)) return undefined;
  return ROLES.find((r) => r.re.test(s))?.role;
}

/** The column that holds the figure the form needs, by preference. */
export const PREFERRED_ROLES: ColumnRole[] = ['ytd', 'current', 'monthly'];
