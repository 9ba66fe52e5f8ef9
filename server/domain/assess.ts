// The deterministic assessment (rules.md §1–§6): validated input → 自评结果. Pure: no clock, no I/O.
import { bandPoints } from './bands.ts';
import { evaluateConditions, excludedIndustry, type ConditionFacts, type ConditionOutcome } from './conditions.ts';
import { cmp, div, fraction, isZero, parseDecimal, parseExact, toDecimalString, type Fraction } from './exact.ts';
import { inForce, inForceOrNull, type Dated } from './rules/dated.ts';
import { EXCLUDED_INDUSTRIES, ON_SITE, RD_ARITHMETIC, RISK, SCORING, SIZE_LIMITS, type Scoring } from './rules/national.ts';
import { findPack, type PolicyPack } from './rules/packs.ts';
import { cite } from './rules/sources.ts';
import { rdTotal, type RdTotal } from './rdTotal.ts';
import { assessLadder } from './ladder/index.ts';
import {
  IP_CLASS1,
  IP_CLASS2,
  type AssessmentInput,
  type AssessmentResult,
  type Notice,
  type OnSiteCode,
  type ReasonCode,
} from './schemas/assessment.ts';
import { averagedStaff, type AveragedStaff } from './staff.ts';

export const RULES_VERSION = '2026.1';

/** Exact figures the verdict is computed from; the pre-check and gap analysis reuse them. */
export interface Figures {
  staff: AveragedStaff;
  rd: RdTotal;
  salesRevenue: Fraction;
  totalCost: Fraction;
  totalAssets: Fraction;
  ipClass1: number;
  ipClass2: number;
}

export interface Scores {
  techStaff: number;
  rdBySales: number | null;
  rdByCost: number | null;
  rd: number;
  ip: number;
  total: number;
  ratios: { techStaff: Fraction; rdBySales: Fraction | null; rdByCost: Fraction | null };
}

export function figuresOf(input: AssessmentInput): Figures {
  const year = input.evaluationYear;
  const ip = input.ip;
  return {
    staff: averagedStaff(input.staff),
    rd: rdTotal(input.rdProjects, inForce(RD_ARITHMETIC, year).value),
    salesRevenue: parseDecimal(input.finance.salesRevenue),
    totalCost: parseDecimal(input.finance.totalCost),
    totalAssets: parseDecimal(input.finance.totalAssets),
    ipClass1: IP_CLASS1.reduce((n, k) => n + ip[k], 0),
    ipClass2: IP_CLASS2.reduce((n, k) => n + ip[k], 0),
  };
}

export function ipPoints(class1: number, class2: number, rules: Scoring): number {
  if (class1 > 0) return rules.ipClass1Points;
  return rules.ipClass2Bands.find((b) => class2 >= b.atLeast)?.points ?? 0;
}

/** The three indicators (S1 附件). Denominators are checked by validation: employees > 0, not both zero. */
export function score(fig: Figures, rules: Scoring): Scores {
  const techRatio = div(fig.staff.techStaff, fig.staff.employees);
  const bySalesRatio = isZero(fig.salesRevenue) ? null : div(fig.rd.total, fig.salesRevenue);
  const byCostRatio = isZero(fig.totalCost) ? null : div(fig.rd.total, fig.totalCost);
  const techStaff = bandPoints(techRatio, rules.techStaffBands);
  const rdBySales = bySalesRatio ? bandPoints(bySalesRatio, rules.rdBySalesBands) : null;
  const rdByCost = byCostRatio ? bandPoints(byCostRatio, rules.rdByCostBands) : null;
  // The firm picks one ratio (S1); the best choice is the higher score.
  const rd = Math.max(rdBySales ?? 0, rdByCost ?? 0);
  const ip = ipPoints(fig.ipClass1, fig.ipClass2, rules);
  return {
    techStaff,
    rdBySales,
    rdByCost,
    rd,
    ip,
    total: techStaff + rd + ip,
    ratios: { techStaff: techRatio, rdBySales: bySalesRatio, rdByCost: byCostRatio },
  };
}

const wan = (x: Fraction) => toDecimalString(x, 6, true);
const percent = (x: Fraction) => `${toDecimalString(fraction(x.n * 100n, x.d), 2)}%`;
const people = (x: Fraction) => toDecimalString(x, 2, true);

