// The journey in the official form's order, statements first: the yes/no conditions, then the statements
// (uploaded, then checked), then only the questions the statements did not answer. A step the statements
// answered in full is not walked through again (it stays editable on the 核对 step and through the dots).
// Completeness is about answers being present; whether they qualify is for the server to say.
import { isDecimalString } from '@domain/exact.ts'
import type { Draft } from './draft'
import { QUARTER_KEYS } from './draft'

export type StepId = 'basic' | 'direct' | 'rdAccount' | 'statements' | 'review' | 'finance' | 'staff' | 'rdProjects' | 'ip'

export interface Step {
  id: StepId
  title: string
  /** One line under the title: what the official form calls it and why it is asked. */
  hint: string
}

export const STEPS: Step[] = [
  { id: 'basic', title: '基本准入条件', hint: '对应评价信息表“基本条件”，任一项不符合即不能入库' },
  { id: 'direct', title: '直通车条件', hint: '满足任意一项且符合基本条件，可不经打分直接入库' },
  { id: 'rdAccount', title: '研发费用管理', hint: '研发支出辅助账与研发费用加计扣除' },
  { id: 'statements', title: '上传报表', hint: '读到的数字会自动填好，后面只问报表里没有的' },
  { id: 'review', title: '核对报表数字', hint: '数字已按报表填入，可逐项修改；需要处理的问题列在最前' },
  { id: 'finance', title: '上一年度财务数据', hint: '按上一会计年度报表填写，单位：万元' },
  { id: 'staff', title: '职工和科技人员', hint: '按季度填写季初、季末人数，系统自动计算全年季平均数' },
  { id: 'rdProjects', title: '研发项目', hint: '逐项填写，研发费用总额按表单口径自动汇总' },
  { id: 'ip', title: '知识产权', hint: '有效期内、与主要产品相关且无争议的知识产权数量' },
]

const isAmount = (s: string | undefined) => !!s && isDecimalString(s)
const isCount = (s: string | undefined) => !!s && /^\d+$/.test(s.trim())

export const REQUIRED_FINANCE = ['totalAssets', 'salesRevenue', 'totalCost'] as const
const FINANCE_LABELS: Record<(typeof REQUIRED_FINANCE)[number], string> = {
  totalAssets: '资产总额',
  salesRevenue: '销售收入',
  totalCost: '成本费用支出总额',
}

export const quartersComplete = (d: Draft) => d.quarters.length === 4 && d.quarters.every((q) => QUARTER_KEYS.every((k) => isCount(q[k])))
/** The statements gave the staff figures: all four quarters, or the printed 全年季平均数. */
export const staffFromStatement = (d: Draft) => (!!d.filled['staff.quarters'] && quartersComplete(d)) || (!!d.staffAverages && !quartersComplete(d))
export const rdFromStatement = (d: Draft) => d.rdMode === 'statement' && !!d.rdStatement

