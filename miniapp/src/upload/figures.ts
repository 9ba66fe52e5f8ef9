// The figures the owner confirms after upload, as the pre-check reconciled them: each form figure the
// statements speak to, with the statement's file and page and the value the owner typed. Until the
// pre-check answers, the statements' own readings are listed so the owner still sees what was read, where.
import { div, parseDecimal, toDecimalString } from '@domain/exact.ts'
import type { DocumentJob, Origin, PrecheckResult, ReconciledFigure } from '../api'
import { FINANCE_KEYS } from '../form/draft'

/** 元 with 2 decimals → 万元, exact. */
export function yuanToWan(yuan: string): string {
  return toDecimalString(div(parseDecimal(yuan), parseDecimal('10000')), 6, true)
}

/** The statement a figure was read from (directly, or the first one a derived figure used). */
function documentOf(origin: Origin): Extract<Origin, { kind: 'document' }> | null {
  if (origin.kind === 'document') return origin
  if (origin.kind === 'derived') for (const o of origin.from) if (o.kind === 'document') return o
  return null
}

/** Form figures (finance.*) the statements gave a value for, ready to be accepted or corrected. */
export function figuresFromPrecheck(p: PrecheckResult): ReconciledFigure[] {
  return p.figures.flatMap((f): ReconciledFigure[] => {
    const doc = documentOf(f.origin)
    if (!doc || !(FINANCE_KEYS as readonly string[]).includes(f.key)) return []
    const declared = f.alternatives.find((a) => a.origin.kind === 'declared')
    const discrepancy = p.discrepancies.find((d) => d.figure === f.key)
    return [
      {
        path: `finance.${f.key}`,
        label: f.label,
        extracted: f.value,
        typed: declared?.value ?? null,
        file: doc.file,
        page: doc.page,
        discrepancy: !!discrepancy,
        message: discrepancy?.message ?? f.ambiguity?.message,
      },
    ]
  })
}

/** Statement lines that are, as printed, a figure of the form. */
const FORM_FIELD_OF: Record<string, { path: string; label: string }> = {
  'balance_sheet.totalAssets': { path: 'finance.totalAssets', label: '资产总额' },
  'balance_sheet.equity': { path: 'finance.netAssets', label: '净资产' },
  'income_statement.operatingRevenue': { path: 'finance.salesRevenue', label: '销售收入' },
  'income_statement.mainBusinessRevenue': { path: 'finance.mainBusinessRevenue', label: '主营业务收入' },
  'income_statement.totalProfit': { path: 'finance.totalProfit', label: '利润总额' },
}

/** The statements' readings without reconciliation (no comparison is made: that is the server's job). */
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
          file: job.result?.file ?? job.fileName,
          page: doc.page,
        })
      }
    }
  }
  return out
}
