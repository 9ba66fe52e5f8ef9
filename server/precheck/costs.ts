// Rough unit costs, only to rank "which change is cheapest" across levers measured in different units
// (people, 万元, IP items). They are estimates, not rules: the regulation prices nothing. Shown to the owner
// with the word 估算 and the basis below.
import type { Lever } from './schemas.ts';

export const LEVER_COSTS: { perUnitWan: Record<Lever, string>; basis: string } = {
  perUnitWan: {
    // A full-year R&D hire (wages and social insurance of a technician in a small firm).
    techStaff: '10',
    // R&D spending costs what it is.
    rdExpense: '1',
    // Registration of a 软件著作权 or 实用新型 through an agent, including official fees.
    ipClass2: '0.5',
    // An 发明专利 (own application or transfer) through an agent; it also takes the longest.
    ipClass1: '5',
  },
  basis: '估算单价（非政策规定）：新增1名全年科技人员约10万元，研发费用按实际金额，1项Ⅱ类知识产权约0.5万元，1项Ⅰ类知识产权约5万元',
};
