import { type Patch } from '../firm.ts';
import { c, type Case } from './table.ts';

// ── 研发费用总额 (rules.md §4) ─────────────────────────────────────────────────────
const projects = (...ps: [string, string][]): Patch => ({
  rdProjects: ps.map(([form, amount], i) => ({ name: `项目${i + 1}`, form, status: 'completed', amount })) as Patch['rdProjects'],
});
export const rdArithmetic: Case[] = [
  c('自主、合作、集中研发按 100% 计入', projects(['self', '10'], ['cooperative', '20'], ['centralized', '30.5']), {
    derived: { rdTotal: '60.5' },
  }),
  c('委托境内研发按 80% 计入', projects(['self', '50'], ['commissioned_domestic', '25']), { derived: { rdTotal: '70' } }),
  c('委托境外按 80% 计入，未超过境内三分之二', projects(['self', '60'], ['commissioned_foreign', '25']), {
    derived: { rdTotal: '80' },
    noWarnings: ['FOREIGN_RD_CAPPED'],
  }),
  c('委托境外恰为境内三分之二：全额计入', projects(['self', '60'], ['commissioned_foreign', '50']), { derived: { rdTotal: '100' } }),
  c('委托境外超过境内三分之二：超出部分不计入并提示', projects(['self', '60'], ['commissioned_foreign', '100']), {
    derived: { rdTotal: '100' },
    warnings: ['FOREIGN_RD_CAPPED'],
  }),
  c('只有委托境外：境内为 0，境外全部不计', projects(['commissioned_foreign', '100']), {
    derived: { rdTotal: '0' },
    warnings: ['FOREIGN_RD_CAPPED'],
  }),
  c('委托境内计入后算作境内费用（上限的基数）', projects(['commissioned_domestic', '75'], ['commissioned_foreign', '100']), {
    derived: { rdTotal: '100' },
  }),
  c('金额精确到分（万元 6 位小数）', projects(['self', '0.000001'], ['self', '9.999999']), { derived: { rdTotal: '10' } }),
  c('研发费用总额 10 万元整：不列入现场核查', projects(['self', '10']), { onSiteCheck: [] }),
  c('研发费用总额差 1 分到 10 万元：列入现场核查（LOW_RD）', projects(['self', '9.999999']), { onSiteCheck: ['LOW_RD'] }),
  c('金额可以是 JSON 数字', { rdProjects: [{ name: 'A', form: 'self', status: 'ongoing', amount: 60 }] }, {
    derived: { rdTotal: '60' },
  }),
];
