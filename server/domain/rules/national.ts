// The national rules as data (rules.md §1–§6). Next year's change is a new dated entry here, not new code.
// Thresholds are decimal strings so they are parsed exactly; "含" (inclusive) means a ratio equal to
// `atLeast` takes that band.
import { cite, type SourceRef } from './sources.ts';
import type { Dated } from './dated.ts';

export interface Band {
  atLeast: string;
  points: number;
}

export interface SizeLimits {
  maxEmployees: number;
  maxRevenueWan: string;
  maxAssetsWan: string;
}

export interface Scoring {
  passMark: number;
  techStaffBands: Band[];
  rdBySalesBands: Band[];
  rdByCostBands: Band[];
  ipClass1Points: number;
  /** Points for the number of Ⅱ类 items, highest first: ≥4 → 24, 3 → 18, … */
  ipClass2Bands: { atLeast: number; points: number }[];
}

export interface RdArithmetic {
  /** Share of a project's amount that counts, by form. */
  weights: Record<'self' | 'cooperative' | 'centralized' | 'commissioned_domestic' | 'commissioned_foreign', string>;
  /** 委托境外 counted may not exceed this share of the qualifying domestic R&D expenses. */
  foreignCapOfDomestic: string;
}

export interface ExcludedIndustry {
  /** GB/T 4754-2017 code prefix: a section letter, optionally with the division/group digits. */
  prefix: string;
  name: string;
}

export interface OnSiteThresholds {
  maxFewStaff: number;
  lowRdBelowWan: string;
}

export interface RiskThresholds {
  techStaffRatioAtLeast: string;
  withEmployeesAtLeast: number;
}

export type ConditionCode = 'REG' | 'SIZE' | 'SCOPE' | 'CREDIT' | 'TAX_METHOD' | 'INDUSTRY' | 'HNTE' | 'AWARD' | 'LAB' | 'STD' | 'RD_ACCOUNT';

/** A yes/no condition of the form: how the 自评结果 words it, the text that sets it, the year it applies from. */
export interface ConditionRule {
  code: ConditionCode;
  group: 'basic' | 'direct' | 'other';
  label: string;
  source: SourceRef;
  since: number;
}

// In the order the official form and its 自评结果 list them (rules.md §1, §2, §5). The SIZE label's figures
// come from SIZE_LIMITS; a pack may reword REG and LAB (packs.ts).
export const CONDITIONS: ConditionRule[] = [
  { code: 'REG', group: 'basic', label: '在中国境内（不含港澳台地区）注册的居民企业', source: cite('S1', '第六条（一）'), since: 2017 },
  { code: 'SIZE', group: 'basic', label: '职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元', source: cite('S1', '第六条（二）'), since: 2017 },
  { code: 'SCOPE', group: 'basic', label: '企业提供的产品和服务不属于国家规定的禁止、限制和淘汰类', source: cite('S1', '第六条（三）'), since: 2017 },
  {
    code: 'CREDIT',
    group: 'basic',
    label: '上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单',
    source: cite('S1', '第六条（四）'),
    since: 2017,
  },
  { code: 'TAX_METHOD', group: 'basic', label: '企业所得税实行查账征收，会计核算健全，能准确归集研发费用', source: cite('S2'), since: 2022 },
  { code: 'INDUSTRY', group: 'basic', label: '不属于不适用研发费用税前加计扣除政策的行业', source: cite('S2', '（以财税〔2015〕119号不适用加计扣除的行业为准）'), since: 2022 },
  { code: 'HNTE', group: 'direct', label: '拥有在有效期内的高新技术企业资格证书', source: cite('S1', '第八条（一）'), since: 2017 },
  { code: 'AWARD', group: 'direct', label: '近五年内获得过国家级科技奖励，并在获奖单位中排名前三', source: cite('S1', '第八条（二）'), since: 2017 },
  { code: 'LAB', group: 'direct', label: '企业拥有经认定的省部级以上研发机构', source: cite('S1', '第八条（三）'), since: 2017 },
  { code: 'STD', group: 'direct', label: '近五年内主导制定过国际标准、国家标准或行业标准', source: cite('S1', '第八条（四）'), since: 2017 },
  { code: 'RD_ACCOUNT', group: 'other', label: '研发项目立项时设置研发支出辅助账', source: cite('S3', '企业不符合原因示例'), since: 2022 },
];

