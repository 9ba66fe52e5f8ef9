// What would make the firm qualify (contracts.md §2a). Every candidate change is judged by the engine's own
// score() on modified exact figures — there is no second scorer here. The engine's indicators only ever
// grow with each lever, so the smallest amount is found by binary search over whole people, 0.01 万元 or
// whole IP items; the cheapest combination is searched over the amounts where an indicator changes band.
import { figuresOf, score, type Figures } from '../domain/assess.ts';
import { add, ceil, cmp, div, fraction, mul, parseExact, sub, toDecimalString, type Fraction } from '../domain/exact.ts';
import { rdTotal } from '../domain/rdTotal.ts';
import { inForce } from '../domain/rules/dated.ts';
import { RD_ARITHMETIC, SCORING, SIZE_LIMITS, type Scoring } from '../domain/rules/national.ts';
import type { AssessmentInput, AssessmentResult, RdForm, ReasonCode } from '../domain/schemas/assessment.ts';
import { LEVER_COSTS } from './costs.ts';
import { LEVERS, NOT_BY_NUMBERS, SCORE_REASONS, type Gaps, type Lever, type LeverChange } from './schemas.ts';

export interface GapInput {
  evaluationYear: number;
  figures: Figures;
  /** The declared project list: an added self-run project goes through the form's own R&D arithmetic. */
  rdProjects: readonly { form: RdForm; amount: string }[];
  /** The reasons the firm does not qualify (score reasons included whenever no 直通车 is known to hold). */
  reasons: readonly ReasonCode[];
}

/** An amount per lever: whole people, 分 of 万元 / 100 (i.e. 0.01 万元 steps), whole IP items. */
type Change = Partial<Record<Lever, bigint>>;

/** Smallest n in [lo, hi] with ok(n), for ok monotone in n; null when even ok(hi) fails. */
export function smallest(lo: bigint, hi: bigint, ok: (n: bigint) => boolean): bigint | null {
  if (hi < lo || !ok(hi)) return null;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if (ok(mid)) hi = mid;
    else lo = mid + 1n;
  }
  return lo;
}

const cents = (c: bigint): Fraction => fraction(c, 100n);

export function computeGaps(g: GapInput): Gaps {
  const notByNumbers = NOT_BY_NUMBERS.filter((c) => g.reasons.includes(c));
  if (!g.reasons.some((r) => (SCORE_REASONS as readonly string[]).includes(r))) return { notByNumbers, levers: [], cheapest: null };
  const model = new LeverModel(g);
  const levers: LeverChange[] = [];
  for (const lever of LEVERS) {
    const amount = model.smallestAlone(lever);
    if (amount !== null) levers.push({ lever, add: model.format(lever, amount), totalAfter: model.scoreOf({ [lever]: amount }).total });
  }
  return { notByNumbers, levers, cheapest: model.cheapest() };
}

class LeverModel {
  private readonly scoring: Scoring;
  private readonly rdRules;
  private readonly f: Figures;
  /** Most people that can be added before 职工总数 would exceed the size limit (null: no limit applies). */
  private readonly staffCap: bigint | null;

  constructor(private readonly g: GapInput) {
    this.scoring = inForce(SCORING, g.evaluationYear).value;
    this.rdRules = inForce(RD_ARITHMETIC, g.evaluationYear).value;
    this.f = g.figures;
    // A hire that pushes 职工总数 past the limit would trade one reason for another. A firm already past it
    // has SIZE_EMPLOYEES among notByNumbers, which the levers set aside.
    const max = fraction(inForce(SIZE_LIMITS, g.evaluationYear).value.maxEmployees);
    const room = sub(max, this.f.staff.employees);
    this.staffCap = room.n < 0n ? null : room.n / room.d;
  }

  apply(c: Change): Figures {
    const f = this.f;
    const k = fraction(c.techStaff ?? 0n);
    const x = cents(c.rdExpense ?? 0n);
    return {
      ...f,
      staff: { employees: add(f.staff.employees, k), techStaff: add(f.staff.techStaff, k) },
      rd: c.rdExpense
        ? rdTotal([...this.g.rdProjects, { form: 'self', amount: toDecimalString(x, 2) }], this.rdRules)
        : f.rd,
      totalCost: add(f.totalCost, x),
      ipClass1: f.ipClass1 + Number(c.ipClass1 ?? 0n),
      ipClass2: f.ipClass2 + Number(c.ipClass2 ?? 0n),
    };
  }

  scoreOf(c: Change) {
    return score(this.apply(c), this.scoring);
  }

  passes(c: Change): boolean {
    const s = this.scoreOf(c);
    return s.total >= this.scoring.passMark && s.techStaff > 0;
  }

  /** The indicator a lever moves, read from the engine's score. */
  points(lever: Lever, amount: bigint): number {
    const s = this.scoreOf({ [lever]: amount });
    return lever === 'techStaff' ? s.techStaff : lever === 'rdExpense' ? s.rd : s.ip;
  }

