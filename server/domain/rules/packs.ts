// Policy packs: the national rules plus each region's wording, narrowing and dates (rules.md §1, §2, §7).
// A new region or next year's dates are an edit here.
import { cite, type SourceRef } from './sources.ts';

export interface PackDate {
  /** ISO date (Asia/Shanghai calendar day). */
  date: string;
  label: string;
  source: SourceRef;
  /** Carried over from the previous year's notice until this year's is published: shown as 预计. */
  provisional?: boolean;
  /** How sure the product is of the text behind the date (ladder.md): absent is sure; `fairly_sure` is known
   * from compilations citing an official notice we have not read, shown with "以当年官方通知为准". */
  certainty?: 'sure' | 'fairly_sure';
}

export interface YearDates {
  /** 评价系统关闭：the last day to submit the self-evaluation. */
  systemCloses: PackDate;
  systemOpens?: PackDate;
  /** Regional review deadline (e.g. Henan's 9月18日). */
  reviewDeadline?: PackDate;
  /** 企业所得税汇算清缴截止：a number obtained before it lets the firm claim the super-deduction. */
  taxFilingDeadline?: PackDate;
  /** 创新型 / 专精特新 annual information update. */
  tierUpdateDeadline?: PackDate;
  /** 专精特新"小巨人" filing window (ladder.md "Dates and upkeep"). */
  giantFilingOpens?: PackDate;
  giantFilingCloses?: PackDate;
}

export interface PolicyPack {
  id: string;
  name: string;
  /** The 直通车 research-institution condition as the region words (and may widen) it, when it differs. */
  lab?: { wording: string; source: SourceRef };
  /** A region that only evaluates firms registered there (rules.md §1 REG). */
  localRegistration?: { place: string; source: SourceRef };
  /** Evaluation year → that year's dates. */
  dates: Record<number, YearDates>;
  /** A rule that runs from an event, not a date: report a major change within `months` (ladder.md, L3). */
  majorChange?: { months: number; label: string; source: SourceRef };
}

const nationalDates2026: YearDates = {
  systemCloses: { date: '2026-08-31', label: '评价系统关闭（企业自评提交截止）', source: cite('S4') },
  taxFilingDeadline: {
    date: '2026-05-31',
    label: '企业所得税汇算清缴截止（在此前取得入库登记编号可享受研发费用加计扣除）',
    source: cite('S4', '豫科企〔2023〕2号'),
  },
  // ladder.md: the 2026 national measures set 5月31日 for 专精特新 (fairly sure); Henan keeps 4月30日 (L3).
  tierUpdateDeadline: {
    date: '2026-05-31',
    label: '专精特新中小企业年度信息更新截止（以当年官方通知为准）',
    source: cite('L2', '年度信息更新'),
    certainty: 'fairly_sure',
  },
  giantFilingOpens: {
    date: '2026-04-25',
    label: '专精特新“小巨人”企业申报开始（以当年官方通知为准）',
    source: cite('L2_GIANT_2026'),
    certainty: 'fairly_sure',
  },
  giantFilingCloses: {
    date: '2026-05-25',
    label: '专精特新“小巨人”企业申报截止（以当年官方通知为准）',
    source: cite('L2_GIANT_2026'),
    certainty: 'fairly_sure',
  },
};

// Henan's 细则 fixes 4月30日 every year for both titles, and a missed update costs the 复核 right (L3 第十四条).
const henanTierUpdate = (year: number): PackDate => ({
  date: `${year}-04-30`,
  label: '创新型/专精特新中小企业年度信息更新截止（逾期将失去复核资格）',
  source: cite('L3', '第十四条'),
});

// 2027: the 汇算清缴 and 梯度培育 dates are fixed by law and by S5 every year; the system's closing day is
// carried over from 2026 until the 2027 notices are out (rules.md §7 has none yet).
const nationalDates2027: YearDates = {
  systemCloses: {
    date: '2027-08-31',
    label: '评价系统关闭（预计，以2027年通知为准）',
    source: cite('S4', '2026年截止日期，2027年通知发布前沿用'),
    provisional: true,
  },
  taxFilingDeadline: {
    date: '2027-05-31',
    label: '企业所得税汇算清缴截止（在此前取得入库登记编号可享受研发费用加计扣除）',
    source: cite('CIT_LAW'),
  },
  tierUpdateDeadline: {
    date: '2027-05-31',
    label: '专精特新中小企业年度信息更新截止（预计，以2027年通知为准）',
    source: cite('L2', '年度信息更新，2027年沿用'),
    provisional: true,
    certainty: 'fairly_sure',
  },
  giantFilingOpens: {
    date: '2027-04-25',
    label: '专精特新“小巨人”企业申报开始（预计，以2027年通知为准）',
    source: cite('L2_GIANT_2026', '2026年申报时间，2027年通知发布前沿用'),
    provisional: true,
    certainty: 'fairly_sure',
  },
  giantFilingCloses: {
    date: '2027-05-25',
    label: '专精特新“小巨人”企业申报截止（预计，以2027年通知为准）',
    source: cite('L2_GIANT_2026', '2026年申报时间，2027年通知发布前沿用'),
    provisional: true,
    certainty: 'fairly_sure',
  },
};

export const PACKS: Record<string, PolicyPack> = {
  national: {
    id: 'national',
    name: '全国',
    dates: { 2026: nationalDates2026, 2027: nationalDates2027 },
  },
  henan: {
    id: 'henan',
    name: '河南省',
    majorChange: {
      months: 3,
      label: '企业发生更名、合并、重组、迁移或设立境外分支机构等重大变化的，应在3个月内报告',
      source: cite('L3', '第十五条'),
    },
    dates: {
      2023: {
        systemCloses: { date: '2023-09-30', label: '企业提交评价信息截止', source: cite('S4', '豫科企〔2023〕2号') },
        reviewDeadline: { date: '2023-10-13', label: '市级科技管理部门审核截止', source: cite('S4', '豫科企〔2023〕2号') },
        taxFilingDeadline: {
          date: '2023-05-31',
          label: '企业所得税汇算清缴截止（在此前取得入库登记编号可享受研发费用加计扣除）',
          source: cite('S4', '豫科企〔2023〕2号'),
        },
      },
      2026: {
        ...nationalDates2026,
        systemCloses: { date: '2026-08-31', label: '评价系统关闭（企业自评提交截止）', source: cite('S4', '豫科企〔2026〕6号') },
        reviewDeadline: { date: '2026-09-18', label: '审核材料提交截止', source: cite('S4', '豫科企〔2026〕6号') },
        tierUpdateDeadline: henanTierUpdate(2026),
      },
      2027: { ...nationalDates2027, tierUpdateDeadline: henanTierUpdate(2027) },
    },
  },
  ningbo: {
    id: 'ningbo',
    name: '宁波市',
    lab: { wording: '企业拥有经认定的省部级（含宁波市级）以上研发机构', source: cite('S4', '宁波2026年通知') },
    localRegistration: { place: '宁波市', source: cite('S4', '宁波2026年通知') },
    dates: {
      2026: {
        ...nationalDates2026,
        systemCloses: { date: '2026-08-31', label: '评价系统关闭（企业自评提交截止）', source: cite('S4', '宁波2026年通知') },
      },
      2027: nationalDates2027,
    },
  },
};

export const PACK_IDS = Object.keys(PACKS);

export function findPack(id: string): PolicyPack | undefined {
  return Object.hasOwn(PACKS, id) ? PACKS[id] : undefined;
}
