// 研发费用总额 as the form computes it from the project list (rules.md §4): the firm cannot type the total.
import { add, cmp, min, mul, parseDecimal, parseExact, sub, sum, ZERO, type Fraction } from './exact.ts';
import type { RdArithmetic } from './rules/national.ts';
import type { RdForm } from './schemas/assessment.ts';

export interface RdTotal {
  total: Fraction;
  /** Qualifying domestic R&D (everything counted except 委托境外). */
  domestic: Fraction;
  /** The 委托境外 part left out by the two-thirds cap. */
  foreignExcluded: Fraction;
}

export function rdTotal(projects: readonly { form: RdForm; amount: string }[], rules: RdArithmetic): RdTotal {
  let domestic = ZERO;
  let foreign = ZERO;
  for (const p of projects) {
    const counted = mul(parseDecimal(p.amount), parseExact(rules.weights[p.form]));
    if (p.form === 'commissioned_foreign') foreign = add(foreign, counted);
    else domestic = add(domestic, counted);
  }
  const cap = mul(domestic, parseExact(rules.foreignCapOfDomestic));
  const foreignCounted = min(foreign, cap);
  return {
    total: sum([domestic, foreignCounted]),
    domestic,
    foreignExcluded: cmp(foreign, cap) > 0 ? sub(foreign, cap) : ZERO,
  };
}
