// The accounting identities a statement must satisfy. They check what was read and choose among OCR readings:
// three figures read independently that satisfy 资产总计 = 负债合计 + 所有者权益合计 are almost surely right.
import type { StatementKind } from '../schema.ts';
import type { ItemKey } from './catalog.ts';

export interface Identity {
  code: string;
  kind: StatementKind;
  /** total = Σ sign × term; terms not on the statement count as zero unless listed in `required`. */
  total: ItemKey;
  terms: { key: ItemKey; sign: 1n | -1n }[];
  required: ItemKey[];
  /** Only for statements that show (or lack) these lines — tells the 2019, 小企业 and old 损益表 formats apart. */
  when?: (has: (k: ItemKey) => boolean) => boolean;
  message: string;
}

const plus = (...keys: ItemKey[]) => keys.map((key) => ({ key, sign: 1n as const }));
const minus = (...keys: ItemKey[]) => keys.map((key) => ({ key, sign: -1n as const }));
const oldFormat = (has: (k: ItemKey) => boolean) => has('mainBusinessProfit');

const OPERATING_COSTS = minus('operatingCost', 'taxesAndSurcharges', 'sellingExpenses', 'adminExpenses', 'rdExpenses', 'financeExpenses');
const GAINS = plus('otherIncome', 'investmentIncome', 'netExposureHedge', 'fairValueChange', 'assetDisposal', 'exchangeGain');

export const IDENTITIES: Identity[] = [
  {
    code: 'BALANCE_IDENTITY', kind: 'balance_sheet', total: 'totalAssets', terms: plus('totalLiabilities', 'equity'),
    required: ['totalLiabilities', 'equity'], message: '资产总计 = 负债合计 + 所有者权益合计',
  },
  {
    code: 'BALANCE_TOTALS', kind: 'balance_sheet', total: 'totalAssets', terms: plus('liabilitiesAndEquity'),
    required: ['liabilitiesAndEquity'], message: '资产总计 = 负债和所有者权益总计',
  },
  {
    code: 'REVENUE_SPLIT', kind: 'income_statement', total: 'operatingRevenue',
    terms: plus('mainBusinessRevenue', 'otherBusinessRevenue'), required: ['mainBusinessRevenue', 'otherBusinessRevenue'],
    message: '营业收入 = 主营业务收入 + 其他业务收入',
  },
  {
    code: 'COST_SPLIT', kind: 'income_statement', total: 'operatingCost',
    terms: plus('mainBusinessCost', 'otherBusinessCost'), required: ['mainBusinessCost', 'otherBusinessCost'],
    message: '营业成本 = 主营业务成本 + 其他业务成本',
  },
  // 2019 format: impairment losses are printed negative and added (损失以"-"号填列).
  {
    code: 'OPERATING_PROFIT', kind: 'income_statement', total: 'operatingProfit',
    terms: [...plus('operatingRevenue'), ...OPERATING_COSTS, ...GAINS, ...plus('creditImpairment', 'assetImpairment')],
    required: ['operatingRevenue'], when: (has) => !oldFormat(has),
    message: '营业利润 = 营业收入 − 营业成本 − 税金及附加 − 期间费用 + 其他收益、投资收益等',
  },
  // 2018 format and some software: 减：资产减值损失, printed positive.
  {
    code: 'OPERATING_PROFIT', kind: 'income_statement', total: 'operatingProfit',
    terms: [...plus('operatingRevenue'), ...OPERATING_COSTS, ...GAINS, ...minus('creditImpairment', 'assetImpairment')],
    required: ['operatingRevenue'], when: (has) => !oldFormat(has) && (has('creditImpairment') || has('assetImpairment')),
    message: '营业利润 = 营业收入 − 营业成本 − 税金及附加 − 期间费用 − 减值损失 + 其他收益、投资收益等',
  },
  // Listed groups (金融类 subsidiaries): 营业总收入 − 营业总成本, which hold 利息收入/支出, 手续费 and the expenses.
  {
    code: 'OPERATING_PROFIT', kind: 'income_statement', total: 'operatingProfit',
    terms: [...plus('totalOperatingRevenue'), ...minus('totalOperatingCost'), ...GAINS, ...plus('creditImpairment', 'assetImpairment')],
    required: ['totalOperatingRevenue', 'totalOperatingCost'], when: (has) => !oldFormat(has),
    message: '营业利润 = 营业总收入 − 营业总成本 + 其他收益、投资收益等',
  },
  // Old 损益表: 主营业务利润 + 其他业务利润 − 营业费用 − 管理费用 − 财务费用 = 营业利润.
  {
    code: 'MAIN_BUSINESS_PROFIT', kind: 'income_statement', total: 'mainBusinessProfit',
    terms: [...plus('mainBusinessRevenue'), ...minus('mainBusinessCost', 'taxesAndSurcharges')],
    required: ['mainBusinessRevenue'], when: oldFormat, message: '主营业务利润 = 主营业务收入 − 主营业务成本 − 税金及附加',
  },
  {
    code: 'OPERATING_PROFIT', kind: 'income_statement', total: 'operatingProfit',
    terms: [...plus('mainBusinessProfit', 'otherBusinessProfit'), ...minus('sellingExpenses', 'adminExpenses', 'financeExpenses')],
    required: ['mainBusinessProfit'], when: oldFormat, message: '营业利润 = 主营业务利润 + 其他业务利润 − 期间费用',
  },
  {
    code: 'TOTAL_PROFIT', kind: 'income_statement', total: 'totalProfit',
    terms: [...plus('operatingProfit', 'nonOperatingIncome'), ...minus('nonOperatingExpense')],
    required: ['operatingProfit'], when: (has) => !oldFormat(has),
    message: '利润总额 = 营业利润 + 营业外收入 − 营业外支出',
  },
  {
    code: 'TOTAL_PROFIT', kind: 'income_statement', total: 'totalProfit',
    terms: [...plus('operatingProfit', 'investmentIncome', 'subsidyIncome', 'nonOperatingIncome'), ...minus('nonOperatingExpense')],
    required: ['operatingProfit'], when: oldFormat,
    message: '利润总额 = 营业利润 + 投资收益 + 补贴收入 + 营业外收入 − 营业外支出',
  },
  // A107012 (2021 version), as its row 46 prints it: 三、年度研发费用小计（2+42+44）. The 2018 version adds 80 % of
  // row 36 and has no row 42: the identity needs row 42 on the page.
  {
    code: 'RD_SUBTOTAL', kind: 'rd_deduction', total: 'rdSubtotal', terms: plus('rdOwn', 'rdDomesticAllowed', 'rdForeignAllowed'),
    required: ['rdOwn', 'rdDomesticAllowed'], message: '年度研发费用小计 = 自主研发、合作研发、集中研发 + 允许加计扣除的委托境内、境外研发费用（2+42+44）',
  },
  {
    code: 'NET_PROFIT', kind: 'income_statement', total: 'netProfit', terms: [...plus('totalProfit'), ...minus('incomeTax')],
    required: ['totalProfit'], message: '净利润 = 利润总额 − 所得税费用',
  },
];

