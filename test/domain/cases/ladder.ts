// The ladder's tables (ladder.md, contracts.md §5), read like the standards: every 创新型 band edge on both
// sides, each floor and direct condition, each 专精特新 / 小巨人 threshold exactly at and 1 分 (0.01 万元, or
// 0.000001 for ratios) beyond. The same tables run through the engine, the CLI and the API on both databases.
import type { AssessmentInputJson } from '../../../server/domain/schemas/assessment.ts';
import type { InnovativeResult, LadderState } from '../../../server/domain/schemas/ladder.ts';
import { firm, rd } from '../firm.ts';

type LadderIn = NonNullable<AssessmentInputJson['ladder']>;
type Fin = Partial<AssessmentInputJson['finance']>;

export interface LadderCase {
  name: string;
  input: AssessmentInputJson;
  expect: {
    innovative?: Partial<Pick<InnovativeResult, 'qualified' | 'route' | 'total' | 'missing'>> & {
      scores?: Partial<InnovativeResult['scores']>;
      groups?: Partial<InnovativeResult['groups']>;
      /** These input paths are listed in `missing`. */
      missingIncludes?: string[];
      /** Gap codes with the text they contain. */
      gaps?: Record<string, string>;
    };
    specialized?: { qualified?: false | null; states?: Record<string, LadderState>; gaps?: Record<string, string> };
    littleGiant?: { qualified?: false | null; states?: Record<string, LadderState>; gaps?: Record<string, string> };
    /** The 科技型 verdict of the same result. */
    tech?: boolean;
  };
}

// ── 创新型: a firm scoring 90 (ip 15, rd 20, growth 15, debt 10, field 10, main 20) ────────────────────
const innoLadder = (): LadderIn => ({
  previousYear: { mainBusinessRevenue: '700', operatingRevenue: '900', rdTotal: '50' },
  totalLiabilities: '500',
  ipClass1HighValue: 0,
  ipClass1SelfDeveloped: 1,
  leadingProductStrategic: true,
  innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: false, equity500: false },
  nicheYears: 4,
  marketShareLeading: null,
  chainKeyLink: null,
  titles: { innovative: false, specialized: false },
});

function inno(opts: { fin?: Fin; ladder?: Partial<LadderIn>; rdAmount?: string; ip?: Partial<AssessmentInputJson['ip']>; prev?: Partial<NonNullable<LadderIn['previousYear']>>; direct?: Partial<NonNullable<LadderIn['innovationDirect']>> } = {}): AssessmentInputJson {
  const base = { ...innoLadder(), ...noClass1(opts.ip) };
  const ladder: LadderIn = {
    ...base,
    ...opts.ladder,
    previousYear: { ...base.previousYear, ...opts.prev },
    innovationDirect: { ...base.innovationDirect, ...opts.direct },
  };
  return firm({
    finance: { totalAssets: '1000', netAssets: '500', salesRevenue: '1000', mainBusinessRevenue: '800', totalCost: '900', ...opts.fin },
    rdProjects: rd(opts.rdAmount ?? '60'),
    ip: { invention: 1, ...opts.ip },
    ladder,
  });
}
/** Without any Ⅰ类 item the ladder's Ⅰ类 subsets are 0 (validation refuses more). */
function noClass1(ip: Partial<AssessmentInputJson['ip']> | undefined): Partial<LadderIn> {
  return ip?.invention === 0 ? { ipClass1HighValue: 0, ipClass1SelfDeveloped: 0 } : {};
}
const ic = (name: string, input: AssessmentInputJson, innovative: LadderCase['expect']['innovative']): LadderCase => ({ name, input, expect: { innovative } });

