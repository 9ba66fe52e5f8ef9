// The pre-check: a possibly incomplete form plus extracted statements → reconciled figures, every
// inconsistency, each condition met / not met / unknown, the questions still open, reviewer risk and the gaps.
// Pure. Conditions, scores, reasons and notices all come from the engine (server/domain); an unknown fact is
// never read as false — it makes the conditions and indicators that need it unknown.
import {
  assess,
  conditionReason,
  RULES_VERSION,
  score,
  scoreReasons,
  type Figures,
  type NoticeFacts,
} from '../domain/assess.ts';
import { evaluateConditions, type ConditionFacts } from '../domain/conditions.ts';
import { fraction, isZero, toDecimalString, type Fraction } from '../domain/exact.ts';
import { rdTotal, type RdTotal } from '../domain/rdTotal.ts';
import { inForce } from '../domain/rules/dated.ts';
import { EXCLUDED_INDUSTRIES, RD_ARITHMETIC, SCORING, SIZE_LIMITS } from '../domain/rules/national.ts';
import { findPack, type PolicyPack } from '../domain/rules/packs.ts';
import {
  AssessmentInputSchema,
  IP_CLASS1,
  IP_CLASS2,
  type AssessmentInputJson,
  type AssessmentResult,
  type Notice,
  type ReasonCode,
} from '../domain/schemas/assessment.ts';
import { validate } from '../domain/validate.ts';
import { riskNotices } from './flags.ts';
import { findingsOf } from './findings.ts';
import { computeGaps } from './gaps.ts';
import { ladderFigures, ladderInputOf } from './ladderFigures.ts';
import { openQuestions } from './questions.ts';
import { reconcile, show, type Reconciled, type ResolvedDocument } from './reconcile.ts';
import type { PrecheckInput, PrecheckNotice, PrecheckResult, State } from './schemas.ts';

export interface PrecheckContext {
  /** The evaluation year when the input does not say (the caller's calendar year). */
  defaultYear: number;
}

type Tri = boolean | null;
const and = (xs: Tri[]): Tri => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or = (xs: Tri[]): Tri => (xs.includes(true) ? true : xs.includes(null) ? null : false);
const state = (t: Tri): State => (t === null ? 'unknown' : t ? 'met' : 'not_met');

/** Indicator scores where their figures are known (null: unknown), with the bounds of the total. */
interface PartialScores {
  techStaff: number | null;
  rdBySales: number | null;
  rdByCost: number | null;
  rd: number | null;
  ip: number | null;
  /** Lowest and highest total the unknown indicators allow. */
  low: number;
  high: number;
  /** The engine's full score when every indicator is known. */
  full: ReturnType<typeof score> | null;
  /** The engine's score on known figures and stand-ins: only the known indicators may be read from it. */
  raw: ReturnType<typeof score>;
  ratios: PrecheckResult['ratios'];
}

