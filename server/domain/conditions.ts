// The yes/no conditions of the evaluation (rules.md §1, §2, §5), each a small unit citing its source.
// A condition answers true, false, or null when the facts it needs are not known yet (a pre-check may run
// on an incomplete form: a missing fact is never taken as false).
import { cmp, fraction, parseExact, type Fraction } from './exact.ts';
import type { ExcludedIndustry, SizeLimits } from './rules/national.ts';
import type { PolicyPack } from './rules/packs.ts';
import { cite, type SourceRef } from './rules/sources.ts';
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

const known = (...xs: unknown[]) => xs.every((x) => x !== undefined);

export function excludedIndustry(code: string | undefined, list: readonly ExcludedIndustry[]) {
  return code === undefined ? undefined : list.find((i) => code.startsWith(i.prefix));
}

export function evaluateConditions(f: ConditionFacts, ctx: ConditionContext): ConditionOutcome[] {
  const { pack, size } = ctx;
  const local = pack.localRegistration;
  // An unanswered local-registration question does not block: the pack only narrows REG when asked.
  const regMet =
    f.registeredInMainland === undefined ? null : f.registeredInMainland && f.registeredInRegion !== false;

  const sizeFailures: ReasonCode[] = [];
  if (f.employees && cmp(f.employees, fraction(size.maxEmployees)) > 0) sizeFailures.push('SIZE_EMPLOYEES');
  if (f.salesRevenue && cmp(f.salesRevenue, parseExact(size.maxRevenueWan)) > 0) sizeFailures.push('SIZE_REVENUE');
  if (f.totalAssets && cmp(f.totalAssets, parseExact(size.maxAssetsWan)) > 0) sizeFailures.push('SIZE_ASSETS');
  const sizeMet = sizeFailures.length ? false : known(f.employees, f.salesRevenue, f.totalAssets) ? true : null;

  const industry = excludedIndustry(f.industryCode, ctx.excludedIndustries);

  const outcome = (
    code: string,
    group: ConditionOutcome['group'],
    label: string,
    met: boolean | null | undefined,
    source: SourceRef,
    failures: ReasonCode[] = [],
  ): ConditionOutcome => ({ code, group, label, met: met ?? null, source, failures: met === false ? failures : [] });

  return [
    outcome(
      'REG',
      'basic',
      local ? `在${local.place}注册的居民企业（不含港澳台）` : '在中国境内（不含港澳台地区）注册的居民企业',
      regMet,
      local?.source ?? cite('S1', '第六条（一）'),
      ['REG'],
    ),
    outcome(
      'SIZE',
      'basic',
      `职工总数不超过${size.maxEmployees}人、年销售收入不超过2亿元、资产总额不超过2亿元`,
      sizeMet,
      ctx.sizeSource,
      sizeFailures,
    ),
    outcome(
      'SCOPE',
      'basic',
      '企业提供的产品和服务不属于国家规定的禁止、限制和淘汰类',
      f.productsAllowed,
      cite('S1', '第六条（三）'),
      ['SCOPE'],
    ),
    outcome(
      'CREDIT',
      'basic',
      '上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单',
      f.creditClean,
      cite('S1', '第六条（四）'),
      ['CREDIT'],
    ),
    outcome(
      'TAX_METHOD',
      'basic',
      '企业所得税实行查账征收，会计核算健全，能准确归集研发费用',
      f.taxCollection === undefined ? undefined : f.taxCollection === 'audit',
      cite('S2'),
      ['TAX_METHOD'],
    ),
    outcome(
      'INDUSTRY',
      'basic',
      '不属于不适用研发费用税前加计扣除政策的行业',
      // Without an industry code the list cannot be checked; the SCOPE question covers the catalogues.
      f.industryCode === undefined ? true : industry === undefined,
      ctx.industrySource,
      ['INDUSTRY'],
    ),
    outcome('HNTE', 'direct', '拥有在有效期内的高新技术企业资格证书', f.highTechCertificate, cite('S1', '第八条（一）')),
    outcome(
      'AWARD',
      'direct',
      '近五年内获得过国家级科技奖励，并在获奖单位中排名前三',
      f.nationalAwardTop3,
      cite('S1', '第八条（二）'),
    ),
    outcome('LAB', 'direct', pack.lab.wording, f.provincialRdInstitution, pack.lab.source),
    outcome(
      'STD',
      'direct',
      '近五年内主导制定过国际标准、国家标准或行业标准',
      f.ledStandard,
      cite('S1', '第八条（四）'),
    ),
    outcome(
      'RD_ACCOUNT',
      'other',
      '研发项目立项时设置研发支出辅助账',
      f.rdAuxiliaryAccount,
      cite('S3', '企业不符合原因示例'),
      ['NO_RD_ACCOUNT'],
    ),
  ];
}
