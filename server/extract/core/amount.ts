// Amounts as exact integers of 分 (bigint). Statements print negatives as -1,234.00, (1,234.00) or 负1,234.00,
// in 元, 千元 or 万元; nothing here uses binary floats.
import type { Unit } from '../schema.ts';
import { normalizeText } from './normalize.ts';

export const UNIT_FACTOR: Record<Unit, bigint> = { 元: 1n, 千元: 1000n, 万元: 10000n, 百万元: 1000000n, 亿元: 100000000n };

export interface ParsedAmount {
  /** Value in the document's unit, scaled: digits / 10^scale. */
  digits: bigint;
  scale: number;
  negative: boolean;
  /** Thousands groups were irregular or a character was read as a digit look-alike. */
  doubtful: boolean;
  /** Printed in parentheses: negative, except as the amount of a 减： line (read-page.ts). */
  paren?: boolean;
}

// OCR look-alikes, only substituted when the rest of the token is numeric.
const LOOKALIKE: Record<string, string> = { ';': ',', ':': ',', O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', '!': '1', S: '5', s: '5', B: '8', Z: '2', z: '2', g: '9' };

const EMPTY_CELL = /^[-—–~_\s]*$/;

/** Parse one cell's text as an amount; undefined when it is not one (labels, row numbers with text, blanks). */
export function parseAmount(raw: string): ParsedAmount | undefined {
  // Ruling lines next to a figure come out of OCR as | [ ] or _.
  let s = normalizeText(raw).replace(/\s+/g, '').replace(/[¥￥元]/g, '').replace(/^[|[\]_]+|[|[\]_]+$/g, '');
  if (s === '' || EMPTY_CELL.test(s)) return undefined;
  let negative = false;
  let doubtful = false;
  if (s.startsWith('负')) { negative = true; s = s.slice(1); }
  const open = s.startsWith('(');
  const close = s.endsWith(')');
  if (open || close) {
    // A lone parenthesis is usually the other one lost to OCR or a ruling line.
    negative = true;
    doubtful = !(open && close);
    s = s.slice(open ? 1 : 0, close ? -1 : undefined);
  }
  if (/^-+/.test(s)) { negative = !negative; s = s.replace(/^-+/, ''); }
  if (/[^0-9.,]/.test(s)) {
    const swapped = s.replace(/[A-Za-z|!;:]/g, (c) => LOOKALIKE[c] ?? c);
    if (/[^0-9.,]/.test(swapped) || !/\d/.test(s)) return undefined;
    s = swapped;
    doubtful = true;
  }
  if (!/\d/.test(s)) return undefined;
  // A point or comma after the last digit, another point before it (153.4. for 153.40 on a fax): noise, not
  // the decimal point — the point inside is.
  if (/\d[.,]$/.test(s) && s.slice(0, -1).includes('.')) { s = s.slice(0, -1); doubtful = true; }
  // The last '.' is the decimal point; OCR sometimes reads the point as ',' — a final group of 1–2 digits
  // after a comma can only be decimals (thousands groups have 3).
  let intPart = s;
  let frac = '';
  const dot = s.lastIndexOf('.');
  if (dot >= 0) {
    intPart = s.slice(0, dot);
    frac = s.slice(dot + 1);
  } else {
    const m = /^(.*),(\d{1,2})$/.exec(s);
    if (m && (m[1] ?? '').length > 0) { intPart = m[1] ?? ''; frac = m[2] ?? ''; doubtful = true; }
  }
  if (/[.,]/.test(frac) || frac.length > 6) return undefined;
  if (intPart.includes('.')) { doubtful = true; intPart = intPart.replace(/\./g, ','); }
  const groups = intPart.split(',');
  if (groups.length > 1) {
    const regular = groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
    if (!regular) doubtful = true;
  }
  const intDigits = groups.join('');
  if (intDigits === '' && frac === '') return undefined;
  if (!/^\d*$/.test(intDigits)) return undefined;
  return { digits: BigInt((intDigits || '0') + frac), scale: frac.length, negative, doubtful, ...(open || close ? { paren: true } : {}) };
}

/** Convert to 分 in 元; `exact` is false when the document's precision goes below 1 分 (rounded half away from zero). */
export function toFen(a: ParsedAmount, unit: Unit): { fen: bigint; exact: boolean } {
  const num = a.digits * UNIT_FACTOR[unit] * 100n;
  const den = 10n ** BigInt(a.scale);
  let fen = num / den;
  const rem = num % den;
  if (rem * 2n >= den) fen += 1n;
  return { fen: a.negative ? -fen : fen, exact: rem === 0n };
}

/** 分 → "1234.56" / "-0.50". */
export function formatFen(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}

/** Exact decimal string for a count or an average (digits / 10^scale), trailing zeros dropped. */
export function formatDecimal(digits: bigint, scale: number, negative = false): string {
  let s = digits.toString().padStart(scale + 1, '0');
  if (scale > 0) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '');
  return `${negative && s !== '0' ? '-' : ''}${s}`;
}