export function precheck(input: PrecheckInput, docs: readonly ResolvedDocument[], ctx: PrecheckContext): PrecheckResult {
  const year = input.evaluationYear ?? ctx.defaultYear;
  const pack = findPack(input.region ?? 'national') as PolicyPack; // validated by the schema
  const rec = reconcile(input, docs, year);
  const v = rec.values;

  // R&D as the form computes it: from the projects, else the statements' figure standing in for them.
  const rd: RdTotal | undefined = input.rdProjects
    ? rdTotal(input.rdProjects, inForce(RD_ARITHMETIC, year).value)
    : v.rdTotal && { total: v.rdTotal, domestic: v.rdTotal, foreignExcluded: fraction(0) };
  const ip = input.ip && {
    class1: IP_CLASS1.reduce((n, k) => n + input.ip![k], 0),
    class2: IP_CLASS2.reduce((n, k) => n + input.ip![k], 0),
  };

  const j = judge(input, v, rd, ip, year, pack);
  const { conditions, direct, scoreFailures, scorePass, s } = j;
  let { qualified, route, reasons } = j;

  // The whole form known: the assessment itself decides (and the tests hold the three-valued logic to it).
  const offered = ladderFigures(input, docs, v.totalLiabilities);
  const { assessment, refused } = completeAssessment(input, v, rd, year, pack, rec.figures, ladderInputOf(input, offered));
  if (assessment) {
    qualified = assessment.qualified;
    route = assessment.route;
    reasons = assessment.reasons;
  }

  const noticeFacts: NoticeFacts = {
    employees: v.employees,
    techStaff: v.techStaff,
    ipCount: ip && ip.class1 + ip.class2,
    rd,
    salesRevenue: v.salesRevenue,
    pastViolation: input.pastViolation,
    firstTime: input.firstTime,
    industryCode: input.basic?.industryCode,
    registeredInRegion: input.basic?.registeredInRegion,
  };
  const risk = riskNotices(noticeFacts, year, pack, v, input.previousYear);

  const figures: Figures | null =
    v.employees && v.techStaff && rd && v.salesRevenue && v.totalCost && ip && !isZero(v.employees)
      ? {
          staff: { employees: v.employees, techStaff: v.techStaff },
          rd,
          salesRevenue: v.salesRevenue,
          totalCost: v.totalCost,
          totalAssets: v.totalAssets ?? fraction(0),
          ipClass1: ip.class1,
          ipClass2: ip.class2,
        }
      : null;
  const gapReasons = [
    ...reasons.map((r) => r.code),
    ...(direct !== true ? scoreFailures.map((r) => r.code).filter((c) => !reasons.some((r) => r.code === c)) : []),
  ];
  const gaps = figures
    ? {
        ...computeGaps({ evaluationYear: year, figures, rdProjects: rdProjectsOf(input, v.rdTotal), reasons: gapReasons }),
        directRoutes: conditions
          .filter((c) => c.group === 'direct')
          .map((c) => ({ code: c.code, label: c.label, state: state(c.met) })),
      }
    : null;

  const verdict = qualified === null ? 'undetermined' : qualified ? 'qualified' : 'not_qualified';
  // What could still change an undetermined verdict: unknown conditions, and the unknown indicators when the
  // firm may be judged by score.
  const open = new Set<string>();
  if (verdict === 'undetermined') {
    for (const c of conditions) if (c.met === null) open.add(c.code);
    if (direct !== true && scorePass === null)
      for (const k of ['techStaff', 'rd', 'ip'] as const) if (s[k] === null) open.add(k);
  }

  const result: Omit<PrecheckResult, 'findings'> = {
    verdict,
    route,
    assessment,
    conditions: conditions.map((c) => ({ code: c.code, group: c.group, label: c.label, state: state(c.met), source: c.source })),
    scores: assessment
      ? { ...assessment.scores, total: assessment.total }
      : { techStaff: s.techStaff, rdBySales: s.rdBySales, rdByCost: s.rdByCost, rd: s.rd, ip: s.ip, total: s.full?.total ?? null },
    ratios: assessment?.ratios ?? s.ratios,
    reasons,
    figures: rec.figures,
    discrepancies: rec.discrepancies,
    identities: rec.identities,
    inconsistencies: rec.inconsistencies,
    flags: risk.flags,
    warnings: [...risk.warnings, ...rec.warnings, ...(refused ? [refused] : [])],
    questions: openQuestions(input, v, pack, open),
    gaps,
    documents: rec.documents,
    ...(offered.length ? { ladderFigures: offered } : {}),
    evaluationYear: year,
    region: pack.id,
    rulesVersion: RULES_VERSION,
  };
  return { ...result, findings: findingsOf(result) };
}

/**
 * Three-valued judgement of what is known: each condition met / not met / unknown (the engine's own
 * conditions), indicators where their figures are known, and the reasons that hold whatever is missing.
 * Exported so the tests can hold it to the assessment on complete forms.
 */
