import { rd, type Patch } from '../firm.ts';
import { c, type Case } from './table.ts';

// ── 科技人员 (20): 科技人员数 / 职工总数 ───────────────────────────────────────────────
const tech = (techStaff: string, employees = '400'): Patch => ({ staff: { employees, techStaff } });
export const techStaffBands: Case[] = [
  c('科技人员占比 30% 整（含）得 20 分', tech('120'), { scores: { techStaff: 20 }, ratios: { techStaff: '0.3000' } }),
  c('科技人员占比略低于 30% 得 16 分', tech('119.999999'), { scores: { techStaff: 16 } }),
  c('科技人员占比 25% 整得 16 分', tech('100'), { scores: { techStaff: 16 } }),
  c('科技人员占比略低于 25% 得 12 分', tech('99.999999'), { scores: { techStaff: 12 } }),
  c('科技人员占比 20% 整得 12 分', tech('80'), { scores: { techStaff: 12 } }),
  c('科技人员占比略低于 20% 得 8 分', tech('79.999999'), { scores: { techStaff: 8 } }),
  c('科技人员占比 15% 整得 8 分', tech('60'), { scores: { techStaff: 8 } }),
  c('科技人员占比略低于 15% 得 4 分', tech('59.999999'), { scores: { techStaff: 4 } }),
  c('科技人员占比 10% 整得 4 分', tech('40'), { scores: { techStaff: 4 } }),
  c('科技人员占比略低于 10% 得 0 分，且不符合', tech('39.999999'), {
    scores: { techStaff: 0 },
    qualified: false,
    reasons: ['TECH_STAFF_ZERO'],
  }),
  c('三分之一的科技人员（比值无限小数）得 20 分', tech('1', '3'), { scores: { techStaff: 20 }, ratios: { techStaff: '0.3333' } }),
  c('没有科技人员得 0 分', tech('0'), { scores: { techStaff: 0 }, reasons: ['TECH_STAFF_ZERO'] }),
];

// ── 研发投入 (50): the higher of R&D / 销售收入 and R&D / 成本费用支出总额 ─────────────────────
const bySales = (amount: string, sales = '1000'): Patch => ({
  finance: { salesRevenue: sales, totalCost: '100000' },
  rdProjects: rd(amount),
});
const byCost = (amount: string, cost = '1000'): Patch => ({
  finance: { salesRevenue: '20000', totalCost: cost },
  rdProjects: rd(amount),
});
export const rdBands: Case[] = [
  c('研发费用占销售收入 6.00% 整（含）得 50 分', bySales('60'), { scores: { rdBySales: 50, rd: 50 }, ratios: { rdBySales: '0.0600' } }),
  c('研发费用占销售收入 5.99% 得 40 分', bySales('59.9'), { scores: { rdBySales: 40 } }),
  c('研发费用占销售收入差 1 分到 6% 得 40 分', bySales('59.999999'), { scores: { rdBySales: 40 } }),
  c('浮点陷阱：0.18 / 3 恰为 6% 得 50 分', bySales('0.18', '3'), { scores: { rdBySales: 50 } }),
  c('浮点陷阱：0.42 / 7 恰为 6% 得 50 分', bySales('0.42', '7'), { scores: { rdBySales: 50 } }),
  c('浮点陷阱：0.3 / 10 恰为 3% 得 20 分', bySales('0.3', '10'), { scores: { rdBySales: 20 } }),
  c('研发费用占销售收入 5% 整得 40 分', bySales('50'), { scores: { rdBySales: 40 } }),
  c('研发费用占销售收入略低于 5% 得 30 分', bySales('49.999999'), { scores: { rdBySales: 30 } }),
  c('研发费用占销售收入 4% 整得 30 分', bySales('40'), { scores: { rdBySales: 30 } }),
  c('研发费用占销售收入略低于 4% 得 20 分', bySales('39.999999'), { scores: { rdBySales: 20 } }),
  c('研发费用占销售收入 3% 整得 20 分', bySales('30'), { scores: { rdBySales: 20 } }),
  c('研发费用占销售收入略低于 3% 得 10 分', bySales('29.999999'), { scores: { rdBySales: 10 } }),
  c('研发费用占销售收入 2% 整得 10 分', bySales('20'), { scores: { rdBySales: 10 } }),
  c('研发费用占销售收入略低于 2% 得 0 分', bySales('19.999999'), { scores: { rdBySales: 0 } }),
  c('研发费用占成本费用 30% 整（含）得 50 分', byCost('300'), { scores: { rdByCost: 50, rd: 50 }, ratios: { rdByCost: '0.3000' } }),
  c('研发费用占成本费用略低于 30% 得 40 分', byCost('299.999999'), { scores: { rdByCost: 40 } }),
  c('研发费用占成本费用 25% 整得 40 分', byCost('250'), { scores: { rdByCost: 40 } }),
  c('研发费用占成本费用略低于 25% 得 30 分', byCost('249.999999'), { scores: { rdByCost: 30 } }),
  c('研发费用占成本费用 20% 整得 30 分', byCost('200'), { scores: { rdByCost: 30 } }),
  c('研发费用占成本费用略低于 20% 得 20 分', byCost('199.999999'), { scores: { rdByCost: 20 } }),
  c('研发费用占成本费用 15% 整得 20 分', byCost('150'), { scores: { rdByCost: 20 } }),
  c('研发费用占成本费用略低于 15% 得 10 分', byCost('149.999999'), { scores: { rdByCost: 10 } }),
  c('研发费用占成本费用 10% 整得 10 分', byCost('100'), { scores: { rdByCost: 10 } }),
  c('研发费用占成本费用略低于 10% 得 0 分', byCost('99.999999'), { scores: { rdByCost: 0 } }),
  c('两个比例都算，取较高的一个计分', { finance: { salesRevenue: '1000', totalCost: '200' }, rdProjects: rd('45') }, {
    scores: { rdBySales: 30, rdByCost: 30, rd: 30 },
  }),
  c('成本比例更高时按成本比例计分', { finance: { salesRevenue: '1000', totalCost: '150' }, rdProjects: rd('45') }, {
    scores: { rdBySales: 30, rdByCost: 50, rd: 50 },
  }),
  c('销售收入为 0：销售比例不计分，由成本比例决定', { finance: { salesRevenue: '0', totalCost: '200' }, rdProjects: rd('60') }, {
    scores: { rdBySales: null, rdByCost: 50, rd: 50 },
    ratios: { rdBySales: null, rdByCost: '0.3000' },
    warnings: ['ZERO_REVENUE'],
  }),
  c('成本费用为 0：成本比例不计分', { finance: { salesRevenue: '1000', totalCost: '0' }, rdProjects: rd('60') }, {
    scores: { rdBySales: 50, rdByCost: null, rd: 50 },
  }),
  c('没有研发项目：研发投入 0 分', { rdProjects: [] }, { scores: { rdBySales: 0, rdByCost: 0, rd: 0 }, derived: { rdTotal: '0' } }),
];