export type Values = ReadonlyMap<ItemKey, bigint>;

/** undefined when the identity does not apply (a required line missing); otherwise whether it holds. */
export function holds(id: Identity, v: Values): boolean | undefined {
  const has = (k: ItemKey) => v.has(k);
  if (!v.has(id.total) || id.required.some((k) => !v.has(k))) return undefined;
  if (id.when && !id.when(has)) return undefined;
  const sum = id.terms.reduce((acc, t) => acc + t.sign * (v.get(t.key) ?? 0n), 0n);
  return sum === v.get(id.total);
}

/** Each identity code once: it holds if any of its format variants holds. */
export function evaluate(kind: StatementKind, v: Values): { code: string; ok: boolean; message: string; keys: ItemKey[] }[] {
  const byCode = new Map<string, { code: string; ok: boolean; message: string; keys: ItemKey[] }>();
  for (const id of IDENTITIES) {
    if (id.kind !== kind) continue;
    const r = holds(id, v);
    if (r === undefined) continue;
    const keys = [id.total, ...id.terms.map((t) => t.key).filter((k) => v.has(k))];
    const prev = byCode.get(id.code);
    if (!prev || (!prev.ok && r)) byCode.set(id.code, { code: id.code, ok: r, message: id.message, keys });
  }
  return [...byCode.values()];
}

/**
 * How far the failing identities are from holding: for each code, the smallest |terms − total| of its variants,
 * in 分. Readings that leave an identity failing either way are not equally wrong: a lost decimal point (42879
 * for 428.79) misses by a hundredfold, a slipped digit by a little.
 */
export function residuals(kind: StatementKind, v: Values): bigint[] {
  const byCode = new Map<string, bigint>();
  for (const id of IDENTITIES) {
    if (id.kind !== kind || holds(id, v) !== false) continue;
    const sum = id.terms.reduce((acc, t) => acc + t.sign * (v.get(t.key) ?? 0n), 0n);
    const d = sum - (v.get(id.total) ?? 0n);
    const abs = d < 0n ? -d : d;
    const prev = byCode.get(id.code);
    if (prev === undefined || abs < prev) byCode.set(id.code, abs);
  }
  return [...byCode.values()];
}
