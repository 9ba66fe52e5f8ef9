import { firm } from '../firm.ts';
import type { InvalidCase } from './table.ts';

// ── 输入错误 (contracts.md §1: every problem at once, with path, code and Chinese message) ──────
export const invalid: InvalidCase[] = [
  { name: '职工总数为 0 是输入错误', input: firm({ staff: { employees: '0', techStaff: '0' } }), issues: [['staff.employees', 'ZERO_EMPLOYEES']] },
  {
    name: '销售收入和成本费用都为 0 是输入错误',
    input: firm({ finance: { salesRevenue: '0', totalCost: '0' } }),
    issues: [['finance.salesRevenue', 'ZERO_REVENUE_AND_COST']],
  },
  { name: '未知地区', input: firm({ region: 'shanghai-x' }), issues: [['region', 'UNKNOWN_REGION']] },
  {
    name: '金额不能带单位或逗号、不能为负、不能超过 6 位小数',
    input: firm({ finance: { salesRevenue: '1,000', totalAssets: '-1', totalCost: '1.0000001' } }),
    issues: [
      ['finance.salesRevenue', 'INVALID_AMOUNT'],
      ['finance.totalAssets', 'OUT_OF_RANGE'],
      ['finance.totalCost', 'TOO_PRECISE'],
    ],
  },
  {
    name: '科技人员不能多于职工、季度必须是 4 个',
    input: firm({ staff: { quarters: [{ startEmployees: 3, endEmployees: 3, startTech: 4, endTech: 1 }] } }),
    issues: [
      ['staff.quarters', 'WRONG_LENGTH'],
      ['staff.quarters[0].startTech', 'TECH_EXCEEDS_EMPLOYEES'],
    ],
  },
  {
    name: '缺少的字段全部列出',
    input: { evaluationYear: 2026 },
    issues: [
      ['basic', 'REQUIRED'],
      ['directPass', 'REQUIRED'],
      ['rdAuxiliaryAccount', 'REQUIRED'],
      ['finance', 'REQUIRED'],
      ['rdProjects', 'REQUIRED'],
      ['staff', 'REQUIRED'],
      ['ip', 'REQUIRED'],
    ],
  },
  {
    name: '类型错误、枚举错误、人数不是整数',
    input: firm({
      basic: { taxCollection: 'flat' as never, registeredInMainland: 'yes' as never },
      ip: { software: 1.5 },
      rdProjects: [{ name: '', form: 'outsourced' as never, status: 'ongoing', amount: 'abc' }],
    }),
    issues: [
      ['basic.registeredInMainland', 'INVALID_TYPE'],
      ['basic.taxCollection', 'INVALID_VALUE'],
      ['rdProjects[0].name', 'REQUIRED'],
      ['rdProjects[0].form', 'INVALID_VALUE'],
      ['rdProjects[0].amount', 'INVALID_AMOUNT'],
      ['ip.software', 'NOT_INTEGER'],
    ],
  },
  { name: '评价年度超出范围', input: firm({ evaluationYear: 2016 }), issues: [['evaluationYear', 'OUT_OF_RANGE']] },
  { name: '金额超出合理范围（超过 1 万亿元）', input: firm({ finance: { totalAssets: '100000001' } }), issues: [['finance.totalAssets', 'OUT_OF_RANGE']] },
  { name: '输入不是对象', input: [1, 2], issues: [['', 'INVALID_TYPE']] },
];
