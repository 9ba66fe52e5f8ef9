// What the 更高一级 page says about a state, a missing answer and a ladder figure. Display only: every verdict
// and number comes from the server's result (contracts.md §5).
import { MISSING_LABEL, STATE } from '@domain/ladder/report.ts'

export const STATE_TEXT = STATE

/** The server's labels, with where to answer a figure the form itself asks for. */
const MISSING_TEXT: Record<string, string> = { ...MISSING_LABEL, 'finance.mainBusinessRevenue': '主营业务收入（在“财务数据”中填写）' }
export const missingText = (path: string) => MISSING_TEXT[path] ?? path

export const verdictText = (q: boolean | null, open: 'answers' | 'platform') =>
  q === true ? '符合' : q === false ? '不符合' : open === 'platform' ? '由平台评价' : '待补充信息'
