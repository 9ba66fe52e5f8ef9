// The owner's unfinished answers, as typed: strings while editing, turned into the contract's
// AssessmentInput only when sent (form/toInput.ts).
import type { RdForm } from '@schemas/assessment.ts'

export type YesNo = boolean | undefined

export const FINANCE_KEYS = [
  'totalAssets',
  'netAssets',
  'salesRevenue',
  'mainBusinessRevenue',
  'totalProfit',
  'totalTax',
  'totalCost',
] as const
export type FinanceKey = (typeof FINANCE_KEYS)[number]

export const QUARTER_KEYS = ['startEmployees', 'endEmployees', 'startTech', 'endTech'] as const
export type QuarterKey = (typeof QUARTER_KEYS)[number]
export type QuarterDraft = Partial<Record<QuarterKey, string>>

export const IP_KEYS = [
  'invention',
  'plantVariety',
  'cropVariety',
  'newDrug',
  'tcmProtected',
  'icLayout',
  'utilityModel',
  'design',
  'software',
] as const
export type IpKey = (typeof IP_KEYS)[number]

/** An answer filled from a statement: the exact value it gave and where, so the form can say 来自报表. */
export interface Filled {
  /** Exact, as the answer holds it (万元 with up to 6 decimals, or a headcount). */
  value: string
  /** Where it was read, in the owner's words: "2025年报表.pdf 第 1 页 资产负债表「资产总计」". */
  source: string
  /** The statement's own figure as printed, when it differs in unit (e.g. "2,062,269.78 元"). */
  printed?: string
}

export interface RdProjectDraft {
  name: string
  code: string
  form?: RdForm
  status?: 'ongoing' | 'completed'
  amount: string
}

/** The ladder's own answers (contracts.md §5), all optional: blank is "not answered". */
export interface LadderDraft {
  prevMainRevenue?: string
  prevRevenue?: string
  prevRd?: string
  totalLiabilities?: string
  ipClass1HighValue?: string
  ipClass1SelfDeveloped?: string
  leadingProductStrategic?: YesNo
  provincialAward?: YesNo
  hnteOrDemo?: YesNo
  provincialLab?: YesNo
  equity500?: YesNo
  nicheYears?: string
  marketShareLeading?: YesNo
  chainKeyLink?: YesNo
  titleInnovative?: YesNo
  titleSpecialized?: YesNo
}

export interface Draft {
  region: string
  firstTime: YesNo
  pastViolation: YesNo
  basic: {
    registeredInMainland: YesNo
    registeredInRegion: YesNo
    productsAllowed: YesNo
    creditClean: YesNo
    taxCollection?: 'audit' | 'assessed'
    industryCode: string
  }
  directPass: {
    highTechCertificate: YesNo
    nationalAwardTop3: YesNo
    provincialRdInstitution: YesNo
    ledStandard: YesNo
  }
  rdAuxiliaryAccount: YesNo
  superDeductionClaimed: YesNo
  finance: Partial<Record<FinanceKey, string>>
  quarters: QuarterDraft[]
  rdProjects: RdProjectDraft[]
  ip: Partial<Record<IpKey, string>>
  /** Steps the owner finished with 下一步 (steps with nothing required count only then). */
  done: string[]
  /** Answers filled from statements, by answer path (finance.totalAssets, staff.quarters, …). */
  filled: Record<string, Filled>
  /** A 职工人数统计表 that prints only the 全年季平均数: used instead of the quarters. */
  staffAverages?: { employees: string; techStaff: string }
  /** A107012's 年度研发费用小计 (万元), standing in for the project list until the owner lists them. */
  rdStatement?: Filled & { projects?: number }
  /** How many uploaded files were read (the 核对 step is walked through once one was). */
  documentsRead?: number
  /** 'statement': score on the A107012 subtotal; 'projects': the owner lists the projects. */
  rdMode?: 'statement' | 'projects'
  /** The 更高一级 page's answers (创新型 / 专精特新 / 小巨人). */
  ladder?: LadderDraft
}

export function emptyDraft(region = 'national'): Draft {
  return {
    region,
    firstTime: undefined,
    pastViolation: undefined,
    basic: {
      registeredInMainland: undefined,
      registeredInRegion: undefined,
      productsAllowed: undefined,
      creditClean: undefined,
      taxCollection: undefined,
      industryCode: '',
    },
    directPass: {
      highTechCertificate: undefined,
      nationalAwardTop3: undefined,
      provincialRdInstitution: undefined,
      ledStandard: undefined,
    },
    rdAuxiliaryAccount: undefined,
    superDeductionClaimed: undefined,
    finance: {},
    quarters: [{}, {}, {}, {}],
    rdProjects: [],
    ip: {},
    done: [],
    filled: {},
  }
}

export const emptyProject = (): RdProjectDraft => ({ name: '', code: '', form: 'self', status: 'completed', amount: '' })