export const innovativeCases: LadderCase[] = [
  ic('基准：得分90分，三组均达标，符合', inno(), {
    qualified: true, route: 'score', total: 90,
    scores: { ip: 15, rdRatio: 20, growth: 15, debtRatio: 10, field: 10, mainShare: 20 },
    groups: { capability: 35, growth: 25, specialization: 30 }, missing: [],
  }),
  // 研发费用占营业收入比重 (20): ≥5 % 20, 3–5 % 15, 2–3 % 10, 1–2 % 5, < 1 % 0
  ic('研发费用占比 5% 整得 20 分', inno({ rdAmount: '50' }), { scores: { rdRatio: 20 } }),
  ic('研发费用占比差 1 分到 5% 得 15 分', inno({ rdAmount: '49.99' }), { scores: { rdRatio: 15 } }),
  ic('研发费用占比 3% 整得 15 分', inno({ rdAmount: '30' }), { scores: { rdRatio: 15 } }),
  ic('研发费用占比差 1 分到 3% 得 10 分', inno({ rdAmount: '29.99' }), { scores: { rdRatio: 10 } }),
  ic('研发费用占比 2% 整得 10 分', inno({ rdAmount: '20' }), { scores: { rdRatio: 10 } }),
  ic('研发费用占比差 1 分到 2% 得 5 分', inno({ rdAmount: '19.99' }), { scores: { rdRatio: 5 } }),
  ic('研发费用占比 1% 整得 5 分', inno({ rdAmount: '10' }), { scores: { rdRatio: 5 } }),
  ic('研发费用占比差 1 分到 1% 得 0 分', inno({ rdAmount: '9.99' }), { scores: { rdRatio: 0 } }),
  // 上年主营业务收入增长率 (20): ≥15 % 20, 10–15 % 15, 5–10 % 10, 0–5 % 5, < 0 0 (previous year 1000)
  ...(
    [
      ['1150', 20, '增长率 15% 整得 20 分'],
      ['1149.99', 15, '增长率差 1 分到 15% 得 15 分'],
      ['1100', 15, '增长率 10% 整得 15 分'],
      ['1099.99', 10, '增长率差 1 分到 10% 得 10 分'],
      ['1050', 10, '增长率 5% 整得 10 分'],
      ['1049.99', 5, '增长率差 1 分到 5% 得 5 分'],
      ['1000', 5, '增长率 0（持平）得 5 分'],
      ['999.99', 0, '负增长（差 1 分）得 0 分'],
    ] as const
  ).map(([main, points, name]) =>
    ic(name, inno({ fin: { salesRevenue: '1200', mainBusinessRevenue: main }, prev: { mainBusinessRevenue: '1000' } }), { scores: { growth: points } }),
  ),
  ic('前一年主营业务收入为0：增长率不计分，列入待补充', inno({ prev: { mainBusinessRevenue: '0' } }), {
    scores: { growth: null }, groups: { growth: null }, total: null, missingIncludes: ['ladder.previousYear.mainBusinessRevenue'],
    qualified: null, // growth 0 would leave 成长性 at 10, below its floor of 15: the growth decides
  }),
  ic('未填前一年主营业务收入：增长率为 null，列入待补充', inno({ prev: { mainBusinessRevenue: null } }), {
    scores: { growth: null }, total: null, missingIncludes: ['ladder.previousYear.mainBusinessRevenue'],
  }),
  ic('未填主营业务收入：增长率与主营占比均为 null，结论待定', inno({ fin: { mainBusinessRevenue: undefined } }), {
    scores: { growth: null, mainShare: null }, qualified: null, route: 'score', missingIncludes: ['finance.mainBusinessRevenue'],
  }),
  // 上年资产负债率 (10): ≤55 % 10, 55–75 % 5, > 75 % 0 (assets 1000)
  ic('资产负债率 55% 整得 10 分', inno({ ladder: { totalLiabilities: '550' } }), { scores: { debtRatio: 10 } }),
  ic('资产负债率超 55% 1 分得 5 分', inno({ ladder: { totalLiabilities: '550.01' } }), { scores: { debtRatio: 5 } }),
  ic('资产负债率 75% 整得 5 分', inno({ ladder: { totalLiabilities: '750' } }), { scores: { debtRatio: 5 } }),
  ic('资产负债率超 75% 1 分得 0 分', inno({ ladder: { totalLiabilities: '750.01' } }), { scores: { debtRatio: 0 } }),
  ic('未填负债合计：按资产总额－净资产计算（1000 − 450 = 550，得 10 分）', inno({ ladder: { totalLiabilities: null }, fin: { netAssets: '450' } }), { scores: { debtRatio: 10 } }),
  ic('未填负债合计也未填净资产：资产负债率待补充', inno({ ladder: { totalLiabilities: null }, fin: { netAssets: undefined } }), {
    scores: { debtRatio: null }, missingIncludes: ['ladder.totalLiabilities'], qualified: true,
  }),
  ic('净资产大于资产总额（负债不可能为负）：不推算，资产负债率待补充', inno({ ladder: { totalLiabilities: null }, fin: { netAssets: '1000.01' } }), {
    scores: { debtRatio: null }, missingIncludes: ['ladder.totalLiabilities'],
  }),
  // 主导产品所属领域 (10)
  ic('主导产品属于重点领域得 10 分', inno({ ladder: { leadingProductStrategic: true } }), { scores: { field: 10 } }),
  ic('主导产品属于其他领域得 5 分', inno({ ladder: { leadingProductStrategic: false } }), { scores: { field: 5 } }),
  ic('未回答主导产品领域：null，列入待补充', inno({ ladder: { leadingProductStrategic: null } }), { scores: { field: null }, missingIncludes: ['ladder.leadingProductStrategic'] }),
  // 主营业务收入占营业收入比重 (20): ≥70 % 20, 60–70 % 15, 55–60 % 10, 50–55 % 5, < 50 % 0 (revenue 1000)
  ...(
    [
      ['700', 20, '主营占比 70% 整得 20 分'],
      ['699.99', 15, '主营占比差 1 分到 70% 得 15 分'],
      ['600', 15, '主营占比 60% 整得 15 分'],
      ['599.99', 10, '主营占比差 1 分到 60% 得 10 分'],
      ['550', 10, '主营占比 55% 整得 10 分'],
      ['549.99', 5, '主营占比差 1 分到 55% 得 5 分'],
      ['500', 5, '主营占比 50% 整得 5 分'],
      ['499.99', 0, '主营占比差 1 分到 50% 得 0 分'],
    ] as const
  ).map(([main, points, name]) => ic(name, inno({ fin: { mainBusinessRevenue: main } }), { scores: { mainShare: points } })),
  // 与主导产品相关的有效知识产权 (20)
  ic('高价值Ⅰ类知识产权得 20 分', inno({ ladder: { ipClass1HighValue: 1 } }), { scores: { ip: 20 } }),
  ic('自主研发Ⅰ类知识产权得 15 分', inno({ ladder: { ipClass1HighValue: 0, ipClass1SelfDeveloped: 1 } }), { scores: { ip: 15 } }),
  ic('Ⅰ类知识产权（非自主研发）得 10 分', inno({ ladder: { ipClass1HighValue: 0, ipClass1SelfDeveloped: 0 } }), { scores: { ip: 10 } }),
  ic('只有Ⅱ类知识产权得 5 分', inno({ ip: { invention: 0, software: 2 }, ladder: { ipClass1HighValue: null, ipClass1SelfDeveloped: null } }), { scores: { ip: 5 } }),
  ic('没有知识产权得 0 分', inno({ ip: { invention: 0 } }), { scores: { ip: 0 } }),
  ic('有Ⅰ类但未回答是否高价值：null，列入待补充', inno({ ladder: { ipClass1HighValue: null } }), {
    scores: { ip: null }, missingIncludes: ['ladder.ipClass1HighValue'], qualified: true,
  }),
  // 三组底线：创新能力 ≥ 20, 成长性 ≥ 15, 专业化 ≥ 15
  ic('创新能力 15 分（低于20）：总分 70 仍不符合', inno({ ip: { invention: 0 }, rdAmount: '30' }), {
    groups: { capability: 15 }, total: 70, qualified: false, route: 'score',
    gaps: { rdRatio: '上年研发费用需达到 50.00 万元（差 20.00 万元）', ip: 'Ⅱ类知识产权' },
  }),
  ic('创新能力恰好 20 分：符合', inno({ ip: { invention: 0, utilityModel: 1 }, rdAmount: '30' }), { groups: { capability: 20 }, qualified: true }),
  ic('成长性 10 分（低于15）：不符合', inno({ fin: { salesRevenue: '2000', mainBusinessRevenue: '1400' }, prev: { mainBusinessRevenue: '1400' }, rdAmount: '100', ladder: { totalLiabilities: '600' } }), {
    groups: { growth: 10 }, qualified: false,
    gaps: { growth: '上年主营业务收入增长率需再提高 5 个百分点（达到 5%）', debtRatio: '负债需减少 50.00 万元（资产负债率降至 55% 及以下）' },
  }),
  ic('成长性恰好 15 分：符合', inno({ fin: { salesRevenue: '2000', mainBusinessRevenue: '1400' }, prev: { mainBusinessRevenue: '1400' }, rdAmount: '100' }), { groups: { growth: 15 }, qualified: true }),
  ic('专业化恰好 15 分（5 + 10）：符合', inno({ fin: { mainBusinessRevenue: '550' }, prev: { mainBusinessRevenue: '500' }, ladder: { leadingProductStrategic: false } }), {
    groups: { specialization: 15 }, qualified: true,
  }),
  ic('专业化 10 分（5 + 5）：不符合，主营占比需提高', inno({ fin: { mainBusinessRevenue: '500' }, prev: { mainBusinessRevenue: '450' }, ladder: { leadingProductStrategic: false } }), {
    groups: { specialization: 10 }, qualified: false, gaps: { mainShare: '主营业务收入占营业收入比重需再提高 5 个百分点（达到 55%）' },
  }),
  // 总分 60 分线
  ic('总分恰好 60 分（三组均达标）：符合', inno({ rdAmount: '30', ladder: { ipClass1SelfDeveloped: 0, leadingProductStrategic: false, totalLiabilities: '600' }, fin: { salesRevenue: '1000', mainBusinessRevenue: '600' }, prev: { mainBusinessRevenue: '570' } }), {
    total: 60, qualified: true, scores: { ip: 10, rdRatio: 15, growth: 10, debtRatio: 5, field: 5, mainShare: 15 },
  }),
  ic('总分 55 分：不符合', inno({ rdAmount: '29.99', ladder: { ipClass1SelfDeveloped: 0, leadingProductStrategic: false, totalLiabilities: '600' }, fin: { salesRevenue: '1000', mainBusinessRevenue: '600' }, prev: { mainBusinessRevenue: '570' } }), {
    total: 55, qualified: false, gaps: { rdRatio: '上年研发费用需达到 30.00 万元（差 0.01 万元）' },
  }),
  // 直接认定条件 (any one)
  ...(['provincialAward', 'hnteOrDemo', 'provincialLab', 'equity500'] as const).map((key) =>
    ic(`直接认定：${key} 为是，得分不足也符合`, inno({ ip: { invention: 0 }, rdAmount: '0.5', direct: { [key]: true } }), { qualified: true, route: 'direct', gaps: undefined }),
  ),
  ic('直接认定条件有一项未回答、得分不足：结论待定', inno({ ip: { invention: 0 }, rdAmount: '0.5', direct: { equity500: null } }), {
    qualified: null, route: null, missingIncludes: ['ladder.innovationDirect.equity500'],
  }),
  ic('直接认定条件未回答、但得分已达标：按评分符合', inno({ direct: { equity500: null, provincialAward: null } }), { qualified: true, route: 'score', missing: [] }),
  ic('直接认定条件全部为否、得分不足：不符合', inno({ ip: { invention: 0 }, rdAmount: '0.5' }), { qualified: false, route: 'score' }),
  ic('持有高新技术企业证书（科技型直通车）即满足创新型直接认定', inno({ ip: { invention: 0 }, rdAmount: '0.5', direct: { hnteOrDemo: null } }), { route: 'direct', qualified: true }),
  ic('未填任何梯度培育信息：结论待定，列出待补充项', { ...firm({ finance: { totalAssets: '1000', netAssets: '500', salesRevenue: '1000', mainBusinessRevenue: '800', totalCost: '900' } }) }, {
    qualified: null, route: null,
    missingIncludes: ['ladder.ipClass1HighValue', 'ladder.previousYear.mainBusinessRevenue', 'ladder.leadingProductStrategic', 'ladder.innovationDirect.provincialAward'],
  }),
];
// The HNTE case sets directPass.highTechCertificate: patch it in.
{
  const c = innovativeCases.find((x) => x.name.startsWith('持有高新技术企业证书'))!;
  c.input = { ...c.input, directPass: { ...c.input.directPass, highTechCertificate: true } };
}

