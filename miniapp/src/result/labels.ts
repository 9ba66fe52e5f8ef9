// Wording for the result page. Band edges are read from the server's rule data (shared), so the
// ranges shown are the ones the score was decided with.
import { inForce } from '@domain/rules/dated.ts'
import { SCORING, type Band, type Scoring } from '@domain/rules/national.ts'
import { div, parseDecimal, toDecimalString } from '@domain/exact.ts'
import type { Gaps } from '../api'

/** "0.2812" → "28.12%"; null stays "—" (a zero denominator). */
export function percent(ratio: string | null | undefined): string {
  if (ratio == null) return '—'
  return `${toDecimalString(div(parseDecimal(ratio), parseDecimal('0.01')), 2, true)}%`
}

const pct = (s: string) => `${toDecimalString(div(parseDecimal(s), parseDecimal('0.01')), 2, true)}%`

/** The band a score came from, e.g. "≥30%" or "25%（含）–30%". */
export function bandLabel(bands: readonly Band[], points: number | null): string {
  if (points === null) return '不适用'
  const i = bands.findIndex((b) => b.points === points)
  if (i < 0) return `<${pct(bands.at(-1)!.atLeast)}`
  return i === 0 ? `≥${pct(bands[0]!.atLeast)}` : `${pct(bands[i]!.atLeast)}（含）–${pct(bands[i - 1]!.atLeast)}`
}

/** The 科技成果 band: any Ⅰ类 item, else the count of Ⅱ类 items it reached (e.g. "Ⅱ类 ≥4 项"). */
export function ipBandLabel(bands: readonly { atLeast: number; points: number }[], class1: number, points: number): string {
  if (class1 > 0) return '拥有Ⅰ类知识产权'
  const band = bands.find((b) => b.points === points)
  if (!band) return '无有效知识产权'
  return band === bands[0] ? `Ⅱ类 ≥${band.atLeast} 项` : `Ⅱ类 ${band.atLeast} 项`
}

/** The 研发投入 band of whichever ratio scored higher (the firm's best choice, as the server scores it). */
export function rdBandLabel(scoring: Scoring, scores: { rdBySales: number | null; rdByCost: number | null }): string {
  const bySales = scores.rdBySales !== null && scores.rdBySales >= (scores.rdByCost ?? -1)
  return bySales
    ? `占销售收入 ${bandLabel(scoring.rdBySalesBands, scores.rdBySales)}`
    : `占成本费用 ${bandLabel(scoring.rdByCostBands, scores.rdByCost)}`
}

export const scoringFor = (year: number) => inForce(SCORING, year).value

const LEVER_TEXT: Record<Gaps['levers'][number]['lever'], (add: string) => string> = {
  techStaff: (n) => `再增加 ${n} 名科技人员（全年季平均）`,
  rdExpense: (n) => `再增加 ${n} 万元自主研发投入`,
  ipClass1: (n) => `再取得 ${n} 项Ⅰ类知识产权（如发明专利）`,
  ipClass2: (n) => `再取得 ${n} 项Ⅱ类知识产权（如实用新型、软件著作权）`,
}

export const leverText = (l: Gaps['levers'][number]) => LEVER_TEXT[l.lever]?.(l.add) ?? `${l.lever}：${l.add}`

export const ROUTE_TEXT: Record<string, string> = {
  direct: '直通车',
  score: '打分评价',
}