export function judge(
  input: PrecheckInput,
  v: Reconciled['values'],
  rd: RdTotal | undefined,
  ip: { class1: number; class2: number } | undefined,
  year: number,
  pack: PolicyPack,
) {
  const scoring = inForce(SCORING, year);
  const industries = inForce(EXCLUDED_INDUSTRIES, year);
  const facts: ConditionFacts = {
    ...input.basic,
    ...input.directPass,
    rdAuxiliaryAccount: input.rdAuxiliaryAccount,
    employees: v.employees,
    salesRevenue: v.salesRevenue,
    totalAssets: v.totalAssets,
  };
  const conditions = evaluateConditions(facts, {
    pack,
    size: inForce(SIZE_LIMITS, year).value,
    sizeSource: inForce(SIZE_LIMITS, year).source,
    excludedIndustries: industries.value,
    industrySource: industries.source,
  });
  const basic = and(conditions.filter((c) => c.group === 'basic').map((c) => c.met));
  const direct = or(conditions.filter((c) => c.group === 'direct').map((c) => c.met));
  const account = conditions.find((c) => c.code === 'RD_ACCOUNT')!.met;

  const s = partialScores(v, rd, ip, scoring.value);
  const passMark = scoring.value.passMark;
  const scorePass: Tri =
    s.techStaff === 0 || s.high < passMark ? false : s.techStaff !== null && s.low >= passMark ? true : null;
  const qualified = and([basic, account, or([direct, scorePass])]);
  const route: PrecheckResult['route'] = basic === false ? null : basic && direct !== null ? (direct ? 'direct' : 'score') : 'unknown';

  // Score reasons that hold whatever is still unknown (the assessment gives them when no 直通车 holds).
  const scoreFailures: Notice<ReasonCode>[] = [];
  if (scorePass === false) {
    if (s.full) scoreFailures.push(...scoreReasons(s.full, scoring));
    else {
      if (s.high < passMark)
        scoreFailures.push({
          code: 'SCORE_BELOW_60',
          message: `已知指标得分合计${s.low}分，其余指标即使得满分，综合得分最多${s.high}分，低于${passMark}分`,
          source: scoring.source,
        });
      // Staff known: the engine's own wording of this reason (its ratio is real, the rest is not read).
      if (s.techStaff === 0) scoreFailures.push(...scoreReasons(s.raw, scoring).filter((r) => r.code === 'TECH_STAFF_ZERO'));
    }
  }
  const reasons: Notice<ReasonCode>[] = [
    ...conditions.flatMap((c) => c.failures.map((code) => conditionReason(code, c, facts, pack, industries.value))),
    ...(direct === false ? scoreFailures : []),
  ];

  return { facts, conditions, basic, direct, s, scorePass, qualified, route, reasons, scoreFailures };
}

/**
 * The engine's indicators for what is known: score() runs on the known figures with neutral stand-ins for the
 * rest, and only the indicators whose own figures are all known are read from it.
 */
function partialScores(
  v: Reconciled['values'],
  rd: RdTotal | undefined,
  ip: { class1: number; class2: number } | undefined,
  rules: (typeof SCORING)[number]['value'],
): PartialScores {
  const staffKnown = v.employees !== undefined && v.techStaff !== undefined && !isZero(v.employees);
  const one = fraction(1);
  const s = score(
    {
      staff: staffKnown ? { employees: v.employees!, techStaff: v.techStaff! } : { employees: one, techStaff: fraction(0) },
      rd: rd ?? { total: fraction(0), domestic: fraction(0), foreignExcluded: fraction(0) },
      salesRevenue: v.salesRevenue ?? one,
      totalCost: v.totalCost ?? one,
      totalAssets: v.totalAssets ?? one,
      ipClass1: ip?.class1 ?? 0,
      ipClass2: ip?.class2 ?? 0,
    },
    rules,
  );
  const max = { techStaff: rules.techStaffBands[0]!.points, rd: rules.rdBySalesBands[0]!.points, ip: rules.ipClass1Points };
  const techStaff = staffKnown ? s.techStaff : null;
  // A ratio whose figures are known: its points, or 'none' when its denominator is zero (not scorable).
  const bySales = rd && v.salesRevenue ? (s.rdBySales ?? 'none') : null;
  const byCost = rd && v.totalCost ? (s.rdByCost ?? 'none') : null;
  const pts = (x: number | 'none' | null) => (typeof x === 'number' ? x : 0);
  const rdKnown = (bySales !== null && byCost !== null) || bySales === max.rd || byCost === max.rd;
  const rdScore = rdKnown ? Math.max(pts(bySales), pts(byCost)) : null;
  const ipScore = ip ? s.ip : null;
  const low = (techStaff ?? 0) + (rdScore ?? Math.max(pts(bySales), pts(byCost))) + (ipScore ?? 0);
  const high = (techStaff ?? max.techStaff) + (rdScore ?? max.rd) + (ipScore ?? max.ip);
  // Shown with 4 decimals like the assessment's (display only).
  const ratio = (r: Fraction | null, known: boolean) => (known && r ? toDecimalString(r, 4) : null);
  return {
    techStaff,
    rdBySales: typeof bySales === 'number' ? bySales : null,
    rdByCost: typeof byCost === 'number' ? byCost : null,
    rd: rdScore,
    ip: ipScore,
    low,
    high,
    full: techStaff !== null && rdScore !== null && ipScore !== null ? s : null,
    raw: s,
    ratios: {
      techStaff: ratio(s.ratios.techStaff, staffKnown),
      rdBySales: ratio(s.ratios.rdBySales, bySales !== null),
      rdByCost: ratio(s.ratios.rdByCost, byCost !== null),
    },
  };
}