// ── 专精特新: a firm meeting every condition it can (revenue 2000, main 90 %, debt 50 %, R&D 100 both years) ──
const specLadder = (): LadderIn => ({
  previousYear: { mainBusinessRevenue: '1700', operatingRevenue: '1800', rdTotal: '100' },
  totalLiabilities: '1000',
  ipClass1HighValue: 0,
  ipClass1SelfDeveloped: 1,
  leadingProductStrategic: true,
  innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: false, equity500: false },
  nicheYears: 3,
  titles: { innovative: true, specialized: false },
});
function spec(opts: { fin?: Fin; ladder?: Partial<LadderIn>; rdAmount?: string; prev?: Partial<NonNullable<LadderIn['previousYear']>>; direct?: Partial<NonNullable<LadderIn['innovationDirect']>>; ip?: Partial<AssessmentInputJson['ip']>; patch?: Parameters<typeof firm>[0] } = {}): AssessmentInputJson {
  const base = { ...specLadder(), ...noClass1(opts.ip) };
  return firm({
    ...opts.patch,
    finance: { totalAssets: '2000', netAssets: '1000', salesRevenue: '2000', mainBusinessRevenue: '1800', totalCost: '1900', ...opts.fin },
    rdProjects: rd(opts.rdAmount ?? '100'),
    ip: { invention: 1, ...opts.ip },
    ladder: { ...base, ...opts.ladder, previousYear: { ...base.previousYear, ...opts.prev }, innovationDirect: { ...base.innovationDirect, ...opts.direct } },
  });
}
const sc = (name: string, input: AssessmentInputJson, e: NonNullable<LadderCase['expect']['specialized']>, tech?: boolean): LadderCase => ({
  name,
  input,
  expect: { specialized: e, ...(tech === undefined ? {} : { tech }) },
});