// ── 科技成果 (30) ────────────────────────────────────────────────────────────────
const ip = (p: Record<string, number>): Patch => ({ ip: { invention: 0, ...p } });
export const ipBands: Case[] = [
  c('1 项Ⅰ类知识产权（发明专利）得 30 分', ip({ invention: 1 }), { scores: { ip: 30 } }),
  c('植物新品种属于Ⅰ类', ip({ plantVariety: 1 }), { scores: { ip: 30 } }),
  c('国家级农作物品种属于Ⅰ类', ip({ cropVariety: 1 }), { scores: { ip: 30 } }),
  c('国家新药属于Ⅰ类', ip({ newDrug: 1 }), { scores: { ip: 30 } }),
  c('国家一级中药保护品种属于Ⅰ类', ip({ tcmProtected: 1 }), { scores: { ip: 30 } }),
  c('集成电路布图设计专有权属于Ⅰ类', ip({ icLayout: 1 }), { scores: { ip: 30 } }),
  c('4 项Ⅱ类得 24 分', ip({ utilityModel: 2, design: 1, software: 1 }), { scores: { ip: 24 } }),
  c('多于 4 项Ⅱ类仍得 24 分', ip({ software: 9 }), { scores: { ip: 24 } }),
  c('3 项Ⅱ类得 18 分', ip({ software: 3 }), { scores: { ip: 18 } }),
  c('2 项Ⅱ类得 12 分', ip({ design: 2 }), { scores: { ip: 12 } }),
  c('1 项Ⅱ类得 6 分', ip({ utilityModel: 1 }), { scores: { ip: 6 } }),
  c('Ⅰ类与Ⅱ类都有时按Ⅰ类得 30 分（不累加）', ip({ invention: 1, software: 5 }), { scores: { ip: 30 } }),
  c('没有知识产权得 0 分，并列入现场核查情形', ip({}), { scores: { ip: 0 }, onSiteCheck: ['NO_IP'] }),
];

// ── 总分与合格线 ─────────────────────────────────────────────────────────────────
export const totals: Case[] = [
  c('总分 60 分整（含）且科技人员不为 0：符合', { rdProjects: rd('20') }, {
    total: 60,
    scores: { techStaff: 20, rd: 10, ip: 30 },
    qualified: true,
    route: 'score',
    reasons: [],
  }),
  c('总分 54 分：不符合（低于 60 分）', { staff: { employees: '100', techStaff: '10' }, rdProjects: rd('30'), ip: { invention: 1 } }, {
    total: 54,
    qualified: false,
    route: 'score',
    reasons: ['SCORE_BELOW_60'],
  }),
  c('总分 80 分但科技人员 0 分：不符合', { staff: { employees: '100', techStaff: '9' }, rdProjects: rd('60'), ip: { invention: 1 } }, {
    total: 80,
    qualified: false,
    reasons: ['TECH_STAFF_ZERO'],
  }),
  c('总分低于 60 且科技人员 0 分：两个原因都列出', { staff: { employees: '100', techStaff: '0' }, rdProjects: [], ip: { invention: 0 } }, {
    total: 0,
    reasons: ['SCORE_BELOW_60', 'TECH_STAFF_ZERO'],
    onSiteCheck: ['NO_IP', 'LOW_RD'],
  }),
  c('满分 100 分', {}, { total: 100, qualified: true, reasons: [] }),
];