/** The declared projects, or the statements' R&D standing in as one self-run amount (already weighted). */
function rdProjectsOf(input: PrecheckInput, fromStatements: Fraction | undefined): NonNullable<PrecheckInput['rdProjects']> {
  if (input.rdProjects) return input.rdProjects;
  return fromStatements ? [{ name: '研发费用（按报表估算）', form: 'self', status: 'completed', amount: show(fromStatements) }] : [];
}

/** Every fact the assessment needs is known: build its input from the reconciled figures and run it. */
function completeAssessment(
  input: PrecheckInput,
  v: Reconciled['values'],
  rd: RdTotal | undefined,
  year: number,
  pack: PolicyPack,
  figures: PrecheckResult['figures'],
  ladder: AssessmentInputJson['ladder'],
): { assessment: AssessmentResult | null; refused?: PrecheckNotice } {
  const b = input.basic ?? {};
  const d = input.directPass ?? {};
  const needed = [
    b.registeredInMainland, b.productsAllowed, b.creditClean, b.taxCollection,
    d.highTechCertificate, d.nationalAwardTop3, d.provincialRdInstitution, d.ledStandard,
    input.rdAuxiliaryAccount, input.ip, rd, v.totalAssets, v.salesRevenue, v.totalCost, v.employees, v.techStaff,
  ];
  if (needed.some((x) => x === undefined)) return { assessment: null };
  const fromQuarters = figures.find((f) => f.key === 'employees')?.origin.kind === 'derived' && input.staff?.quarters;
  const optional = (k: 'netAssets' | 'mainBusinessRevenue' | 'totalProfit' | 'totalTax') =>
    v[k] === undefined ? {} : { [k]: show(v[k]!) };
  const candidate: AssessmentInputJson = {
    evaluationYear: year,
    region: pack.id,
    ...(input.firstTime !== undefined ? { firstTime: input.firstTime } : {}),
    ...(input.pastViolation !== undefined ? { pastViolation: input.pastViolation } : {}),
    basic: b as AssessmentInputJson['basic'],
    directPass: d as AssessmentInputJson['directPass'],
    rdAuxiliaryAccount: input.rdAuxiliaryAccount!,
    ...(input.superDeductionClaimed !== undefined ? { superDeductionClaimed: input.superDeductionClaimed } : {}),
    finance: {
      totalAssets: show(v.totalAssets!),
      salesRevenue: show(v.salesRevenue!),
      totalCost: show(v.totalCost!),
      ...optional('netAssets'),
      ...optional('mainBusinessRevenue'),
      ...optional('totalProfit'),
      ...optional('totalTax'),
    },
    rdProjects: rdProjectsOf(input, v.rdTotal),
    staff: fromQuarters ? { quarters: input.staff!.quarters! } : { employees: show(v.employees!), techStaff: show(v.techStaff!) },
    ip: input.ip!,
    ...(ladder ? { ladder } : {}),
  };
  const checked = validate(AssessmentInputSchema, candidate);
  // Statement figures the form would refuse (e.g. a negative total): say so instead of scoring them.
  if (!checked.ok)
    return {
      assessment: null,
      refused: {
        code: 'FORM_WOULD_BE_REFUSED',
        message: `按核对后的数据填写，评价表会被拒绝：${checked.issues.map((i) => i.message).join('；')}`,
      },
    };
  return { assessment: assess(checked.value) };
}
