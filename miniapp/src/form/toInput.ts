// Turns the typed answers into the contract's AssessmentInput (contracts.md §1). Empty optional figures
// are left out; anything malformed is passed through so the server reports it with its path and message.
import type { AssessmentInputJson } from '@schemas/assessment.ts'
import type { Draft } from './draft'
import { FINANCE_KEYS, IP_KEYS } from './draft'

const trimmed = (s: string | undefined) => (s ?? '').trim()
const count = (s: string | undefined) => (trimmed(s) === '' ? 0 : Number(trimmed(s)))

export function toAssessmentInput(draft: Draft, evaluationYear: number): AssessmentInputJson {
  const finance: Record<string, string> = {}
  for (const key of FINANCE_KEYS) {
    const v = trimmed(draft.finance[key])
    if (v) finance[key] = v
  }
  const ip = Object.fromEntries(IP_KEYS.map((k) => [k, count(draft.ip[k])]))
  const industryCode = trimmed(draft.basic.industryCode)
  return {
    evaluationYear,
    region: draft.region,
    firstTime: draft.firstTime,
    pastViolation: draft.pastViolation,
    basic: {
      registeredInMainland: draft.basic.registeredInMainland as boolean,
      ...(draft.basic.registeredInRegion === undefined ? {} : { registeredInRegion: draft.basic.registeredInRegion }),
      productsAllowed: draft.basic.productsAllowed as boolean,
      creditClean: draft.basic.creditClean as boolean,
      taxCollection: draft.basic.taxCollection as 'audit' | 'assessed',
      ...(industryCode ? { industryCode } : {}),
    },
    directPass: {
      highTechCertificate: draft.directPass.highTechCertificate === true,
      nationalAwardTop3: draft.directPass.nationalAwardTop3 === true,
      provincialRdInstitution: draft.directPass.provincialRdInstitution === true,
      ledStandard: draft.directPass.ledStandard === true,
    },
    rdAuxiliaryAccount: draft.rdAuxiliaryAccount as boolean,
    superDeductionClaimed: draft.superDeductionClaimed,
    finance: finance as AssessmentInputJson['finance'],
    rdProjects: draft.rdProjects.map((p) => ({
      name: p.name.trim(),
      ...(p.code.trim() ? { code: p.code.trim() } : {}),
      form: p.form!,
      status: p.status!,
      amount: trimmed(p.amount),
    })),
    staff: {
      quarters: draft.quarters.map((q) => ({
        startEmployees: count(q.startEmployees),
        endEmployees: count(q.endEmployees),
        startTech: count(q.startTech),
        endTech: count(q.endTech),
      })),
    },
    ip: ip as AssessmentInputJson['ip'],
  }
}
