// Gap analysis (contracts.md §2a) against brute force: for hundreds of seeded random firms, every lever's
// amount is checked by changing the *input* the way the lever says (people hired into R&D, a self-run R&D
// project whose cost also enters 成本费用支出总额, IP items) and running the full assessment on it.
import { describe, expect, it } from 'vitest';
import { assess, figuresOf } from '../../server/domain/assess.ts';
import { add, fraction, parseDecimal, toDecimalString } from '../../server/domain/exact.ts';
import { AssessmentInputSchema, type AssessmentInput } from '../../server/domain/schemas/assessment.ts';
import { LEVER_COSTS } from '../../server/precheck/costs.ts';
import { computeGaps, gapsOfAssessment } from '../../server/precheck/gaps.ts';
import type { Gaps, Lever } from '../../server/precheck/schemas.ts';
import { firm, type Patch } from '../domain/firm.ts';
import { gen, randomFirm } from './gen.ts';

const dec = (s: string, plus: bigint | string) =>
  toDecimalString(add(parseDecimal(s), typeof plus === 'string' ? parseDecimal(plus) : fraction(plus)), 6, true);
const cents = (c: number) => toDecimalString(fraction(c, 100), 2);

// ── the levers, applied to the input ─────────────────────────────────────────────────────────────
function hire(f: AssessmentInput, k: number): AssessmentInput {
  const s = f.staff;
  const staff = s.quarters
    ? {
        quarters: s.quarters.map((q) => ({
          startEmployees: q.startEmployees + k,
          endEmployees: q.endEmployees + k,
          startTech: q.startTech + k,
          endTech: q.endTech + k,
        })),
      }
    : { employees: dec(s.employees!, BigInt(k)), techStaff: dec(s.techStaff!, BigInt(k)) };
  return { ...f, staff };
}

function spend(f: AssessmentInput, c: number): AssessmentInput {
  if (c === 0) return f;
  const x = cents(c);
  return {
    ...f,
    rdProjects: [...f.rdProjects, { name: '新增自主研发', form: 'self', status: 'ongoing', amount: x }],
    finance: { ...f.finance, totalCost: dec(f.finance.totalCost, x) },
  };
}

function registerIp(f: AssessmentInput, class1: number, class2: number): AssessmentInput {
  return { ...f, ip: { ...f.ip, invention: f.ip.invention + class1, software: f.ip.software + class2 } };
}

const change = (f: AssessmentInput, c: Partial<Record<Lever, number>>) =>
  registerIp(spend(hire(f, c.techStaff ?? 0), c.rdExpense ?? 0), c.ipClass1 ?? 0, c.ipClass2 ?? 0);

const reasonsBefore = new WeakMap<AssessmentInput, string[]>();

/** The lever did its job: no score reason left, and no size reason the firm did not already have. */
function fixed(base: AssessmentInput, changed: AssessmentInput): boolean {
  let before = reasonsBefore.get(base);
  if (!before) reasonsBefore.set(base, (before = assess(base).reasons.map((r) => r.code)));
  const after = assess(changed).reasons.map((r) => r.code);
  return (
    !after.includes('SCORE_BELOW_60') &&
    !after.includes('TECH_STAFF_ZERO') &&
    after.every((c) => before.includes(c) || !c.startsWith('SIZE_'))
  );
}

const leverAdd = (g: Gaps, l: Lever) => g.levers.find((x) => x.lever === l)?.add;

function firstPassing(limit: number, ok: (n: number) => boolean): number | undefined {
  for (let n = 1; n <= limit; n++) if (ok(n)) return n;
  return undefined;
}

function firms(seed: number, n: number, scale?: number): AssessmentInput[] {
  const g = gen(seed);
  return Array.from({ length: n }, () => AssessmentInputSchema.parse(randomFirm(g, scale)));
}

