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

export interface RdProjectDraft {
  name: string
  code: string
  form?: RdForm
  status?: 'ongoing' | 'completed'
  amount: string
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
  /** Documents uploaded for this check (server ids), kept so the pre-check can reconcile them. */
  documentIds: string[]
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
    documentIds: [],
  }
}

export const emptyProject = (): RdProjectDraft => ({ name: '', code: '', form: 'self', status: 'completed', amount: '' })