export function assess(input: AssessmentInput): AssessmentResult {
  const year = input.evaluationYear;
  const pack = findPack(input.region) as PolicyPack; // validated by the schema
  const scoring = inForce(SCORING, year);
  const size = inForce(SIZE_LIMITS, year);
  const industries = inForce(EXCLUDED_INDUSTRIES, year);
  const fig = figuresOf(input);
  const s = score(fig, scoring.value);

  const facts: ConditionFacts = {
    ...input.basic,
    ...input.directPass,
    rdAuxiliaryAccount: input.rdAuxiliaryAccount,
    employees: fig.staff.employees,
    salesRevenue: fig.salesRevenue,
    totalAssets: fig.totalAssets,
  };
  const conditions = evaluateConditions(
    facts,
    {
      year,
      pack,
      size: size.value,
      sizeSource: size.source,
      excludedIndustries: industries.value,
      industrySource: industries.source,
    },
  );
  const basic = conditions.filter((c) => c.group === 'basic');
  const basicMet = basic.every((c) => c.met);
  const directMet = conditions.some((c) => c.group === 'direct' && c.met);
  const route: AssessmentResult['route'] = !basicMet ? null : directMet ? 'direct' : 'score';

  const reasons: Notice<ReasonCode>[] = [];
  for (const c of conditions)
    for (const code of c.failures) reasons.push(conditionReason(code, c, facts, pack, industries.value));
  // Score reasons apply to a firm judged (or, once its basic conditions are fixed, to be judged) by score.
  if (!directMet) reasons.push(...scoreReasons(s, scoring));

  const notices = noticeFacts(input, fig);
  const qualified = route !== null && reasons.length === 0;
  const ladder = assessLadder(input, fig.rd.total, qualified, pack);
  return {
    qualified,
    route,
    total: s.total,
    scores: { techStaff: s.techStaff, rdBySales: s.rdBySales, rdByCost: s.rdByCost, rd: s.rd, ip: s.ip },
    ratios: {
      techStaff: toDecimalString(s.ratios.techStaff, 4),
      rdBySales: s.ratios.rdBySales && toDecimalString(s.ratios.rdBySales, 4),
      rdByCost: s.ratios.rdByCost && toDecimalString(s.ratios.rdByCost, 4),
    },
    derived: {
      employees: people(fig.staff.employees),
      techStaff: toDecimalString(fig.staff.techStaff, 6, true),
      rdTotal: wan(fig.rd.total),
      ipClass1: fig.ipClass1,
      ipClass2: fig.ipClass2,
    },
    reasons,
    onSiteCheck: onSiteChecks(notices, year),
    warnings: warnings(notices, year, pack),
    conditions: conditions.map(({ failures: _, met, ...c }) => ({ ...c, met: met === true })),
    region: pack.id,
    evaluationYear: year,
    rulesVersion: RULES_VERSION,
    ...(ladder ? { ladder } : {}),
  };
}

/** The score reasons (SCORE_BELOW_60, TECH_STAFF_ZERO) for a firm judged by score. */
export function scoreReasons(s: Scores, scoring: Dated<Scoring>): Notice<ReasonCode>[] {
  const out: Notice<ReasonCode>[] = [];
  if (s.total < scoring.value.passMark)
    out.push({
      code: 'SCORE_BELOW_60',
      message: `综合评价得分${s.total}分，低于${scoring.value.passMark}分（科技人员${s.techStaff}分、研发投入${s.rd}分、科技成果${s.ip}分）`,
      source: scoring.source,
    });
  if (s.techStaff === 0)
    out.push({
      code: 'TECH_STAFF_ZERO',
      message: `科技人员指标得分为0分（科技人员占职工总数的比例为${percent(s.ratios.techStaff)}，低于10%）`,
      source: scoring.source,
    });
  return out;
}

/**
 * The reason a failed condition gives. It reads only the condition facts, so a pre-check on an incomplete
 * form words a definite failure exactly as the assessment does.
 */
export function conditionReason(
  code: ReasonCode,
  c: ConditionOutcome,
  f: ConditionFacts,
  pack: PolicyPack,
  industries: Parameters<typeof excludedIndustry>[1],
): Notice<ReasonCode> {
  const source = c.source;
  const messages: Partial<Record<ReasonCode, () => string>> = {
    REG: () =>
      f.registeredInMainland && pack.localRegistration
        ? `企业未在${pack.localRegistration.place}注册，不属于本地区评价范围`
        : '企业不是在中国境内（不含港澳台地区）注册的居民企业',
    SCOPE: () => '企业提供的产品和服务属于国家规定的禁止、限制和淘汰类',
    CREDIT: () =>
      '企业在上一年及当年内发生过重大安全、重大质量事故或严重环境违法、科研严重失信行为，或被列入经营异常名录、严重违法失信企业名单',
    TAX_METHOD: () => '企业所得税实行核定征收，不符合“查账征收、能准确归集研发费用”的要求',
    INDUSTRY: () => {
      const hit = excludedIndustry(f.industryCode, industries);
      return `企业所属行业（${f.industryCode} ${hit?.name ?? ''}）属于不适用研发费用税前加计扣除政策的行业`;
    },
    SIZE_EMPLOYEES: () => `职工总数${people(f.employees!)}人，超过500人`,
    SIZE_REVENUE: () => `年销售收入${wan(f.salesRevenue!)}万元，超过2亿元`,
    SIZE_ASSETS: () => `资产总额${wan(f.totalAssets!)}万元，超过2亿元`,
    NO_RD_ACCOUNT: () => '研发项目立项时没有设置研发支出辅助账',
  };
  return { code, message: messages[code]?.() ?? c.label, source };
}

