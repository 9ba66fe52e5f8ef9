// Turns the typed answers into the contracts' inputs: the pre-check's (contracts.md §1 with every fact
// optional: only what is known is sent, so the server says what is still missing) and the assessment's.
// Anything malformed is passed through so the server reports it with its path and message.
import type { AssessmentInputJson } from '@schemas/assessment.ts'
import { isDecimalString } from '@domain/exact.ts'
import type { PrecheckInputJson } from '@server/precheck/schemas.ts'
import type { Draft } from './draft'
import { FINANCE_KEYS, IP_KEYS } from './draft'
import { quartersComplete, rdFromStatement } from './steps'
import { ladderInput } from './ladder'

const trimmed = (s: string | undefined) => (s ?? '').trim()
const count = (s: string | undefined) => (trimmed(s) === '' ? 0 : Number(trimmed(s)))
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

function finance(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of FINANCE_KEYS) {
    const v = trimmed(draft.finance[key])
    if (v) out[key] = v
  }
  return out
}

const quarters = (draft: Draft) =>
  draft.quarters.map((q) => ({
    startEmployees: count(q.startEmployees),
    endEmployees: count(q.endEmployees),
    startTech: count(q.startTech),
    endTech: count(q.endTech),
  }))

/** The staff as the form gives it: the quarters, or the statement's printed averages. */
function staff(draft: Draft) {
  if (quartersComplete(draft)) return { quarters: quarters(draft) }
  if (draft.staffAverages) return { employees: draft.staffAverages.employees, techStaff: draft.staffAverages.techStaff }
  return undefined
}

const projects = (draft: Draft) =>
  draft.rdProjects.map((p) => ({
    name: p.name.trim(),
    ...(p.code.trim() ? { code: p.code.trim() } : {}),
    form: p.form!,
    status: p.status!,
    amount: trimmed(p.amount),
  }))

const ipCounts = (draft: Draft) => Object.fromEntries(IP_KEYS.map((k) => [k, count(draft.ip[k])])) as AssessmentInputJson['ip']

/** What is known so far; the R&D of an A107012 stands in for projects the owner has not listed (the server says so). */
export function toPrecheckInput(draft: Draft, evaluationYear: number): PrecheckInputJson {
  const f = finance(draft)
  const industryCode = trimmed(draft.basic.industryCode)
  const listed =
    !rdFromStatement(draft) &&
    (draft.rdProjects.length > 0 || draft.done.includes('rdProjects')) &&
    draft.rdProjects.every((p) => p.name.trim() && p.form && p.status && isDecimalString(p.amount))
  const ipKnown = draft.done.includes('ip') || Object.values(draft.ip).some((v) => trimmed(v) !== '')
  const s = staff(draft)
  return defined({
    evaluationYear,
    region: draft.region,
    firstTime: draft.firstTime,
    pastViolation: draft.pastViolation,
    basic: defined({ ...draft.basic, industryCode: industryCode || undefined }),
    directPass: defined({ ...draft.directPass }),
    rdAuxiliaryAccount: draft.rdAuxiliaryAccount,
    superDeductionClaimed: draft.superDeductionClaimed,
    finance: Object.keys(f).length ? (f as PrecheckInputJson['finance']) : undefined,
    staff: s,
    rdProjects: listed ? projects(draft) : undefined,
    ip: ipKnown ? ipCounts(draft) : undefined,
    ladder: ladderInput(draft.ladder),
  })
}

/** The complete form (contracts.md §1), once every step is answered. */
export function toAssessmentInput(draft: Draft, evaluationYear: number): AssessmentInputJson {
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
    finance: finance(draft) as AssessmentInputJson['finance'],
    rdProjects: rdFromStatement(draft)
      ? [{ name: '研发费用（按A107012年度研发费用小计）', form: 'self', status: 'completed', amount: draft.rdStatement!.value }]
      : projects(draft),
    staff: staff(draft) ?? { quarters: quarters(draft) },
    ip: ipCounts(draft),
  }
}
