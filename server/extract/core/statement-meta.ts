// What a page says about itself: which statement (its title, or the line items it shows), whose, and when.
import type { StatementKind } from '../schema.ts';
import { TITLES } from './catalog.ts';
import { rowText, type Row } from './layout.ts';
import { normalizeText } from './normalize.ts';

export function findTitle(rows: Row[]): StatementKind | undefined {
  // Titles sit at the top; a later mention (附注: 详见利润表) must not rename the page.
  for (const row of rows.slice(0, 8)) {
    const t = rowText(row).replace(/\s+/g, '');
    const hit = TITLES.find((x) => x.re.test(t));
    if (hit) return hit.kind;
  }
  return undefined;
}

export function voteKind(kinds: StatementKind[]): StatementKind | undefined {
  const counts = new Map<StatementKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 3 ? best[0] : undefined;
}

const COMPANY_RE = /(?:编制单位|单位名称|企业名称|纳税人名称|填报单位|公司名称)\s*:?\s*(\S+)/;
// What follows the name on the same line when cells run together.
const AFTER_COMPANY = /(税款所属期间|所属期|金额单位|单位:|\d{4}年).*$/;
const COMPANY_END = /^(.*(?:有限责任公司|股份有限公司|有限公司|公司|厂|研究院|研究所|中心|合伙\)|工作室))/;
export function findCompany(lines: string[]): string | undefined {
  for (const line of lines) {
    const m = COMPANY_RE.exec(normalizeText(line));
    if (!m?.[1]) continue;
    const name = m[1].replace(AFTER_COMPANY, '').replace(/^[^\p{Script=Han}A-Za-z0-9]+/u, '');
    return COMPANY_END.exec(name)?.[1] ?? (name || undefined);
  }
  return undefined;
}

export function findPeriod(text: string): string | undefined {
  const t = normalizeText(text).replace(/[ \t]+/g, '');
  const patterns = [
    /(\d{4})年(?:1-12月|01-12月|1月-12月)/,
    /(\d{4})年度/,
    /(\d{4})年(\d{1,2})月(\d{1,2})日/,
    /(\d{4})年(\d{1,2})月/,
    /税款所属期间:?(\d{4})年\d{1,2}月\d{1,2}日至(\d{4})年(\d{1,2})月(\d{1,2})日/,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (m) return m[0].replace(/^税款所属期间:?/, '');
  }
  return undefined;
}
