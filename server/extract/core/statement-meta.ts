// What a page says about itself: which statement (its title, or the line items it shows), whose, and when.
import type { Scope, StatementKind } from '../schema.ts';
import { TITLES } from './catalog.ts';
import { rowText, type Row } from './layout.ts';
import { editDistance } from './match.ts';
import { normalizeText } from './normalize.ts';

export type TitleKind = StatementKind | 'other';

export interface Title { rowIndex: number; kind: TitleKind; scope: Scope }

// A statement's own title line, wherever it stands on the page (a statement may begin mid-page below the
// last one): the whole row is the title, perhaps with 合并/母公司 before it and (续) after it. Other statements
// of an annual report (现金流量表, 所有者权益变动表) end the one before them.
const TITLE_NAMES: { kind: TitleKind; names: string[] }[] = [
  { kind: 'balance_sheet', names: ['资产负债表'] },
  { kind: 'income_statement', names: ['利润表', '损益表', '利润及利润分配表', '利润和利润分配表'] },
  { kind: 'other', names: ['现金流量表', '所有者权益变动表', '股东权益变动表', '现金流量表补充资料', '利润分配表'] },
];
const SCOPE_PREFIX = /^(合并及母公司|合并及公司|合并|母公司|公司)/;
const TITLE_TAIL = /(?:\(续\)?|续表?|\(续表\))$/;
const FORM_CODE = /(?:会企0\d表|会小企0\d表)$/;

function titleOf(text: string): { kind: TitleKind; scope: Scope } | undefined {
  let t = normalizeText(text).replace(/\s+/g, '').replace(FORM_CODE, '').replace(TITLE_TAIL, '');
  const prefix = SCOPE_PREFIX.exec(t)?.[1];
  if (prefix) t = t.slice(prefix.length);
  const scope: Scope = prefix === '合并' ? 'consolidated' : prefix === '母公司' || prefix === '公司' ? 'parent' : 'single';
  for (const { kind, names } of TITLE_NAMES) {
    // One OCR slip in a title of four or more characters (资产负惯表).
    if (names.some((n) => n === t || (n.length >= 4 && t.length === n.length && editDistance(n, t) <= 1))) return { kind, scope };
  }
  return undefined;
}

/**
 * The statement titles on a page, top to bottom. A row counts when it is a title as a whole; the top rows also
 * name a statement by the looser patterns of TITLES (A107012, 企业职工人数统计表), as before.
 */
export function findTitles(rows: Row[]): Title[] {
  const out: Title[] = [];
  rows.forEach((row, rowIndex) => {
    if (row.cells.some((c) => c.amount)) return;
    const whole = titleOf(rowText(row));
    const cell = whole ? undefined : row.cells.map((c) => titleOf(c.text)).find((x) => x);
    const hit = whole ?? cell;
    if (hit) {
      out.push({ rowIndex, ...hit });
      return;
    }
    if (rowIndex < 8 && out.length === 0) {
      const t = rowText(row).replace(/\s+/g, '');
      const loose = TITLES.find((x) => x.re.test(t));
      if (loose) out.push({ rowIndex, kind: loose.kind, scope: /母公司/.test(t) ? 'parent' : /合并/.test(t) ? 'consolidated' : 'single' });
    }
  });
  return out;
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