describe('gap analysis, table cases as the regulation reads', () => {
  const run = (patch: Parameters<typeof firm>[0]) => {
    const input = AssessmentInputSchema.parse(firm(patch));
    return gapsOfAssessment(input, assess(input));
  };

  it.each([
    {
      name: '只差科技人员：100人中9人（9%，0分），补到10%需再招2人（11/102）',
      patch: { staff: { employees: '100', techStaff: '9' } } as Patch,
      expect: { techStaff: '2', rdExpense: undefined, ipClass1: undefined, ipClass2: undefined },
    },
    {
      name: '研发投入不足：科技人员20分、研发1%（0分）、1项Ⅱ类（6分），研发投入需到40分：收入5%即再投40万元',
      patch: { rdProjects: [{ name: 'a', form: 'self', status: 'ongoing', amount: '10' }], ip: { invention: 0, software: 1 } } as Patch,
      expect: { techStaff: undefined, rdExpense: '40', ipClass1: undefined, ipClass2: undefined },
    },
  ])('$name', ({ patch, expect: e }) => {
    const g = run(patch);
    for (const [lever, add] of Object.entries(e)) expect(leverAdd(g, lever as Lever), lever).toBe(add);
  });

  it('最省组合：1项Ⅰ类（30分）加研发投入到收入的2%（再投10万元）共约15万元，比单独再投40万元省', () => {
    const g = run({ rdProjects: [{ name: 'a', form: 'self', status: 'ongoing', amount: '10' }], ip: { invention: 0, software: 1 } });
    expect(g.cheapest).toEqual({
      levers: [
        { lever: 'rdExpense', add: '10' },
        { lever: 'ipClass1', add: '1' },
      ],
      totalAfter: 60,
      estimatedCostWan: '15',
      basis: LEVER_COSTS.basis,
    });
  });

  it('研发费用按0.01万元向上取整：成本口径 (0.25×901 − 60)/0.75 不是整分时进位', () => {
    // techStaff 20 + IP 6 = 26; R&D 60 on sales 10000 (0.6% → 0) and cost 900 (6.67% → 0): needs 40 points,
    // i.e. 25 % of cost: (0.25·900 − 60)/0.75 = 220 万元 exactly; sales route 5 % of 10000 = 500 − 60 = 440.
    const input = AssessmentInputSchema.parse(
      firm({ finance: { salesRevenue: '10000', totalCost: '900' }, ip: { invention: 0, software: 1 } }),
    );
    const g = gapsOfAssessment(input, assess(input));
    expect(leverAdd(g, 'rdExpense')).toBe('220');
    const odd = AssessmentInputSchema.parse(
      firm({ finance: { salesRevenue: '10000', totalCost: '901' }, ip: { invention: 0, software: 1 } }),
    );
    // (0.25·901 − 60)/0.75 = 220.333… → 220.34
    expect(leverAdd(gapsOfAssessment(odd, assess(odd)), 'rdExpense')).toBe('220.34');
  });

  it('不能靠数字解决的原因单列，且不影响各单项调整的计算', () => {
    const input = AssessmentInputSchema.parse(
      firm({ basic: { taxCollection: 'assessed' }, rdAuxiliaryAccount: false, staff: { employees: '100', techStaff: '9' } }),
    );
    const g = gapsOfAssessment(input, assess(input));
    expect(g.notByNumbers).toEqual(['TAX_METHOD', 'NO_RD_ACCOUNT']);
    expect(leverAdd(g, 'techStaff')).toBe('2');
  });

  it('直通车企业不计分，没有调整项', () => {
    const input = AssessmentInputSchema.parse(
      firm({ directPass: { highTechCertificate: true }, staff: { employees: '100', techStaff: '0' } }),
    );
    expect(gapsOfAssessment(input, assess(input))).toMatchObject({ levers: [], cheapest: null });
  });

  it('已有Ⅰ类知识产权时，知识产权不再是调整项；科技人员为0分时研发和知识产权都不能单独解决', () => {
    const input = AssessmentInputSchema.parse(firm({ staff: { employees: '100', techStaff: '5' } }));
    const g = gapsOfAssessment(input, assess(input));
    expect(g.levers.map((l) => l.lever)).toEqual(['techStaff']);
  });

  it('招人不能使职工总数超过500人', () => {
    // 495 staff, 40 in R&D (8.08 % → 0): 10 % needs 11 more people (51/506) — past the limit, so no lever.
    const input = AssessmentInputSchema.parse(firm({ staff: { employees: '495', techStaff: '40' } }));
    const g = gapsOfAssessment(input, assess(input));
    expect(leverAdd(g, 'techStaff')).toBeUndefined();
  });

  it('最省组合可以是单项：差26分时1项Ⅰ类（约5万元）比任何组合都省', () => {
    // 科技人员 10 % (4) + 研发 4 % of sales (30) + no IP = 34.
    const g = run({ staff: { employees: '100', techStaff: '10' }, ip: { invention: 0 }, rdProjects: [{ name: 'a', form: 'self', status: 'ongoing', amount: '40' }] });
    expect(g.cheapest).toMatchObject({ levers: [{ lever: 'ipClass1', add: '1' }], totalAfter: 64, estimatedCostWan: '5' });
  });
});

