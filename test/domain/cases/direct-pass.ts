import { type Patch } from '../firm.ts';
import { c, type Case } from './table.ts';

// ── 直通车 (rules.md §2) ─────────────────────────────────────────────────────────
const weak: Patch = { staff: { employees: '100', techStaff: '0' }, rdProjects: [], ip: { invention: 0 } };
export const direct = (d: Record<string, boolean>, extra: Patch = {}): Patch => ({
  ...weak,
  directPass: d as Patch['directPass'],
  ...extra,
});
export const directPass: Case[] = [
  c('有效高新技术企业证书：直通车符合，得分不足不是原因', direct({ highTechCertificate: true }), {
    qualified: true,
    route: 'direct',
    total: 0,
    reasons: [],
  }),
  c('国家级科技奖励前三名：直通车符合', direct({ nationalAwardTop3: true }), { qualified: true, route: 'direct' }),
  c('省部级以上研发机构：直通车符合', direct({ provincialRdInstitution: true }), { qualified: true, route: 'direct' }),
  c('主导制定标准：直通车符合', direct({ ledStandard: true }), { qualified: true, route: 'direct' }),
  c('直通车仍须设置研发支出辅助账', direct({ highTechCertificate: true }, { rdAuxiliaryAccount: false }), {
    qualified: false,
    route: 'direct',
    reasons: ['NO_RD_ACCOUNT'],
  }),
  c('直通车仍须满足基本条件（规模）', direct({ highTechCertificate: true }, { finance: { totalAssets: '25000' } }), {
    qualified: false,
    route: null,
    reasons: ['SIZE_ASSETS'],
  }),
  c('直通车企业的分数照样计算', direct({ ledStandard: true }, { staff: { employees: '10', techStaff: '3' } }), {
    route: 'direct',
    scores: { techStaff: 20, rd: 0, ip: 0 },
    total: 20,
  }),
];
