// Exact arithmetic for money, headcounts and ratios. Money never touches a binary float:
// amounts are bigint 分 (1 万元 = 1 000 000 分, so the form's 6 decimals of 万元 are exact),
// headcount averages and ratios are fractions of bigints.

export interface Fraction {
  readonly n: bigint;
  readonly d: bigint; // always > 0
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function isDecimalString(s: string): boolean {
  return DECIMAL.test(s.trim());
}

/** Number of digits after the decimal point ("120.50" → 2). */
export function decimalPlaces(s: string): number {
  const m = DECIMAL.exec(s.trim());
  return m?.[3]?.length ?? 0;
}

/** Parses a plain decimal string ("-120.5") into an exact fraction. Throws on anything else. */
export function parseDecimal(s: string): Fraction {
  const m = DECIMAL.exec(s.trim());
  if (!m) throw new RangeError(`not a decimal: ${s}`);
  const [, sign, int, frac = ''] = m;
  const n = BigInt(int! + frac) * (sign === '-' ? -1n : 1n);
  return reduce(n, 10n ** BigInt(frac.length));
}

const ruleConstants = new Map<string, Fraction>();

/**
 * Parses a rule constant — "0.8", "2/3", "0.06" — exactly. Rule data holds a few dozen such strings, read on
 * every assessment, so they are parsed once.
 */
export function parseExact(s: string): Fraction {
  let f = ruleConstants.get(s);
  if (!f) {
    const slash = s.indexOf('/');
    f = slash < 0 ? parseDecimal(s) : div(parseDecimal(s.slice(0, slash)), parseDecimal(s.slice(slash + 1)));
    ruleConstants.set(s, f);
  }
  return f;
}

export function fraction(n: bigint | number, d: bigint | number = 1n): Fraction {
  return reduce(BigInt(n), BigInt(d));
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
}

function reduce(n: bigint, d: bigint): Fraction {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO: Fraction = { n: 0n, d: 1n };

export const add = (a: Fraction, b: Fraction): Fraction => reduce(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => reduce(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => reduce(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction): Fraction => reduce(a.n * b.d, a.d * b.n);
export const cmp = (a: Fraction, b: Fraction): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Fraction): boolean => a.n === 0n;
export const sum = (xs: readonly Fraction[]): Fraction => xs.reduce(add, ZERO);
export const min = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) <= 0 ? a : b);

/** Smallest integer ≥ a. */
export function ceil(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n % a.d === 0n || a.n < 0n ? q : q + 1n;
}

/**
 * Decimal string rounded half-up to `places` (for display only; decisions use the exact value).
 * With `trim`, trailing zeros are dropped ("44.750" → "44.75", "136.5").
 */
export function toDecimalString(a: Fraction, places: number, trim = false): string {
  const scale = 10n ** BigInt(places);
  const neg = a.n < 0n;
  const abs = neg ? -a.n : a.n;
  const scaled = (abs * scale * 2n + a.d) / (2n * a.d); // half-up
  const int = (scaled / scale).toString();
  let frac = places ? (scaled % scale).toString().padStart(places, '0') : '';
  if (trim) frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return neg && scaled !== 0n ? `-${body}` : body;
}

/** A fraction rounded up to a multiple of 1/10^places (for "how much more is needed"). */
export function ceilTo(a: Fraction, places: number): Fraction {
  const scale = 10n ** BigInt(places);
  return fraction(ceil(mul(a, fraction(scale))), scale);
}