/** Labels of the answers a step still needs, empty when the step is complete. */
export function missingInStep(draft: Draft, id: StepId, needsRegionRegistration = false): string[] {
  const missing: string[] = []
  const need = (ok: boolean, label: string) => {
    if (!ok) missing.push(label)
  }
  switch (id) {
    case 'basic': {
      const b = draft.basic
      need(b.registeredInMainland !== undefined, '是否在境内注册的居民企业')
      if (needsRegionRegistration) need(b.registeredInRegion !== undefined, '是否在本地区注册')
      need(b.productsAllowed !== undefined, '产品和服务是否不属于禁止、限制和淘汰类')
      need(b.creditClean !== undefined, '是否无重大事故和失信行为')
      need(b.taxCollection !== undefined, '企业所得税征收方式')
      need(draft.firstTime !== undefined, '是否首次参加评价')
      need(draft.pastViolation !== undefined, '近三年是否有严重违法或被撤销编号')
      break
    }
    case 'direct':
      for (const [key, label] of [
        ['highTechCertificate', '高新技术企业证书'],
        ['nationalAwardTop3', '国家级科技奖励'],
        ['provincialRdInstitution', '省部级以上研发机构'],
        ['ledStandard', '主导制定标准'],
      ] as const)
        need(draft.directPass[key] !== undefined, label)
      break
    case 'rdAccount':
      need(draft.rdAuxiliaryAccount !== undefined, '是否设置研发支出辅助账')
      need(draft.superDeductionClaimed !== undefined, '是否享受研发费用加计扣除')
      break
    case 'finance':
      for (const k of REQUIRED_FINANCE) need(isAmount(draft.finance[k]), FINANCE_LABELS[k])
      break
    case 'staff':
      if (draft.staffAverages && !quartersComplete(draft)) break
      draft.quarters.forEach((q, i) => {
        if (!QUARTER_KEYS.every((k) => isCount(q[k]))) missing.push(`第${i + 1}季度人数`)
      })
      break
    case 'rdProjects':
      if (rdFromStatement(draft)) break
      draft.rdProjects.forEach((p, i) => {
        if (!p.name.trim() || !p.form || !p.status || !isAmount(p.amount)) missing.push(`第${i + 1}个研发项目`)
      })
      break
    case 'statements':
    case 'review':
    case 'ip':
      // Statements are optional; every IP kind defaults to 0 (an empty box means "none").
      break
  }
  return missing
}

/** Steps that are complete as soon as their answers are there; the others need the owner's 下一步. */
const ANSWERED_BY_VALUES: StepId[] = ['basic', 'direct', 'rdAccount', 'finance', 'staff']

export function isStepDone(draft: Draft, id: StepId, local = false): boolean {
  return missingInStep(draft, id, local).length === 0 && (draft.done.includes(id) || ANSWERED_BY_VALUES.includes(id))
}

/** Statements were read and, with what the owner typed on the 核对 step, every required 财务 figure is there. */
const financeAnswered = (d: Draft) =>
  (d.documentsRead ?? 0) > 0 && REQUIRED_FINANCE.some((k) => d.filled[`finance.${k}`]) && missingInStep(d, 'finance').length === 0

/**
 * The steps the owner walks through now: 核对 once a statement was read, and the questions only where the
 * statements left something to answer (the owner can still open a skipped step from the 核对 step).
 */
export function visibleSteps(draft: Draft): Step[] {
  return STEPS.filter((s) => {
    if (s.id === 'review') return (draft.documentsRead ?? 0) > 0
    if (s.id === 'finance') return !financeAnswered(draft)
    if (s.id === 'staff') return !staffFromStatement(draft)
    if (s.id === 'rdProjects') return !rdFromStatement(draft)
    return true
  })
}

/** Where a returning owner should pick up: the first step not done (or the last one). */
export function resumeStep(draft: Draft, local = false): StepId {
  const steps = visibleSteps(draft)
  return (steps.find((s) => !isStepDone(draft, s.id, local)) ?? steps.at(-1)!).id
}

/** How far the check is: done steps of the ones the owner walks through. */
export function progressOf(draft: Draft, local = false): { done: number; total: number } {
  const steps = visibleSteps(draft)
  return { done: steps.filter((s) => isStepDone(draft, s.id, local)).length, total: steps.length }
}

/** The step that holds an input path reported by the server ("finance.salesRevenue" → finance). */
export function stepOfPath(path: string): StepId {
  const head = path.split(/[.[]/)[0] ?? ''
  const byHead: Record<string, StepId> = {
    region: 'basic',
    firstTime: 'basic',
    pastViolation: 'basic',
    basic: 'basic',
    directPass: 'direct',
    rdAuxiliaryAccount: 'rdAccount',
    superDeductionClaimed: 'rdAccount',
    finance: 'finance',
    staff: 'staff',
    rdProjects: 'rdProjects',
    ip: 'ip',
    documents: 'statements',
  }
  return byHead[head] ?? 'basic'
}

/** A 直通车 answer of 是 means the score decides nothing; the figures are still needed for the size check. */
export const hasDirectPass = (draft: Draft) => Object.values(draft.directPass).some((v) => v === true)