  /**
   * The largest amount worth trying: past it the lever's indicator is at its top band (or the lever is not
   * allowed further). Null when the lever cannot move its indicator at all.
   */
  upperBound(lever: Lever): bigint | null {
    const f = this.f;
    const sc = this.scoring;
    switch (lever) {
      case 'techStaff': {
        // (T + k) / (E + k) ≥ t  ⇔  k ≥ (tE − T) / (1 − t)
        const t = parseExact(sc.techStaffBands[0]!.atLeast);
        const top = ceil(div(sub(mul(t, f.staff.employees), f.staff.techStaff), sub(fraction(1), t)));
        const hi = top < 1n ? 1n : top;
        return this.staffCap === null ? hi : this.staffCap < 1n ? null : hi < this.staffCap ? hi : this.staffCap;
      }
      case 'rdExpense': {
        // Enough for the top band of either ratio even without the extra 委托境外 share the cap would free:
        // R + x ≥ t·S, or (R + x) / (C + x) ≥ t ⇔ x ≥ (tC − R) / (1 − t).
        const R = f.rd.total;
        const tc = parseExact(sc.rdByCostBands[0]!.atLeast);
        let need = div(sub(mul(tc, f.totalCost), R), sub(fraction(1), tc));
        if (f.salesRevenue.n > 0n) {
          const bySales = sub(mul(parseExact(sc.rdBySalesBands[0]!.atLeast), f.salesRevenue), R);
          if (cmp(bySales, need) < 0) need = bySales;
        }
        const hi = ceil(mul(need, fraction(100)));
        return hi < 1n ? 1n : hi;
      }
      case 'ipClass2': {
        // A firm with a Ⅰ类 item already scores the IP maximum; Ⅱ类 items add nothing.
        if (f.ipClass1 > 0) return null;
        const top = BigInt(sc.ipClass2Bands[0]!.atLeast - f.ipClass2);
        return top < 1n ? null : top;
      }
      case 'ipClass1':
        return f.ipClass1 > 0 ? null : 1n;
    }
  }

  smallestAlone(lever: Lever): bigint | null {
    const hi = this.upperBound(lever);
    return hi === null ? null : smallest(1n, hi, (n) => this.passes({ [lever]: n }));
  }

  /** The smallest amount reaching each higher band of the lever's indicator: the only amounts worth paying for. */
  breakpoints(lever: Lever): bigint[] {
    const hi = this.upperBound(lever);
    if (hi === null) return [];
    const out: bigint[] = [];
    let from = 1n;
    while (from <= hi) {
      const above = this.points(lever, out.at(-1) ?? 0n);
      const n = smallest(from, hi, (m) => this.points(lever, m) > above);
      if (n === null) break;
      out.push(n);
      from = n + 1n;
    }
    return out;
  }

  costOf(c: Change): Fraction {
    let total = fraction(0);
    for (const lever of LEVERS) {
      const n = c[lever];
      if (!n) continue;
      const unit = parseExact(LEVER_COSTS.perUnitWan[lever]);
      total = add(total, mul(unit, lever === 'rdExpense' ? cents(n) : fraction(n)));
    }
    return total;
  }

  /** The cheapest single lever or pair of levers on different indicators that makes the score pass. */
  cheapest(): Gaps['cheapest'] {
    const points = new Map(LEVERS.map((l) => [l, this.breakpoints(l)]));
    // Singles first, then pairs, levers in contract order: on a tie in cost the earlier option stays.
    const options: Change[] = LEVERS.flatMap((a) => points.get(a)!.map((n) => ({ [a]: n })));
    for (const [i, a] of LEVERS.entries()) {
      for (const b of LEVERS.slice(i + 1)) {
        if (a.startsWith('ip') && b.startsWith('ip')) continue; // one indicator: Ⅰ类 alone dominates
        for (const n of points.get(a)!) for (const m of points.get(b)!) options.push({ [a]: n, [b]: m });
      }
    }
    let best: { change: Change; cost: Fraction } | null = null;
    for (const change of options) {
      if (!this.passes(change)) continue;
      const cost = this.costOf(change);
      if (!best || cmp(cost, best.cost) < 0) best = { change, cost };
    }
    if (!best) return null;
    const change = best.change;
    return {
      levers: LEVERS.filter((l) => change[l]).map((lever) => ({ lever, add: this.format(lever, change[lever]!) })),
      totalAfter: this.scoreOf(change).total,
      estimatedCostWan: toDecimalString(best.cost, 2, true),
      basis: LEVER_COSTS.basis,
    };
  }

  format(lever: Lever, n: bigint): string {
    return lever === 'rdExpense' ? toDecimalString(cents(n), 2, true) : n.toString();
  }
}

/** The gaps of a complete assessment input, from its own 自评结果. */
export function gapsOfAssessment(input: AssessmentInput, result: AssessmentResult): Gaps {
  return computeGaps({
    evaluationYear: input.evaluationYear,
    figures: figuresOf(input),
    rdProjects: input.rdProjects,
    reasons: result.reasons.map((r) => r.code),
  });
}
