// The ladder above 科技型 (ladder.md) as dated data: 创新型中小企业 (L1), 专精特新 and 小巨人 (L2, 2026).
// Thresholds are decimal strings parsed exactly. Next year's change is a new dated entry, not new code.
// `certainty` says how sure the product is of the text behind a parameter: L1 is verbatim, L2 comes from
// compilations that cite the official PDF (ladder.md "Sources"), so it is shown with "以当年官方通知为准".
import type { Dated } from './dated.ts';
import { cite, type SourceRef } from './sources.ts';

export type Certainty = 'sure' | 'fairly_sure';

/** A band whose points a ratio earns when it is at least `atLeast` (a ratio on the edge takes the band). */
export interface AtLeastBand {
  atLeast: string;
  points: number;
}
/** A band a ratio earns when it is at most `atMost` (资产负债率: lower is better; the edge takes the band). */
export interface AtMostBand {
  atMost: string;
  points: number;
}

export interface InnovativeRules {
  certainty: Certainty;
  passMark: number;
  floors: { capability: number; growth: number; specialization: number };
  /** 与主导产品相关的有效知识产权: Ⅰ类高价值 / 自主研发Ⅰ类 / Ⅰ类 / Ⅱ类 / none. */
  ipPoints: { highValue: number; selfDeveloped: number; class1: number; class2: number; none: number };
  rdRatioBands: AtLeastBand[];
  /** 上年主营业务收入增长率; growth may be negative, so the last band starts at 0. */
  growthBands: AtLeastBand[];
  debtRatioBands: AtMostBand[];
  fieldPoints: { strategic: number; other: number };
  mainShareBands: AtLeastBand[];
  /** The four direct conditions, in L1's order. */
  direct: { key: 'provincialAward' | 'hnteOrDemo' | 'provincialLab' | 'equity500'; label: string }[];
}

export interface SpecializedRules {
  certainty: Certainty;
  minNicheYears: number;
  minRevenueWan: string;
  minMainShare: string;
  maxDebtRatio: string;
  /** Each of the last two years. */
  minRdWan: string;
  minRdShare: string;
  minIpClass1SelfDeveloped: number;
  minQualityScore: number;
}

export interface LittleGiantRules {
  certainty: Certainty;
  minNicheYears: number;
  minRevenueWan: string;
  minMainShare: string;
  /** 近两年营业收入复合增长率; the one-year growth stands in for it (ladder.md readings). */
  minGrowth: string;
  maxDebtRatio: string;
  /** The last two years together. */
  minRdTwoYearsWan: string;
  minRdShare: string;
  minIpClass1SelfDeveloped: number;
  minQualityScore: number;
}

export const INNOVATIVE: Dated<InnovativeRules>[] = [
  {
    since: 2022,
    source: cite('L1', '附件1 创新型中小企业评价标准'),
    value: {
      certainty: 'sure',
      passMark: 60,
      floors: { capability: 20, growth: 15, specialization: 15 },
      ipPoints: { highValue: 20, selfDeveloped: 15, class1: 10, class2: 5, none: 0 },
      rdRatioBands: [
        { atLeast: '0.05', points: 20 },
        { atLeast: '0.03', points: 15 },
        { atLeast: '0.02', points: 10 },
        { atLeast: '0.01', points: 5 },
      ],
      growthBands: [
        { atLeast: '0.15', points: 20 },
        { atLeast: '0.10', points: 15 },
        { atLeast: '0.05', points: 10 },
        { atLeast: '0', points: 5 },
      ],
      debtRatioBands: [
        { atMost: '0.55', points: 10 },
        { atMost: '0.75', points: 5 },
      ],
      fieldPoints: { strategic: 10, other: 5 },
      mainShareBands: [
        { atLeast: '0.70', points: 20 },
        { atLeast: '0.60', points: 15 },
        { atLeast: '0.55', points: 10 },
        { atLeast: '0.50', points: 5 },
      ],
      direct: [
        { key: 'provincialAward', label: '近三年内获得过国家级、省级科技奖励' },
        { key: 'hnteOrDemo', label: '获得高新技术企业、国家级技术创新示范企业、知识产权优势企业和知识产权示范企业等荣誉（均为有效期内）' },
        { key: 'provincialLab', label: '拥有经认定的省部级以上研发机构' },
        { key: 'equity500', label: '近三年新增股权融资总额（合格机构投资者的实缴额）500万元以上' },
      ],
    },
  },
];

export const SPECIALIZED: Dated<SpecializedRules>[] = [
  {
    since: 2026,
    source: cite('L2', '附件1 专精特新中小企业认定标准'),
    value: {
      certainty: 'fairly_sure',
      minNicheYears: 3,
      minRevenueWan: '1500',
      minMainShare: '0.80',
      maxDebtRatio: '0.80',
      minRdWan: '100',
      minRdShare: '0.03',
      minIpClass1SelfDeveloped: 1,
      minQualityScore: 50,
    },
  },
];

export const LITTLE_GIANT: Dated<LittleGiantRules>[] = [
  {
    since: 2026,
    source: cite('L2', '附件2 专精特新“小巨人”企业认定标准'),
    value: {
      certainty: 'fairly_sure',
      minNicheYears: 3,
      minRevenueWan: '5000',
      minMainShare: '0.90',
      minGrowth: '0.05',
      maxDebtRatio: '0.75',
      minRdTwoYearsWan: '1200',
      minRdShare: '0.03',
      minIpClass1SelfDeveloped: 4,
      minQualityScore: 60,
    },
  },
];

/** Where each condition's text sits, for the result's `source` line. */
export const LADDER_SOURCES: Record<'innovative' | 'specialized' | 'littleGiant', SourceRef> = {
  innovative: cite('L1', '附件1'),
  specialized: cite('L2', '附件1'),
  littleGiant: cite('L2', '附件2'),
};

