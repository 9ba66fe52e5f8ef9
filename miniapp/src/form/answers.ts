// The unfinished answers as the server keeps them (PUT /api/v1/checks/current: the assessment input with
// every field optional), and back. Only what is typed and well-formed is sent, so a half-typed amount
// never makes the save fail; the device keeps the rest.
import { isDecimalString } from '@domain/exact.ts'
import type { Draft, QuarterDraft, RdProjectDraft } from './draft'
import { FINANCE_KEYS, IP_KEYS, QUARTER_KEYS, emptyDraft } from './draft'

type Json = Record<string, unknown>

const amountOrUndefined = (s: string | undefined) => (s && isDecimalString(s) ? s.trim() : undefined)
const countOrUndefined = (s: string | undefined) => (s && /^\d+$/.test(s.trim()) ? Number(s) : undefined)
const pick = <K extends string>(keys: readonly K[], get: (k: K) => unknown): Json =>
  Object.fromEntries(keys.map((k) => [k, get(k)]).filter(([, v]) => v !== undefined && v !== ''))

export function toSavedAnswers(d: Draft): Json {
  return {
    region: d.region,
    firstTime: d.firstTime,
    pastViolation: d.pastViolation,
    basic: { ...d.basic, industryCode: d.basic.industryCode.trim() || undefined },
    directPass: d.directPass,
    rdAuxiliaryAccount: d.rdAuxiliaryAccount,
    superDeductionClaimed: d.superDeductionClaimed,
    finance: pick(FINANCE_KEYS, (k) => amountOrUndefined(d.finance[k])),
    staff: { quarters: d.quarters.map((q) => pick(QUARTER_KEYS, (k) => countOrUndefined(q[k]))) },
    rdProjects: d.rdProjects.map((p) => ({
      name: p.name.trim() || undefined,
      code: p.code.trim() || undefined,
      form: p.form,
      status: p.status,
      amount: amountOrUndefined(p.amount),
    })),
    ip: pick(IP_KEYS, (k) => countOrUndefined(d.ip[k])),
  }
}

const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined)
const text = (v: unknown) => (v === undefined || v === null ? undefined : String(v))
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {})

/** A draft from the server's saved answers; what the device alone knows (uploads, confirmations) starts empty. */
export function fromSavedAnswers(a: Json): Draft {
  const base = emptyDraft(typeof a.region === 'string' ? a.region : undefined)
  const basic = obj(a.basic)
  const direct = obj(a.directPass)
  const quarters = Array.isArray(obj(a.staff).quarters) ? (obj(a.staff).quarters as unknown[]) : []
  return {
    ...base,
    firstTime: bool(a.firstTime),
    pastViolation: bool(a.pastViolation),
    basic: {
      registeredInMainland: bool(basic.registeredInMainland),
      registeredInRegion: bool(basic.registeredInRegion),
      productsAllowed: bool(basic.productsAllowed),
      creditClean: bool(basic.creditClean),
      taxCollection: basic.taxCollection === 'audit' || basic.taxCollection === 'assessed' ? basic.taxCollection : undefined,
      industryCode: text(basic.industryCode) ?? '',
    },
    directPass: {
      highTechCertificate: bool(direct.highTechCertificate),
      nationalAwardTop3: bool(direct.nationalAwardTop3),
      provincialRdInstitution: bool(direct.provincialRdInstitution),
      ledStandard: bool(direct.ledStandard),
    },
    rdAuxiliaryAccount: bool(a.rdAuxiliaryAccount),
    superDeductionClaimed: bool(a.superDeductionClaimed),
    finance: pick(FINANCE_KEYS, (k) => text(obj(a.finance)[k])) as Draft['finance'],
    quarters: [0, 1, 2, 3].map((i) => pick(QUARTER_KEYS, (k) => text(obj(quarters[i])[k])) as QuarterDraft),
    rdProjects: (Array.isArray(a.rdProjects) ? a.rdProjects : []).map((raw): RdProjectDraft => {
      const p = obj(raw)
      return {
        name: text(p.name) ?? '',
        code: text(p.code) ?? '',
        form: (text(p.form) as RdProjectDraft['form']) ?? 'self',
        status: p.status === 'ongoing' || p.status === 'completed' ? p.status : undefined,
        amount: text(p.amount) ?? '',
      }
    }),
    ip: pick(IP_KEYS, (k) => text(obj(a.ip)[k])) as Draft['ip'],
  }
}
