// Figures the form computes while the owner types (全年季平均数, 研发费用总额). The arithmetic and the
// weights are the server's own domain code, imported rather than rewritten, so screen and verdict agree.
import { inForce } from '@domain/rules/dated.ts'
import { RD_ARITHMETIC } from '@domain/rules/national.ts'
import { rdTotal } from '@domain/rdTotal.ts'
import { annualQuarterlyAverage } from '@domain/staff.ts'
import { div, isDecimalString, isZero, toDecimalString } from '@domain/exact.ts'
import type { QuarterDraft, RdProjectDraft } from './draft'
import { QUARTER_KEYS } from './draft'

const COUNT = /^\d+$/

function completeQuarter(q: QuarterDraft) {
  if (!QUARTER_KEYS.every((k) => COUNT.test(q[k] ?? ''))) return null
  return {
    startEmployees: Number(q.startEmployees),
    endEmployees: Number(q.endEmployees),
    startTech: Number(q.startTech),
    endTech: Number(q.endTech),
  }
}

/** 季平均数 of one quarter, or null until all four counts of it are typed. */
export function quarterAverages(q: QuarterDraft): { employees: string; techStaff: string } | null {
  const full = completeQuarter(q)
  if (!full) return null
  const avg = annualQuarterlyAverage([full])
  return { employees: toDecimalString(avg.employees, 2, true), techStaff: toDecimalString(avg.techStaff, 2, true) }
}

export interface AnnualStaff {
  employees: string
  techStaff: string
  /** 科技人员占比 as a percentage with 2 decimals, null when 职工总数 is 0. */
  techShare: string | null
}

/** 全年季平均数 once all four quarters are complete. */
export function annualAverages(quarters: QuarterDraft[]): AnnualStaff | null {
  const full = quarters.map(completeQuarter)
  if (full.length !== 4 || full.some((q) => q === null)) return null
  const avg = annualQuarterlyAverage(full as NonNullable<(typeof full)[number]>[])
  return {
    employees: toDecimalString(avg.employees, 2, true),
    techStaff: toDecimalString(avg.techStaff, 2, true),
    techShare: isZero(avg.employees)
      ? null
      : toDecimalString(div(avg.techStaff, { n: avg.employees.n, d: avg.employees.d * 100n }), 2),
  }
}

export interface RdTotalView {
  total: string
  /** 委托境外 amount left out by the two-thirds cap (万元), "0" when none. */
  foreignExcluded: string
  counted: number
}

/** 研发费用总额 from the projects whose form and amount are filled in, as the official form computes it. */
export function liveRdTotal(projects: RdProjectDraft[], year: number): RdTotalView {
  const usable = projects.filter((p) => p.form && isDecimalString(p.amount) && !p.amount.trim().startsWith('-'))
  const t = rdTotal(
    usable.map((p) => ({ form: p.form!, amount: p.amount.trim() })),
    inForce(RD_ARITHMETIC, year).value,
  )
  return {
    total: toDecimalString(t.total, 2, true),
    foreignExcluded: toDecimalString(t.foreignExcluded, 2, true),
    counted: usable.length,
  }
}

const NAMES = ['第一季度', '第二季度', '第三季度', '第四季度']

/**
 * Checks made while the staff are typed: 科技人员 may not exceed 职工 (an error, as the form refuses it), and a
 * quarter that does not start where the last one ended (a note: staff may have changed in between).
 */
export function staffChecks(quarters: QuarterDraft[]): { errors: Record<string, string>; notes: Record<string, string> } {
  const errors: Record<string, string> = {}
  const notes: Record<string, string> = {}
  const n = (s: string | undefined) => (COUNT.test(s ?? '') ? Number(s) : null)
  quarters.forEach((q, i) => {
    for (const [tech, emp, when] of [['startTech', 'startEmployees', '季初'], ['endTech', 'endEmployees', '季末']] as const) {
      const t = n(q[tech])
      const e = n(q[emp])
      if (t !== null && e !== null && t > e) errors[`${i}.${tech}`] = `科技人员不能多于${when}职工总数（${e} 人）`
    }
    const prev = quarters[i - 1]
    if (!prev) return
    for (const [start, end] of [['startEmployees', 'endEmployees'], ['startTech', 'endTech']] as const) {
      const s = n(q[start])
      const e = n(prev[end])
      if (s !== null && e !== null && s !== e) notes[`${i}.${start}`] = `与${NAMES[i - 1]}季末（${e} 人）不同；如期间人员有变动可保留`
    }
  })
  return { errors, notes }
}