export const specializedCases: LadderCase[] = [
  sc('基准：可判断的条件全部满足，质量得分与市场占有率由平台评价，结论为 null', spec(), {
    qualified: null,
    states: { TITLE: 'met', NICHE_YEARS: 'met', REVENUE: 'met', MAIN_SHARE: 'met', DEBT_RATIO: 'met', RD: 'met', IP_CLASS1: 'met', MARKET_SHARE: 'platform', QUALITY_SCORE: 'platform' },
  }),
  sc('营业收入 1500 万元整：满足', spec({ fin: { salesRevenue: '1500', mainBusinessRevenue: '1350' } }), { states: { REVENUE: 'met' } }),
  sc('营业收入差 1 分到 1500 万元、无股权融资：不满足，差 0.01 万元', spec({ fin: { salesRevenue: '1499.99', mainBusinessRevenue: '1350' } }), {
    qualified: false, states: { REVENUE: 'unmet' }, gaps: { REVENUE: '营业收入需达到 1,500.00 万元（差 0.01 万元）' },
  }),
  sc('营业收入不足、股权融资未回答：待定', spec({ fin: { salesRevenue: '1499.99', mainBusinessRevenue: '1350' }, direct: { equity500: null } }), { qualified: null, states: { REVENUE: 'unknown' } }),
  sc('主营业务收入占比 80% 整：满足', spec({ fin: { mainBusinessRevenue: '1600' } }), { states: { MAIN_SHARE: 'met' } }),
  sc('主营业务收入占比差 1 分到 80%：不满足', spec({ fin: { mainBusinessRevenue: '1599.99' } }), {
    qualified: false, states: { MAIN_SHARE: 'unmet' }, gaps: { MAIN_SHARE: '主营业务收入占营业收入比重需再提高 0.01 个百分点（达到 80%）' },
  }),
  sc('主营业务收入占比 76.8%：需再提高 3.2 个百分点', spec({ fin: { mainBusinessRevenue: '1536' } }), { gaps: { MAIN_SHARE: '需再提高 3.2 个百分点' } }),
  sc('资产负债率 80% 整：满足', spec({ ladder: { totalLiabilities: '1600' } }), { states: { DEBT_RATIO: 'met' } }),
  sc('资产负债率超 80% 1 分：不满足', spec({ ladder: { totalLiabilities: '1600.01' } }), {
    qualified: false, states: { DEBT_RATIO: 'unmet' }, gaps: { DEBT_RATIO: '负债需减少 0.01 万元' },
  }),
  sc('上年研发费用 100 万元整：满足', spec({ rdAmount: '100' }), { states: { RD: 'met' } }),
  sc('上年研发费用 87.6 万元：研发费用需达到 100 万元（差 12.40 万元）', spec({ rdAmount: '87.6' }), {
    qualified: false, states: { RD: 'unmet' }, gaps: { RD: '上年研发费用需达到 100.00 万元（差 12.40 万元）' },
  }),
  sc('研发费用占营业收入 3% 整（收入 4000）：满足', spec({ fin: { salesRevenue: '4000', mainBusinessRevenue: '3600', totalAssets: '4000' }, rdAmount: '120' }), { states: { RD: 'met' } }),
  sc('研发费用占营业收入差 1 分到 3%：不满足', spec({ fin: { salesRevenue: '4000', mainBusinessRevenue: '3600', totalAssets: '4000' }, rdAmount: '119.99' }), {
    states: { RD: 'unmet' }, gaps: { RD: '上年研发费用需达到 120.00 万元（差 0.01 万元）' },
  }),
  sc('前一年研发费用差 1 分到 100 万元：不满足（已发生）', spec({ prev: { rdTotal: '99.99' } }), { qualified: false, states: { RD: 'unmet' }, gaps: { RD: '前一年研发费用未达标' } }),
  sc('前一年研发费用占比差 1 分到 3%（前一年收入 3400，需 102）：不满足', spec({ prev: { rdTotal: '101.99', operatingRevenue: '3400' } }), { states: { RD: 'unmet' } }),
  sc('前一年研发费用占比 3% 整：满足', spec({ prev: { rdTotal: '102', operatingRevenue: '3400' } }), { states: { RD: 'met' } }),
  sc('未填前一年研发费用：待定', spec({ prev: { rdTotal: null } }), { qualified: null, states: { RD: 'unknown' } }),
  sc('未填前一年营业收入：研发占比待定', spec({ prev: { operatingRevenue: null } }), { states: { RD: 'unknown' } }),
  sc('自主研发Ⅰ类知识产权 0 项、无研发机构和奖励：不满足', spec({ ladder: { ipClass1SelfDeveloped: 0 } }), {
    qualified: false, states: { IP_CLASS1: 'unmet' }, gaps: { IP_CLASS1: '需再取得 1 项自主研发的Ⅰ类知识产权' },
  }),
  sc('没有Ⅰ类知识产权但拥有省部级以上研发机构：免于此项', spec({ ip: { invention: 0 }, direct: { provincialLab: true } }), { states: { IP_CLASS1: 'met' } }),
  sc('没有自主研发Ⅰ类、获得省部级以上科技奖励（排名未问）：待定', spec({ ladder: { ipClass1SelfDeveloped: 0 }, direct: { provincialAward: true } }), { states: { IP_CLASS1: 'unknown' } }),
  sc('未回答自主研发Ⅰ类件数：待定', spec({ ladder: { ipClass1SelfDeveloped: null } }), { states: { IP_CLASS1: 'unknown' } }),
  sc('从事细分市场 3 年整：满足', spec({ ladder: { nicheYears: 3 } }), { states: { NICHE_YEARS: 'met' } }),
  sc('从事细分市场 2.9 年：不满足', spec({ ladder: { nicheYears: 2.9 } }), { states: { NICHE_YEARS: 'unmet' }, gaps: { NICHE_YEARS: '还差 0.1 年' } }),
  sc('未回答细分市场年限：待定', spec({ ladder: { nicheYears: null } }), { states: { NICHE_YEARS: 'unknown' } }),
  sc('本次科技型符合即视为持有称号（未取得创新型）', spec({ ladder: { titles: { innovative: false } } }), { states: { TITLE: 'met' } }, true),
  sc('科技型不符合且无创新型称号：不满足', spec({ ladder: { titles: { innovative: false } }, patch: { basic: { creditClean: false } } }), { qualified: false, states: { TITLE: 'unmet' } }, false),
  sc('科技型不符合、创新型称号未回答：待定', spec({ ladder: { titles: { innovative: null } }, patch: { basic: { creditClean: false } } }), { states: { TITLE: 'unknown' } }, false),
  sc('科技型不符合但持有创新型称号：满足', spec({ ladder: { titles: { innovative: true } }, patch: { basic: { creditClean: false } } }), { states: { TITLE: 'met' } }, false),
];

