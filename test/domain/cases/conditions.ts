import { rd, type Patch } from '../firm.ts';
import { c, type Case } from './table.ts';

// ── 基本条件 (rules.md §1) and 研发支出辅助账 (§5) ─────────────────────────────────────
const basic = (b: Record<string, unknown>): Patch => ({ basic: b as Patch['basic'] });
const quarters = (start: number, end: number) => ({
  quarters: [0, 1, 2, 3].map((i) => ({
    startEmployees: start,
    endEmployees: i === 3 ? end : start,
    startTech: 150,
    endTech: 150,
  })),
});
export const conditions: Case[] = [
  c('非境内注册的居民企业：不符合（REG）', basic({ registeredInMainland: false }), { qualified: false, route: null, reasons: ['REG'] }),
  c('产品属于禁止、限制和淘汰类：不符合（SCOPE）', basic({ productsAllowed: false }), { route: null, reasons: ['SCOPE'] }),
  c('有重大事故或列入失信名单：不符合（CREDIT）', basic({ creditClean: false }), { route: null, reasons: ['CREDIT'] }),
  c('企业所得税核定征收：不符合（TAX_METHOD）', basic({ taxCollection: 'assessed' }), { route: null, reasons: ['TAX_METHOD'] }),
  c('批发和零售业（F）不适用加计扣除：不符合（INDUSTRY）', basic({ industryCode: 'F5211' }), { route: null, reasons: ['INDUSTRY'] }),
  c('烟草制品业（C16）：不符合', basic({ industryCode: 'C1610' }), { reasons: ['INDUSTRY'] }),
  c('住宿和餐饮业（H）：不符合', basic({ industryCode: 'H62' }), { reasons: ['INDUSTRY'] }),
  c('房地产业（K）：不符合', basic({ industryCode: 'K7010' }), { reasons: ['INDUSTRY'] }),
  c('租赁和商务服务业（L）：不符合', basic({ industryCode: 'L72' }), { reasons: ['INDUSTRY'] }),
  c('娱乐业（R90）：不符合', basic({ industryCode: 'R9011' }), { reasons: ['INDUSTRY'] }),
  c('文化艺术业（R88）不在排除之列', basic({ industryCode: 'R88' }), { reasons: [] }),
  c('烟草以外的制造业（C39）不在排除之列', basic({ industryCode: 'c39' }), { reasons: [] }),
  c('未填行业代码：不判不符合，但提示未核对', basic({ industryCode: undefined }), { reasons: [], warnings: ['INDUSTRY_NOT_CHECKED'] }),
  c('职工总数 500 人整：符合规模', { staff: quarters(500, 500) }, { reasons: [], derived: { employees: '500' } }),
  c('职工总数 500.125 人（季平均）：超过 500 人', { staff: quarters(500, 501) }, {
    route: null,
    reasons: ['SIZE_EMPLOYEES'],
    derived: { employees: '500.13' },
  }),
  c('销售收入 2 亿元整：符合规模', { finance: { salesRevenue: '20000', totalCost: '900' }, rdProjects: rd('300') }, { reasons: [] }),
  c('销售收入超过 2 亿元 1 分：不符合', { finance: { salesRevenue: '20000.000001', totalCost: '900' }, rdProjects: rd('300') }, {
    route: null,
    reasons: ['SIZE_REVENUE'],
  }),
  c('资产总额 2 亿元整：符合规模', { finance: { totalAssets: '20000' } }, { reasons: [] }),
  c('资产总额超过 2 亿元 1 分：不符合', { finance: { totalAssets: '20000.000001' } }, { route: null, reasons: ['SIZE_ASSETS'] }),
  c('规模三项都超：三个原因都列出', { staff: quarters(600, 600), finance: { salesRevenue: '30000', totalAssets: '30000', totalCost: '900' }, rdProjects: rd('300') }, {
    reasons: ['SIZE_EMPLOYEES', 'SIZE_REVENUE', 'SIZE_ASSETS'],
  }),
  c('未设置研发支出辅助账：不符合（NO_RD_ACCOUNT）', { rdAuxiliaryAccount: false }, {
    qualified: false,
    route: 'score',
    reasons: ['NO_RD_ACCOUNT'],
  }),
  c('多项不符合同时列出（按表单顺序）', {
    basic: { registeredInMainland: false, taxCollection: 'assessed', industryCode: 'F51' },
    rdAuxiliaryAccount: false,
    staff: { employees: '100', techStaff: '5' },
  }, { route: null, reasons: ['REG', 'TAX_METHOD', 'INDUSTRY', 'NO_RD_ACCOUNT', 'TECH_STAFF_ZERO'] }),
  c('基本条件不符且得分不足：得分原因也列出', { basic: { creditClean: false }, rdProjects: [], ip: { invention: 0 } }, {
    route: null,
    reasons: ['CREDIT', 'SCORE_BELOW_60'],
  }),
];
