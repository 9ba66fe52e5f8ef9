// The ladder's templates: how a computed figure or gap is said to the owner. Display only — every number
// passed in was decided by the engine; nothing here compares or rounds for a decision.
import { fraction, mul, toDecimalString, type Fraction } from '../exact.ts';
import { grouped } from '../wording.ts';

/** A ratio as a percentage, 2 decimals without trailing zeros: 0.055 → "5.5%". */
export const pctText = (r: Fraction): string => `${toDecimalString(mul(r, fraction(100)), 2, true)}%`;

/** A rule threshold ("0.80") as a percentage ("80%"), exactly. */
export const thresholdPct = (s: string): string => {
  const [int = '0', frac = ''] = s.split('.');
  const cents = BigInt(int + frac.padEnd(2, '0').slice(0, 2));
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${cents.toString()}${rest ? `.${rest}` : ''}%`;
};

export const wan = (x: Fraction | string): string => `${grouped(x)} 万元`;

export const T = {
  amountTo: (what: string, target: Fraction, add: Fraction) => `${what}需达到 ${wan(target)}（差 ${wan(add)}）`,
  amountDown: (what: string, by: Fraction, to: string) => `${what}需减少 ${wan(by)}（资产负债率降至 ${to} 及以下）`,
  ratioUp: (what: string, pp: string, to: string) => `${what}需再提高 ${pp} 个百分点（达到 ${to}）`,
  count: (what: string, n: number) => `需再取得 ${n} 项${what}`,
  years: (n: string, min: number) => `从事细分市场需满 ${min} 年（还差 ${n} 年）`,
};
