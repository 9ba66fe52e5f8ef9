// How figures and bands are written for people: money as an accountant writes it (万元 to 2 decimals with
// thousands separators, 元 where the statement is in 元), percentages, the band a score came from and the
// change a lever asks for. Shared by the mini-program (through @domain) and the PDF report, so both say the
// same. Display only: the exact values stay in the data; nothing here decides anything.
import { cmp, div, parseDecimal, sub, toDecimalString, type Fraction } from './exact.ts';
import type { Band, Scoring } from './rules/national.ts';

const asFraction = (x: Fraction | string): Fraction => (typeof x === 'string' ? parseDecimal(x) : x);

/** "2062269.78" → "2,062,269.78": 2 decimals, half-up, grouped by thousands. */
export function grouped(x: Fraction | string, places = 2): string {
  const s = toDecimalString(asFraction(x), places);
  const [int = '0', frac] = s.replace('-', '').split('.');
  const body = `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
  return s.startsWith('-') ? `-${body}` : body;
}

/** An amount in 万元 as the form shows it: "206.23 万元". */
export const wanText = (wan: Fraction | string): string => `${grouped(wan)} 万元`;

/** An amount in 元 (a statement's own figure): "2,062,269.78 元". */
export const yuanText = (yuan: Fraction | string): string => `${grouped(yuan)} 元`;

/** 元 → 万元, exact. */
export const yuanToWan = (yuan: Fraction | string): Fraction => div(asFraction(yuan), { n: 10000n, d: 1n });

/** A headcount, possibly averaged, to 2 decimals: "44.75" (whole numbers without decimals). */
export const people = (x: Fraction | string): string => toDecimalString(asFraction(x), 2, true);
export const peopleText = (x: Fraction | string): string => `${people(x)} 人`;

/**
 * What a typed figure is against the statement's, in the accountant's words: "比报表少 6.23 万元",
 * "比报表多 1.00 人", or "与报表一致" when they round to the same shown amount.
 */
export function differenceText(typed: Fraction | string, statement: Fraction | string, unit: '万元' | '人', what = '报表'): string {
  const d = sub(asFraction(typed), asFraction(statement));
  const abs = d.n < 0n ? { n: -d.n, d: d.d } : d;
  const shown = unit === '人' ? toDecimalString(abs, 2, true) : grouped(abs);
  if (/^0(\.0+)?$/.test(shown)) return `与${what}一致`;
  return `比${what}${cmp(d, { n: 0n, d: 1n }) < 0 ? '少' : '多'} ${shown} ${unit}`;
}

/** "0.2812" → "28.12%"; null stays "—" (a zero denominator). */
export function percent(ratio: string | null | undefined): string {
  if (ratio == null) return '—';
  return `${toDecimalString(div(parseDecimal(ratio), parseDecimal('0.01')), 2, true)}%`;
}

const pct = (s: string) => `${toDecimalString(div(parseDecimal(s), parseDecimal('0.01')), 2, true)}%`;

/** The band a score came from, e.g. "≥30%" or "25%（含）–30%". */
export function bandLabel(bands: readonly Band[], points: number | null): string {
  if (points === null) return '不适用';
  const i = bands.findIndex((b) => b.points === points);
  if (i < 0) return `<${pct(bands.at(-1)!.atLeast)}`;
  return i === 0 ? `≥${pct(bands[0]!.atLeast)}` : `${pct(bands[i]!.atLeast)}（含）–${pct(bands[i - 1]!.atLeast)}`;
}

/** The 科技成果 band: any Ⅰ类 item, else the count of Ⅱ类 items it reached (e.g. "Ⅱ类 ≥4 项"). */
export function ipBandLabel(bands: readonly { atLeast: number; points: number }[], class1: number, points: number): string {
  if (class1 > 0) return '拥有Ⅰ类知识产权';
  const band = bands.find((b) => b.points === points);
  if (!band) return '无有效知识产权';
  return band === bands[0] ? `Ⅱ类 ≥${band.atLeast} 项` : `Ⅱ类 ${band.atLeast} 项`;
}

/** The 研发投入 band of whichever ratio scored higher (the firm's best choice, as the server scores it). */
export function rdBandLabel(scoring: Scoring, scores: { rdBySales: number | null; rdByCost: number | null }): string {
  const bySales = scores.rdBySales !== null && scores.rdBySales >= (scores.rdByCost ?? -1);
  return bySales
    ? `占销售收入 ${bandLabel(scoring.rdBySalesBands, scores.rdBySales)}`
    : `占成本费用 ${bandLabel(scoring.rdByCostBands, scores.rdByCost)}`;
}

type LeverKey = 'techStaff' | 'rdExpense' | 'ipClass1' | 'ipClass2';
const LEVER_TEXT: Record<LeverKey, (add: string) => string> = {
  techStaff: (n) => `再增加 ${n} 名科技人员（全年季平均）`,
  rdExpense: (n) => `再增加 ${grouped(n)} 万元自主研发投入`,
  ipClass1: (n) => `再取得 ${n} 项Ⅰ类知识产权（如发明专利）`,
  ipClass2: (n) => `再取得 ${n} 项Ⅱ类知识产权（如实用新型、软件著作权）`,
};

/** One gap lever (contracts.md §2a) as the change the owner would make. */
export const leverText = (l: { lever: string; add: string }): string =>
  LEVER_TEXT[l.lever as LeverKey]?.(l.add) ?? `${l.lever}：${l.add}`;
