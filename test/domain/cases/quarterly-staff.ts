import { type Patch } from '../firm.ts';
import { c, type Case } from './table.ts';

// ── 全年季平均数 (rules.md §4) ────────────────────────────────────────────────────
const q = (...rows: [number, number, number, number][]): Patch => ({
  staff: {
    quarters: rows.map(([startEmployees, endEmployees, startTech, endTech]) => ({
      startEmployees,
      endEmployees,
      startTech,
      endTech,
    })),
  },
});
export const quarterlyStaff: Case[] = [
  c('季平均 = (季初 + 季末) / 2，全年 = 四季之和 / 4', q([40, 44, 12, 14], [44, 46, 14, 14], [46, 45, 14, 13], [45, 48, 13, 15]), {
    derived: { employees: '44.75', techStaff: '13.625' },
    ratios: { techStaff: '0.3045' },
    scores: { techStaff: 20 },
  }),
  c('季平均使占比恰为 30%：得 20 分', q([10, 10, 3, 3], [10, 10, 3, 3], [10, 10, 3, 3], [10, 10, 3, 3]), {
    scores: { techStaff: 20 },
  }),
  c('季末一人离职使占比略低于 30%：得 16 分', q([10, 10, 3, 3], [10, 10, 3, 3], [10, 10, 3, 3], [10, 10, 3, 2]), {
    derived: { techStaff: '2.875' },
    scores: { techStaff: 16 },
  }),
  c('年中开业的企业：按实际经营季度填报，未经营季度为 0', q([0, 0, 0, 0], [0, 0, 0, 0], [0, 8, 0, 3], [8, 8, 3, 3]), {
    derived: { employees: '3', techStaff: '1.125' },
  }),
  c('职工总数 5 人（含）：列入现场核查', q([5, 5, 2, 2], [5, 5, 2, 2], [5, 5, 2, 2], [5, 5, 2, 2]), {
    onSiteCheck: ['FEW_STAFF'],
  }),
  c('职工总数 5.125 人：不列入少人核查', q([5, 5, 2, 2], [5, 5, 2, 2], [5, 5, 2, 2], [5, 6, 2, 2]), { onSiteCheck: [] }),
  c('已平均的人数可以是小数', { staff: { employees: '44.75', techStaff: '13.625' } }, { scores: { techStaff: 20 } }),
  c('科技人员占比不低于 90% 且职工不少于 50 人：风险提示', { staff: { employees: '60', techStaff: '54' } }, {
    warnings: ['TECH_RATIO_HIGH'],
  }),
  c('科技人员占比 90% 但职工不足 50 人：无此提示', { staff: { employees: '40', techStaff: '36' } }, {
    noWarnings: ['TECH_RATIO_HIGH'],
  }),
];
