// The figures the owner confirms after upload. The server's pre-check reconciles statements with the
// typed answers (figures + discrepancies); until it answers, the statements' own readings are listed so
// the owner still sees what was read, where.
import { div, parseDecimal, toDecimalString } from '@domain/exact.ts'
import type { DocumentJob, ReconciledFigure } from '../api'

const STATEMENT_NAMES: Record<string, string> = {
  balance_sheet: '资产负债表',
  income_statement: '利润表',
  rd_deduction: '研发费用加计扣除优惠明细表',
  staff_table: '职工人数统计表',
}

/** Statement lines that are, as printed, a figure of the form. */
const FORM_FIELD_OF: Record<string, { path: string; label: string }> = {
  'balance_sheet.totalAssets': { path: 'finance.totalAssets', label: '资产总额' },
  'balance_sheet.equity': { path: 'finance.netAssets', label: '净资产' },
  'income_statement.operatingRevenue': { path: 'finance.salesRevenue', label: '销售收入' },
  'income_statement.mainBusinessRevenue': { path: 'finance.mainBusinessRevenue', label: '主营业务收入' },
  'income_statement.totalProfit': { path: 'finance.totalProfit', label: '利润总额' },
}

export const statementName = (kind: string) => STATEMENT_NAMES[kind] ?? '报表'

/** 元 with 2 decimals → 万元, exact. */
export function yuanToWan(yuan: string): string {
  return toDecimalString(div(parseDecimal(yuan), parseDecimal('10000')), 6, true)
}

export function figuresFromDocuments(jobs: DocumentJob[], typed: Record<string, string | undefined>): ReconciledFigure[] {
  const out: ReconciledFigure[] = []
  for (const job of jobs) {
    for (const doc of job.result?.documents ?? []) {
      for (const [field, reading] of Object.entries(doc.fields)) {
        const target = FORM_FIELD_OF[`${doc.kind}.${field}`]
        if (!target || out.some((f) => f.path === target.path)) continue
        out.push({
          path: target.path,
          label: target.label,
          extracted: yuanToWan(reading.value),
          typed: typed[target.path] ?? null,
          documentId: job.id,
          file: job.result?.file ?? job.file,
          page: doc.page,
        })
      }
    }
  }
  return out
}

/** Two amounts in 万元 are the same figure when they are equal to the 分 (strings may differ: "3000" vs "3000.00"). */
export function sameAmount(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false
  try {
    const x = parseDecimal(a)
    const y = parseDecimal(b)
    return x.n * y.d === y.n * x.d
  } catch {
    return false
  }
}