// ── 小巨人: revenue 6300, main 5700 (90.48 %), debt 75 %, R&D 600 + 600, 4 self-developed Ⅰ类 ─────────────
const giantLadder = (): LadderIn => ({
  previousYear: { mainBusinessRevenue: '5400', operatingRevenue: '6000', rdTotal: '600' },
  totalLiabilities: '4725',
  ipClass1HighValue: 0,
  ipClass1SelfDeveloped: 4,
  leadingProductStrategic: true,
  innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: false, equity500: false },
  nicheYears: 5,
  marketShareLeading: true,
  chainKeyLink: true,
  titles: { innovative: true, specialized: true },
});
function giant(opts: { fin?: Fin; ladder?: Partial<LadderIn>; rdAmount?: string; prev?: Partial<NonNullable<LadderIn['previousYear']>>; direct?: Partial<NonNullable<LadderIn['innovationDirect']>>; patch?: Parameters<typeof firm>[0] } = {}): AssessmentInputJson {
  const base = giantLadder();
  return firm({
    ...opts.patch,
    finance: { totalAssets: '6300', netAssets: '1575', salesRevenue: '6300', mainBusinessRevenue: '5700', totalCost: '5900', ...opts.fin },
    rdProjects: rd(opts.rdAmount ?? '600'),
    ip: { invention: 4 },
    ladder: { ...base, ...opts.ladder, previousYear: { ...base.previousYear, ...opts.prev }, innovationDirect: { ...base.innovationDirect, ...opts.direct } },
  });
}
const gc = (name: string, input: AssessmentInputJson, e: NonNullable<LadderCase['expect']['littleGiant']>): LadderCase => ({ name, input, expect: { littleGiant: e } });

