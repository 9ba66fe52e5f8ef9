// Wording for the result page. Band edges are read from the server's rule data and the wording is the
// server's own (server/domain/wording.ts, shared with the PDF report), so screen and report say the same.
import { inForce } from '@domain/rules/dated.ts'
import { SCORING } from '@domain/rules/national.ts'

export { bandLabel, ipBandLabel, leverText, percent, rdBandLabel } from '@domain/wording.ts'

export const scoringFor = (year: number) => inForce(SCORING, year).value

export const ROUTE_TEXT: Record<string, string> = {
  direct: '直通车',
  score: '打分评价',
}