describe('gap analysis against brute force on random firms', () => {
  const sample = firms(20260401, 400);

  it('generates a useful mix: most firms fail on score, some on other reasons, some already pass', () => {
    const codes = sample.map((f) => assess(f).reasons.map((r) => r.code));
    expect(codes.filter((c) => c.includes('SCORE_BELOW_60')).length).toBeGreaterThan(150);
    expect(codes.filter((c) => c.includes('TECH_STAFF_ZERO')).length).toBeGreaterThan(20);
    expect(codes.filter((c) => c.length === 0).length).toBeGreaterThan(5);
  });

  it('techStaff, ipClass1, ipClass2: the smallest amount that works, and none when nothing works', () => {
    for (const [i, f] of sample.entries()) {
      const g = gapsOfAssessment(f, assess(f));
      const needs = assess(f).reasons.some((r) => r.code === 'SCORE_BELOW_60' || r.code === 'TECH_STAFF_ZERO');
      if (!needs) {
        expect(g.levers, `firm ${i}`).toEqual([]);
        continue;
      }
      const k = firstPassing(1200, (n) => fixed(f, hire(f, n)));
      expect(leverAdd(g, 'techStaff'), `firm ${i} techStaff`).toBe(k?.toString());
      const n2 = firstPassing(12, (n) => fixed(f, registerIp(f, 0, n)));
      expect(leverAdd(g, 'ipClass2'), `firm ${i} ipClass2`).toBe(n2?.toString());
      expect(leverAdd(g, 'ipClass1'), `firm ${i} ipClass1`).toBe(fixed(f, registerIp(f, 1, 0)) && f.ip.invention === 0 ? '1' : undefined);
    }
  }, 180_000);

  it('rdExpense: the amount works and 0.01 万元 less does not (every cent below it for small amounts)', () => {
    for (const [i, f] of sample.entries()) {
      const g = gapsOfAssessment(f, assess(f));
      const got = leverAdd(g, 'rdExpense');
      if (got === undefined) {
        // Monotone: if a huge amount does not fix it, nothing does.
        if (g.levers.length || assess(f).reasons.some((r) => r.code === 'SCORE_BELOW_60'))
          expect(fixed(f, spend(f, 1e9)), `firm ${i}`).toBe(false);
        continue;
      }
      const c = Math.round(Number(got) * 100);
      expect(fixed(f, spend(f, c)), `firm ${i} at ${got}`).toBe(true);
      const below = c <= 1500 ? Array.from({ length: c - 1 }, (_, j) => j + 1) : [c - 1, ...Array.from({ length: 200 }, (_, j) => 1 + Math.floor(((c - 2) * j) / 200))];
      for (const b of below) expect(fixed(f, spend(f, b)), `firm ${i} at ${cents(b)} < ${got}`).toBe(false);
    }
  }, 180_000);

  it('every lever reported also appears with its score after the change, from the engine', () => {
    for (const f of sample.slice(0, 100)) {
      const g = gapsOfAssessment(f, assess(f));
      for (const l of g.levers) {
        const n = l.lever === 'rdExpense' ? Math.round(Number(l.add) * 100) : Number(l.add);
        expect(assess(change(f, { [l.lever]: n })).total).toBe(l.totalAfter);
      }
    }
  });

  it('cheapest single lever or pair: no combination of at most two levers is cheaper (exhaustive on small firms)', () => {
    const unit = (l: Lever) => Number(LEVER_COSTS.perUnitWan[l]);
    let checked = 0;
    for (const [i, f] of firms(7, 150, 12).entries()) {
      const g = gapsOfAssessment(f, assess(f));
      if (!g.levers.length && !g.cheapest) continue;
      checked++;
      // Cost in 分 of 万元 (integers, so the comparison is exact).
      const costOf = (c: Partial<Record<Lever, number>>) =>
        Math.round(
          ((c.techStaff ?? 0) * unit('techStaff') + (c.ipClass1 ?? 0) * unit('ipClass1') + (c.ipClass2 ?? 0) * unit('ipClass2')) * 100,
        ) + (c.rdExpense ?? 0);
      let best = Infinity;
      const consider = (c: Partial<Record<Lever, number>>) => {
        if (costOf(c) < best && fixed(f, change(f, c))) best = costOf(c);
      };
      const others: Partial<Record<Lever, number>>[] = [{}];
      for (let k = 1; k <= 80; k++) others.push({ techStaff: k });
      for (let n = 1; n <= 5; n++) others.push({ ipClass2: n });
      others.push({ ipClass1: 1 });
      for (let k = 1; k <= 80; k++) for (let n = 1; n <= 5; n++) consider({ techStaff: k, ipClass2: n });
      for (let k = 1; k <= 80; k++) consider({ techStaff: k, ipClass1: 1 });
      for (const o of others) consider(o);
      // With R&D: scan every 0.01 万元 up to what would already cost more than the best found (at this scale
      // 30 % of costs or 6 % of sales is reached below 20 万元, so the scan stops there when nothing works).
      for (const o of others)
        for (let c = 1; c <= 2000 && costOf({ ...o, rdExpense: c }) < best; c++) consider({ ...o, rdExpense: c });
      if (best === Infinity) expect(g.cheapest, `firm ${i}`).toBeNull();
      else {
        expect(g.cheapest, `firm ${i}`).not.toBeNull();
        const chosen = Object.fromEntries(
          g.cheapest!.levers.map((l) => [l.lever, l.lever === 'rdExpense' ? Math.round(Number(l.add) * 100) : Number(l.add)]),
        );
        expect(costOf(chosen), `firm ${i}`).toBe(best);
        expect(Math.round(Number(g.cheapest!.estimatedCostWan) * 100)).toBe(best);
        expect(fixed(f, change(f, chosen))).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(40);
  }, 180_000);

  it('computeGaps with no score reason has no levers, whatever the figures', () => {
    const f = sample[0]!;
    const g = computeGaps({ evaluationYear: 2026, figures: figuresOf(f), rdProjects: f.rdProjects, reasons: ['CREDIT'] });
    expect(g).toEqual({ notByNumbers: ['CREDIT'], levers: [], cheapest: null });
  });
});
