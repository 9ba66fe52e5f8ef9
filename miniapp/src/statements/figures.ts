// What the statements say, as the form needs it: the pre-check's reconciled figures (statement, page and line,
// or the lines a figure is computed from) turned into answers, the staff and R&D figures read from the staff
// table and A107012, and — for every statement read only partly — the form figures still missing, so each
// gets a field. Filling never overwrites what the owner typed; nothing is compared or decided here.
import { toDecimalString } from '@domain/exact.ts'
import { grouped, wanText, yuanToWan } from '@domain/wording.ts'
import type { DocumentJob, Figure, Origin, PrecheckResult, StatementResult } from '../api'
import type { Draft, FinanceKey, QuarterDraft } from '../form/draft'

export const STATEMENT_NAMES: Record<StatementResult['kind'], string> = {
  balance_sheet: '资产负债表',
  income_statement: '利润表',
  rd_deduction: 'A107012 研发费用加计扣除优惠明细表',
  staff_table: '职工人数统计表',
}

/** The form's 财务 figures a statement speaks to (the pre-check's figure keys are the form's names). */
const FINANCE_FROM_FIGURE: Partial<Record<Figure['key'], FinanceKey>> = {
  totalAssets: 'totalAssets',
  netAssets: 'netAssets',
  salesRevenue: 'salesRevenue',
  mainBusinessRevenue: 'mainBusinessRevenue',
  totalProfit: 'totalProfit',
  totalCost: 'totalCost',
}

export const FINANCE_LABELS: Record<FinanceKey, string> = {
  totalAssets: '资产总额',
  netAssets: '净资产',
  salesRevenue: '销售收入',
  mainBusinessRevenue: '主营业务收入',
  totalProfit: '利润总额',
  totalTax: '纳税总额',
  totalCost: '成本费用支出总额',
}

/** A figure read for the form, as the 核对 step shows it. */
export interface ReadFigure {
  path: string
  label: string
  /** Exact 万元 (or people). */
  value: string
  shown: string
  source: string
  /** The statement's own amount in its own unit (the exact value underneath). */
  printed?: string
  /** Computed from several lines (the formula is in `source`). */
  derived?: boolean
  /** The pre-check's note when the statement leaves the figure open to two readings. */
  note?: string
}

/** A form figure a statement should have given but did not. */
export interface MissingFigure {
  path: string
  label: string
  /** Why it is asked: "资产负债表（第 1 页）未读到「资产总计」". */
  reason: string
}

const UNIT_FACTOR: Record<string, bigint> = { 元: 10000n, 千元: 10n, 万元: 1n }

function where(o: Extract<Origin, { kind: 'document' }>): string {
  return `${o.file} 第 ${o.page} 页 ${STATEMENT_NAMES[o.statement]}${o.line ? `「${o.line}」` : ''}`
}

/** The amount as the statement printed it (its unit), from the exact 万元. */
function printed(wan: string, unit: string): string | undefined {
  const f = UNIT_FACTOR[unit]
  if (!f || unit === '万元') return undefined
  const [int, frac = ''] = wan.replace('-', '').split('.')
  const scaled = (BigInt(int!) * 1_000_000n + BigInt(frac.padEnd(6, '0').slice(0, 6))) * f
  const value = toDecimalString({ n: wan.startsWith('-') ? -scaled : scaled, d: 1_000_000n }, 2)
  return `${grouped(value)} ${unit}`
}

/** The pre-check's figures that come from statements and are answers of the form. */
export function readFigures(p: PrecheckResult): ReadFigure[] {
  return p.figures.flatMap((f): ReadFigure[] => {
    const key = FINANCE_FROM_FIGURE[f.key]
    if (!key) return []
    const o = f.origin
    if (o.kind === 'document')
      return [{ path: `finance.${key}`, label: FINANCE_LABELS[key], value: f.value, shown: wanText(f.value), source: where(o), printed: printed(f.value, o.unit), note: f.ambiguity?.message }]
    if (o.kind === 'derived' && o.from.length && o.from.every((x) => x.kind === 'document')) {
      const first = o.from[0] as Extract<Origin, { kind: 'document' }>
      const formula = o.formula.replace(/^[^=]*=\s*/, '')
      return [
        {
          path: `finance.${key}`,
          label: FINANCE_LABELS[key],
          value: f.value,
          shown: wanText(f.value),
          source: `${first.file} 第 ${first.page} 页 ${STATEMENT_NAMES[first.statement]}：${formula}`,
          printed: printed(f.value, first.unit),
          derived: true,
          note: f.ambiguity?.message,
        },
      ]
    }
    return []
  })
}

/** What each kind of statement gives the form, and the printed line it comes from. */
const EXPECTED: Record<StatementResult['kind'], { path: string; label: string; line: string; has: (st: StatementResult) => boolean }[]> = {
  balance_sheet: [{ path: 'finance.totalAssets', label: '资产总额', line: '资产总计', has: (st) => !!st.fields.totalAssets }],
  income_statement: [
    { path: 'finance.salesRevenue', label: '销售收入', line: '营业收入', has: (st) => !!(st.fields.operatingRevenue ?? st.fields.mainBusinessRevenue) },
    { path: 'finance.totalCost', label: '成本费用支出总额', line: '营业成本', has: (st) => !!st.fields.operatingCost },
  ],
  rd_deduction: [{ path: 'rd.statement', label: '年度研发费用小计', line: '年度研发费用小计', has: (st) => !!st.fields.rdSubtotal }],
  staff_table: [
    { path: 'staff.averages', label: '职工总数和科技人员数', line: '职工总数', has: (st) => !!st.quarters || (!!st.fields.employees && !!st.fields.techStaff) },
  ],
}

