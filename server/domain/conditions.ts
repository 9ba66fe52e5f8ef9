// The yes/no conditions of the evaluation (rules.md §1, §2, §5), each a small unit citing its source.
// A condition answers true, false, or null when the facts it needs are not known yet (a pre-check may run
// on an incomplete form: a missing fact is never taken as false).
import { cmp, fraction, parseExact, type Fraction } from './exact.ts';
import { CONDITIONS, type ConditionCode, type ConditionRule, type ExcludedIndustry, type SizeLimits } from './rules/national.ts';
import type { PolicyPack } from './rules/packs.ts';
import type { SourceRef } from './rules/sources.ts';
import type { ReasonCode } from './schemas/assessment.ts';

/** What the conditions look at. Any fact may be unknown (undefined). */
export interface ConditionFacts {
  registeredInMainland?: boolean;
  registeredInRegion?: boolean;
  productsAllowed?: boolean;
  creditClean?: boolean;
  taxCollection?: 'audit' | 'assessed';
  industryCode?: string;
  employees?: Fraction;
  salesRevenue?: Fraction;
  totalAssets?: Fraction;
  highTechCertificate?: boolean;
  nationalAwardTop3?: boolean;
  provincialRdInstitution?: boolean;
  ledStandard?: boolean;
  rdAuxiliaryAccount?: boolean;
}

export interface ConditionContext {
  /** Evaluation year: conditions that only apply from a later year are left out. */
  year?: number;
  pack: PolicyPack;
  size: SizeLimits;
  sizeSource: SourceRef;
  excludedIndustries: readonly ExcludedIndustry[];
  industrySource: SourceRef;
}

export interface ConditionOutcome {
  code: string;
  group: 'basic' | 'direct' | 'other';
  label: string;
  met: boolean | null;
  source: SourceRef;
  /** The reason codes a failed condition produces (SIZE splits into three). */
  failures: ReasonCode[];
}

export function excludedIndustry(code: string | undefined, list: readonly ExcludedIndustry[]) {
  return code === undefined ? undefined : list.find((i) => code.startsWith(i.prefix));
}

/** How each condition is decided from the facts: true, false, or null while a fact it needs is unknown. */
const DECIDE: Record<ConditionCode, (f: ConditionFacts, ctx: ConditionContext) => boolean | null | undefined> = {
  // An unanswered local-registration question does not block: the pack only narrows REG when it is answered.
  REG: (f) => (f.registeredInMainland === undefined ? null : f.registeredInMainland && f.registeredInRegion !== false),
  SIZE: (f, ctx) =>
    sizeFailures(f, ctx.size).length ? false : [f.employees, f.salesRevenue, f.totalAssets].every((x) => x !== undefined) ? true : null,
  SCOPE: (f) => f.productsAllowed,
  CREDIT: (f) => f.creditClean,
  TAX_METHOD: (f) => (f.taxCollection === undefined ? null : f.taxCollection === 'audit'),
  // Without an industry code the list cannot be checked; the SCOPE question covers the catalogues.
  INDUSTRY: (f, ctx) => f.industryCode === undefined || excludedIndustry(f.industryCode, ctx.excludedIndustries) === undefined,
  HNTE: (f) => f.highTechCertificate,
  AWARD: (f) => f.nationalAwardTop3,
  LAB: (f) => f.provincialRdInstitution,
  STD: (f) => f.ledStandard,
  RD_ACCOUNT: (f) => f.rdAuxiliaryAccount,
};

const FAILURES: Partial<Record<ConditionCode, ReasonCode>> = {
  REG: 'REG',
  SCOPE: 'SCOPE',
  CREDIT: 'CREDIT',
  TAX_METHOD: 'TAX_METHOD',
  INDUSTRY: 'INDUSTRY',
  RD_ACCOUNT: 'NO_RD_ACCOUNT',
};

function sizeFailures(f: ConditionFacts, size: SizeLimits): ReasonCode[] {
  const out: ReasonCode[] = [];
  if (f.employees && cmp(f.employees, fraction(size.maxEmployees)) > 0) out.push('SIZE_EMPLOYEES');
  if (f.salesRevenue && cmp(f.salesRevenue, parseExact(size.maxRevenueWan)) > 0) out.push('SIZE_REVENUE');
  if (f.totalAssets && cmp(f.totalAssets, parseExact(size.maxAssetsWan)) > 0) out.push('SIZE_ASSETS');
  return out;
}

/** A pack's own wording (and source) of a condition, where it has one. */
function regional(rule: ConditionRule, pack: PolicyPack): Pick<ConditionRule, 'label' | 'source'> {
  const local = pack.localRegistration;
  if (rule.code === 'REG' && local) return { label: `在${local.place}注册的居民企业（不含港澳台）`, source: local.source };
  if (rule.code === 'LAB' && pack.lab) return { label: pack.lab.wording, source: pack.lab.source };
  return rule;
}

/** The conditions in force for the evaluation year (all of them when no year is given), in the form's order. */
export function evaluateConditions(f: ConditionFacts, ctx: ConditionContext): ConditionOutcome[] {
  return CONDITIONS.filter((rule) => ctx.year === undefined || rule.since <= ctx.year).map((rule) => {
    const met = DECIDE[rule.code](f, ctx) ?? null;
    const { label, source } = regional(rule, ctx.pack);
    // A 直通车 condition that does not hold is no failure: it is one route among several.
    const reason = FAILURES[rule.code];
    const failures: ReasonCode[] =
      met !== false ? [] : rule.code === 'SIZE' ? sizeFailures(f, ctx.size) : reason ? [reason] : [];
    return {
      code: rule.code,
      group: rule.group,
      label,
      met,
      source: rule.code === 'SIZE' ? ctx.sizeSource : rule.code === 'INDUSTRY' ? ctx.industrySource : source,
      failures,
    };
  });
}