/**
 * What the on-site triggers and warnings look at. Any fact may be unknown (a pre-check on an incomplete form):
 * an unknown fact raises nothing.
 */
export interface NoticeFacts {
  employees?: Fraction;
  techStaff?: Fraction;
  ipCount?: number;
  rd?: RdTotal;
  salesRevenue?: Fraction;
  pastViolation?: boolean;
  firstTime?: boolean;
  industryCode?: string;
  registeredInRegion?: boolean;
}

export function noticeFacts(input: AssessmentInput, fig: Figures): NoticeFacts {
  return {
    employees: fig.staff.employees,
    techStaff: fig.staff.techStaff,
    ipCount: fig.ipClass1 + fig.ipClass2,
    rd: fig.rd,
    salesRevenue: fig.salesRevenue,
    pastViolation: input.pastViolation,
    firstTime: input.firstTime,
    industryCode: input.basic.industryCode,
    registeredInRegion: input.basic.registeredInRegion,
  };
}

export function onSiteChecks(f: NoticeFacts, year: number): Notice<OnSiteCode>[] {
  const rules = inForceOrNull(ON_SITE, year);
  if (!rules) return [];
  const { maxFewStaff, lowRdBelowWan } = rules.value;
  const source = rules.source;
  const out: Notice<OnSiteCode>[] = [];
  if (f.employees && cmp(f.employees, fraction(maxFewStaff)) <= 0)
    out.push({ code: 'FEW_STAFF', message: `职工总数${people(f.employees)}人，不超过${maxFewStaff}人`, source });
  if (f.ipCount === 0) out.push({ code: 'NO_IP', message: '企业没有知识产权', source });
  if (f.rd && cmp(f.rd.total, parseExact(lowRdBelowWan)) < 0)
    out.push({ code: 'LOW_RD', message: `研发费用总额${wan(f.rd.total)}万元，低于${lowRdBelowWan}万元`, source });
  if (f.pastViolation)
    out.push({ code: 'PAST_VIOLATION', message: '近三年内有严重违法违规行为或曾被撤销入库登记编号', source });
  if (f.firstTime) out.push({ code: 'FIRST_TIME', message: '首次参加科技型中小企业评价', source });
  return out;
}

export function warnings(f: NoticeFacts, year: number, pack: PolicyPack): Notice[] {
  const out: Notice[] = [];
  const rdRules = inForce(RD_ARITHMETIC, year);
  if (f.rd && !isZero(f.rd.foreignExcluded))
    out.push({
      code: 'FOREIGN_RD_CAPPED',
      message: `委托境外研发费用按80%计入后超过境内符合条件研发费用的三分之二，超出的${wan(f.rd.foreignExcluded)}万元不计入研发费用总额`,
      source: rdRules.source,
    });
  if (f.salesRevenue && isZero(f.salesRevenue))
    out.push({
      code: 'ZERO_REVENUE',
      message: '销售收入为0，研发投入指标按“研发费用总额占成本费用支出总额的比例”计分',
      source: cite('S1', '附件'),
    });
  if (f.industryCode === undefined)
    out.push({
      code: 'INDUSTRY_NOT_CHECKED',
      message: '未填写行业代码，未核对是否属于不适用研发费用加计扣除的行业（烟草制品、住宿和餐饮、批发和零售、房地产、租赁和商务服务、娱乐业）',
      source: inForce(EXCLUDED_INDUSTRIES, year).source,
    });
  if (pack.localRegistration && f.registeredInRegion === undefined)
    out.push({
      code: 'LOCAL_REGISTRATION_UNANSWERED',
      message: `未回答是否在${pack.localRegistration.place}注册；${pack.name}仅受理本地注册企业，请确认`,
      source: pack.localRegistration.source,
    });
  const risk = inForceOrNull(RISK, year);
  if (
    risk &&
    f.employees &&
    f.techStaff &&
    !isZero(f.employees) &&
    cmp(div(f.techStaff, f.employees), parseExact(risk.value.techStaffRatioAtLeast)) >= 0 &&
    cmp(f.employees, fraction(risk.value.withEmployeesAtLeast)) >= 0
  ) {
    const ratio = div(f.techStaff, f.employees);
    out.push({
      code: 'TECH_RATIO_HIGH',
      message: `科技人员占比${percent(ratio)}（不低于90%）且职工总数不少于50人，可能被列为现场核查对象，请确认人员归类与业务相符`,
      source: risk.source,
    });
  }
  return out;
}