/** Lines whose amount a statement did not give: expected lines absent and the lines the extraction reports missing. */
export function missingFigures(jobs: DocumentJob[], draft?: Draft): MissingFigure[] {
  const statements = jobs.flatMap((j) => (j.status === 'done' ? (j.result?.documents ?? []).map((st) => ({ st, file: j.result?.file ?? j.fileName ?? '' })) : []))
  const out: MissingFigure[] = []
  for (const { st, file } of statements) {
    const at = `${file} 第 ${st.page} 页 ${STATEMENT_NAMES[st.kind]}`
    for (const e of EXPECTED[st.kind]) {
      const elsewhere = statements.some((o) => o.st.kind === st.kind && e.has(o.st))
      if (e.has(st) || elsewhere || out.some((m) => m.path === e.path)) continue
      out.push({ path: e.path, label: e.label, reason: `${at}未读到「${e.line}」` })
    }
    for (const m of st.missing ?? []) {
      const path = m.field === 'totalAssets' ? 'finance.totalAssets' : m.field === 'operatingRevenue' ? 'finance.salesRevenue' : st.kind === 'income_statement' ? 'finance.totalCost' : `line.${st.kind}.${m.field}`
      const existing = out.find((x) => x.path === path)
      if (existing) existing.reason += `、「${m.label}」`
      else out.push({ path, label: path === 'finance.totalCost' ? '成本费用支出总额' : path.startsWith('finance.') ? FINANCE_LABELS[path.slice(8) as FinanceKey] : m.label, reason: `${at}未读到「${m.label}」` })
    }
  }
  // A figure the owner has typed since is no longer missing; a staff count typed by quarter neither.
  return out.filter((m) => {
    if (!draft) return true
    if (m.path.startsWith('finance.')) return !draft.finance[m.path.slice(8) as FinanceKey]?.trim()
    if (m.path === 'rd.statement') return draft.rdMode !== 'projects'
    return true
  })
}

const sourceOf = (file: string, st: StatementResult, line?: string) => `${file} 第 ${st.page} 页 ${STATEMENT_NAMES[st.kind]}${line ? `「${line}」` : ''}`

/**
 * The draft with every figure the statements gave filled in: an answer is written only when it is empty or
 * still holds what a statement filled before (an owner's own figure is never overwritten).
 */
export function fillFromStatements(draft: Draft, p: PrecheckResult | null, jobs: DocumentJob[]): Draft {
  const filled = { ...draft.filled }
  const finance = { ...draft.finance }
  const untouched = (path: string, current: string | undefined) => !current?.trim() || current === filled[path]?.value
  for (const f of p ? readFigures(p) : []) {
    const key = f.path.slice(8) as FinanceKey
    if (!untouched(f.path, finance[key])) continue
    finance[key] = f.value
    filled[f.path] = { value: f.value, source: f.source, ...(f.printed ? { printed: f.printed } : {}) }
  }
  let next: Draft = { ...draft, finance, filled }
  for (const job of jobs) {
    if (job.status !== 'done') continue
    const file = job.result?.file ?? job.fileName ?? ''
    for (const st of job.result?.documents ?? []) {
      if (st.kind === 'staff_table') next = fillStaff(next, st, file)
      if (st.kind === 'rd_deduction' && st.fields.rdSubtotal && !next.rdStatement) {
        const value = toDecimalString(yuanToWan(st.fields.rdSubtotal.value), 6, true)
        const projects = st.fields.projectCount ? Number(st.fields.projectCount.value) : undefined
        next = {
          ...next,
          rdStatement: { value, source: sourceOf(file, st, '年度研发费用小计'), printed: `${grouped(st.fields.rdSubtotal.value)} 元`, ...(projects ? { projects } : {}) },
          // The owner's own project list wins; otherwise the A107012 subtotal scores until projects are listed.
          rdMode: next.rdMode ?? (next.rdProjects.length ? 'projects' : 'statement'),
        }
      }
    }
  }
  return next
}

function fillStaff(d: Draft, st: StatementResult, file: string): Draft {
  const typed = d.quarters.some((q) => Object.values(q).some((v) => v?.trim())) && !d.filled['staff.quarters']
  if (typed) return d
  if (st.quarters) {
    const quarters: QuarterDraft[] = st.quarters.map((q) => ({
      startEmployees: String(q.startEmployees),
      endEmployees: String(q.endEmployees),
      startTech: String(q.startTech),
      endTech: String(q.endTech),
    }))
    return { ...d, quarters, staffAverages: undefined, filled: { ...d.filled, 'staff.quarters': { value: JSON.stringify(st.quarters), source: sourceOf(file, st) } } }
  }
  if (st.fields.employees && st.fields.techStaff && !d.staffAverages)
    return {
      ...d,
      staffAverages: { employees: st.fields.employees.value, techStaff: st.fields.techStaff.value },
      filled: { ...d.filled, 'staff.averages': { value: `${st.fields.employees.value}/${st.fields.techStaff.value}`, source: sourceOf(file, st, '全年季平均数') } },
    }
  return d
}

/** "资产负债表（第 1 页）、利润表（第 2 页）" for one uploaded file. */
export function statementsIn(job: DocumentJob): string {
  return (job.result?.documents ?? []).map((st) => `${STATEMENT_NAMES[st.kind]}（第 ${st.page} 页）`).join('、')
}

/** How many of the form's figures a file gave (for its row: "读到 5 项"). */
export const fieldsRead = (job: DocumentJob) => (job.result?.documents ?? []).reduce((n, st) => n + Object.keys(st.fields).length, 0)