export const littleGiantCases: LadderCase[] = [
  gc('基准：可判断的条件全部满足，质量得分由平台评价，结论为 null', giant(), {
    qualified: null,
    states: { TITLE: 'met', NICHE_YEARS: 'met', REVENUE: 'met', MAIN_SHARE: 'met', GROWTH: 'met', DEBT_RATIO: 'met', RD: 'met', IP_CLASS1: 'met', MARKET_SHARE: 'met', CHAIN: 'met', QUALITY_SCORE: 'platform' },
  }),
  gc('未取得专精特新称号：不满足', giant({ ladder: { titles: { specialized: false } } }), { qualified: false, states: { TITLE: 'unmet' } }),
  gc('营业收入 5000 万元整：满足', giant({ fin: { salesRevenue: '5000', mainBusinessRevenue: '4500', totalAssets: '6300' }, prev: { operatingRevenue: '4700' }, rdAmount: '600' }), { states: { REVENUE: 'met' } }),
  gc('营业收入差 1 分到 5000 万元：不满足', giant({ fin: { salesRevenue: '4999.99', mainBusinessRevenue: '4500' }, prev: { operatingRevenue: '4700' } }), {
    qualified: false, states: { REVENUE: 'unmet' }, gaps: { REVENUE: '营业收入需达到 5,000.00 万元（差 0.01 万元）' },
  }),
  gc('主营业务收入占比 90% 整：满足', giant({ fin: { mainBusinessRevenue: '5670' } }), { states: { MAIN_SHARE: 'met' } }),
  gc('主营业务收入占比差 1 分到 90%：不满足', giant({ fin: { mainBusinessRevenue: '5669.99' } }), { states: { MAIN_SHARE: 'unmet' } }),
  gc('营业收入增长 5% 整（6000 → 6300）：满足', giant(), { states: { GROWTH: 'met' } }),
  gc('营业收入增长差 1 分到 5%（前一年 6000.01）：不满足', giant({ prev: { operatingRevenue: '6000.01' } }), {
    states: { GROWTH: 'unmet' }, gaps: { GROWTH: '上年营业收入需达到 6,300.02 万元（差 0.02 万元）' },
  }),
  gc('前一年营业收入为0：增长率无法计算，待定', giant({ prev: { operatingRevenue: '0' } }), { states: { GROWTH: 'unknown' } }),
  gc('未填前一年营业收入：待定', giant({ prev: { operatingRevenue: null } }), { states: { GROWTH: 'unknown' } }),
  gc('资产负债率 75% 整：满足', giant({ ladder: { totalLiabilities: '4725' } }), { states: { DEBT_RATIO: 'met' } }),
  gc('资产负债率超 75% 1 分：不满足', giant({ ladder: { totalLiabilities: '4725.01' } }), { states: { DEBT_RATIO: 'unmet' }, gaps: { DEBT_RATIO: '负债需减少 0.01 万元' } }),
  gc('近两年研发费用合计 1200 万元整：满足', giant({ rdAmount: '600', prev: { rdTotal: '600' } }), { states: { RD: 'met' } }),
  gc('近两年研发费用合计差 1 分到 1200 万元：不满足', giant({ rdAmount: '599.99', prev: { rdTotal: '600' } }), {
    states: { RD: 'unmet' }, gaps: { RD: '上年研发费用需达到 600.00 万元（差 0.01 万元）' },
  }),
  gc('前一年研发占比差 1 分到 3%（前一年收入 6000，需 180）：不满足', giant({ rdAmount: '1100', prev: { rdTotal: '179.99' } }), { states: { RD: 'unmet' } }),
  gc('自主研发Ⅰ类 4 项整：满足', giant({ ladder: { ipClass1SelfDeveloped: 4 } }), { states: { IP_CLASS1: 'met' } }),
  gc('自主研发Ⅰ类 3 项、无国家级科技奖励：不满足，需再取得 1 项', giant({ ladder: { ipClass1SelfDeveloped: 3 } }), {
    states: { IP_CLASS1: 'unmet' }, gaps: { IP_CLASS1: '需再取得 1 项自主研发的Ⅰ类知识产权' },
  }),
  gc('自主研发Ⅰ类 3 项、国家级科技奖励前三（年份未知）：待定', giant({ ladder: { ipClass1SelfDeveloped: 3 }, direct: { provincialAward: true }, patch: { directPass: { highTechCertificate: false, nationalAwardTop3: true, provincialRdInstitution: false, ledStandard: false } } }), {
    states: { IP_CLASS1: 'unknown' },
  }),
  gc('细分市场占有率未达标：不满足', giant({ ladder: { marketShareLeading: false } }), { qualified: false, states: { MARKET_SHARE: 'unmet' } }),
  gc('细分市场占有率未回答：待定', giant({ ladder: { marketShareLeading: null } }), { states: { MARKET_SHARE: 'unknown' } }),
  gc('主导产品不在产业链关键环节：不满足', giant({ ladder: { chainKeyLink: false } }), { states: { CHAIN: 'unmet' } }),
  gc('产业链关键环节未回答：待定', giant({ ladder: { chainKeyLink: null } }), { states: { CHAIN: 'unknown' } }),
  gc('从事细分市场 2 年：不满足', giant({ ladder: { nicheYears: 2 } }), { states: { NICHE_YEARS: 'unmet' } }),
];

export const LADDER_CASES = { innovativeCases, specializedCases, littleGiantCases };
export const ALL_LADDER_CASES = [...innovativeCases, ...specializedCases, ...littleGiantCases];