// rules.md §4 (S1 指标说明): the kinds of IP in each class; trademarks count in neither.
export const IP_CLASS1 = ['invention', 'plantVariety', 'cropVariety', 'newDrug', 'tcmProtected', 'icLayout'] as const;
export const IP_CLASS2 = ['utilityModel', 'design', 'software'] as const;

export const SIZE_LIMITS: Dated<SizeLimits>[] = [
  {
    since: 2017,
    source: cite('S1', '第六条（二）'),
    value: { maxEmployees: 500, maxRevenueWan: '20000', maxAssetsWan: '20000' },
  },
];

export const SCORING: Dated<Scoring>[] = [
  {
    since: 2017,
    source: cite('S1', '第六条（五）；附件评价指标'),
    value: {
      passMark: 60,
      techStaffBands: [
        { atLeast: '0.30', points: 20 },
        { atLeast: '0.25', points: 16 },
        { atLeast: '0.20', points: 12 },
        { atLeast: '0.15', points: 8 },
        { atLeast: '0.10', points: 4 },
      ],
      rdBySalesBands: [
        { atLeast: '0.06', points: 50 },
        { atLeast: '0.05', points: 40 },
        { atLeast: '0.04', points: 30 },
        { atLeast: '0.03', points: 20 },
        { atLeast: '0.02', points: 10 },
      ],
      rdByCostBands: [
        { atLeast: '0.30', points: 50 },
        { atLeast: '0.25', points: 40 },
        { atLeast: '0.20', points: 30 },
        { atLeast: '0.15', points: 20 },
        { atLeast: '0.10', points: 10 },
      ],
      ipClass1Points: 30,
      ipClass2Bands: [
        { atLeast: 4, points: 24 },
        { atLeast: 3, points: 18 },
        { atLeast: 2, points: 12 },
        { atLeast: 1, points: 6 },
      ],
    },
  },
];

// rules.md §4: the form computes the R&D total from the project list; 委托 at 80 %, foreign capped at 2/3 of
// the qualifying domestic expenses (财税〔2015〕119号). "Domestic" here is everything counted except 委托境外.
export const RD_ARITHMETIC: Dated<RdArithmetic>[] = [
  {
    since: 2017,
    source: cite('S3', '研发项目列表（研发费用总额自动计算）'),
    value: {
      weights: {
        self: '1',
        cooperative: '1',
        centralized: '1',
        commissioned_domestic: '0.8',
        commissioned_foreign: '0.8',
      },
      foreignCapOfDomestic: '2/3',
    },
  },
];

// rules.md §1 INDUSTRY: industries where the super-deduction does not apply (财税〔2015〕119号 第四条),
// by GB/T 4754-2017 code.
export const EXCLUDED_INDUSTRIES: Dated<ExcludedIndustry[]>[] = [
  {
    since: 2022,
    source: cite('S2', '（以财税〔2015〕119号不适用加计扣除的行业为准）'),
    value: [
      { prefix: 'C16', name: '烟草制品业' },
      { prefix: 'H', name: '住宿和餐饮业' },
      { prefix: 'F', name: '批发和零售业' },
      { prefix: 'K', name: '房地产业' },
      { prefix: 'L', name: '租赁和商务服务业' },
      { prefix: 'R90', name: '娱乐业' },
    ],
  },
];

export const ON_SITE: Dated<OnSiteThresholds>[] = [
  { since: 2023, source: cite('S4', '现场核查情形'), value: { maxFewStaff: 5, lowRdBelowWan: '10' } },
];

export const RISK: Dated<RiskThresholds>[] = [
  {
    since: 2025,
    source: cite('NOTICE2025'),
    value: { techStaffRatioAtLeast: '0.90', withEmployeesAtLeast: 50 },
  },
];
