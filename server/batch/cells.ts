// One spreadsheet cell → the value the assessment input takes, or a coded problem. Pure. Cells arrive as
// people type them: numbers typed as text, full-width digits, thousands separators, 万元 or 元 after the
// number, 是/否 as Y/N or 1/0. Amounts stay exact decimal strings (a cell's binary number is read back to the
// 15 significant digits Excel itself keeps).
import { decimalPlaces, div, fraction, isDecimalString, parseDecimal, toDecimalString } from '../domain/exact.ts';
import { CHOICES, normalizeHeader, type CellKind, type Choice } from './columns.ts';

/** A cell as the readers hand it over (formulas already resolved to their result). */
export type Raw = string | number | boolean | Date | null | undefined;

export type Converted =
  | { ok: true; value: string | number | boolean | undefined }
  | { ok: false; code: string; message: string };

const BLANK = new Set(['', '-', '—', '--', '/', '／', '无数据', 'n/a', 'na']);

/** The cell's text, trimmed and NFKC-normalised (full-width digits and letters become ASCII). */
export const cellText = (raw: Raw): string => {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return numberText(raw);
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  const s = String(raw);
  // Most cells are plain ASCII: NFKC only where full-width characters may be.
  return (/[^\x20-\x7e]/.test(s) ? s.normalize('NFKC').replace(/\s+/g, ' ') : s).trim();
};

export const isBlank = (raw: Raw): boolean =>
  raw === null || raw === undefined || (typeof raw === 'string' && BLANK.has(cellText(raw).toLowerCase()));

const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
/** A binary number as the decimal Excel shows (15 significant digits), never in exponent form. */
export function numberText(n: number): string {
  // Integers and short decimals print the same either way; only long or tiny ones need the formatter.
  const s = String(n);
  return /e|\d{16}/i.test(s) || s.replace(/[-.]/g, '').length > 15 ? plain.format(n) : s;
}

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export interface AmountOptions {
  /** The column's unit (from its header): 元 amounts are converted to 万元. */
  unit: '万元' | '元';
  allowNegative: boolean;
}

export function convertAmount(raw: Raw, opts: AmountOptions): Converted {
  if (isBlank(raw)) return { ok: true, value: undefined };
  if (typeof raw === 'boolean' || raw instanceof Date) return bad('INVALID_AMOUNT');
  let s = typeof raw === 'number' && !Number.isFinite(raw) ? '' : cellText(raw);
  let unit = opts.unit;
  const suffix = /(万元|万|元)$/.exec(s);
  if (suffix) {
    unit = suffix[1] === '元' ? '元' : '万元';
    s = s.slice(0, -suffix[1]!.length).trim();
  }
  // (1,234.00) and 负 mean negative, as on statements.
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) [negative, s] = [true, paren[1]!.trim()];
  if (s.startsWith('负')) [negative, s] = [true, s.slice(1).trim()];
  s = s.replace(/^[−–]/, '-').replace(/ /g, '');
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!isDecimalString(s)) return bad('INVALID_AMOUNT');
  if (negative) s = s.startsWith('-') ? s.slice(1) : `-${s.replace(/^\+/, '')}`;
  if (s.startsWith('-') && !opts.allowNegative && !/^-0*(\.0*)?$/.test(s)) return bad('NEGATIVE_AMOUNT');
  if (unit === '万元') return decimalPlaces(s) > 6 ? bad('TOO_PRECISE') : { ok: true, value: s.replace(/^\+/, '') };
  // 元 → 万元 exactly (a shift of four decimal places, through exact fractions).
  if (decimalPlaces(s) > 2) return bad('TOO_PRECISE_YUAN');
  return { ok: true, value: toDecimalString(div(parseDecimal(s), fraction(10_000)), 6, true) };
}

/** Whole numbers (headcounts at a quarter's start or end, IP items, a row number, a year). */
export function convertCount(raw: Raw, opts: { min?: number; max?: number } = {}): Converted {
  if (isBlank(raw)) return { ok: true, value: undefined };
  const s = cellText(raw).replace(/(人|件|项|个|年)$/, '').trim();
  if (!/^\d+(\.0+)?$/.test(s)) return bad(isDecimalString(s) ? 'NOT_INTEGER' : 'INVALID_COUNT');
  const n = Number.parseInt(s, 10);
  if (n < (opts.min ?? 0) || n > (opts.max ?? 1_000_000)) return bad('OUT_OF_RANGE');
  return { ok: true, value: n };
}

/** An averaged headcount: may be fractional, kept as an exact decimal string. */
export function convertAveraged(raw: Raw): Converted {
  if (isBlank(raw)) return { ok: true, value: undefined };
  const s = cellText(raw).replace(/人$/, '').trim();
  if (!isDecimalString(s) || s.startsWith('-')) return bad('INVALID_COUNT');
  return { ok: true, value: s.replace(/^\+/, '') };
}

const spellingMaps = new WeakMap<readonly Choice[], Map<string, Choice>>();
/** Every spelling of every choice, normalised once per list. */
function spellingsOf(choices: readonly Choice[]): Map<string, Choice> {
  let m = spellingMaps.get(choices);
  if (!m) {
    m = new Map();
    for (const c of choices) for (const s of [c.label, String(c.value), ...(c.aliases ?? [])]) m.set(normalizeHeader(s), c);
    spellingMaps.set(choices, m);
  }
  return m;
}

export function convertChoice(raw: Raw, choices: readonly Choice[]): Converted {
  if (isBlank(raw)) return { ok: true, value: undefined };
  if (typeof raw === 'boolean') {
    const c = choices.find((x) => x.value === raw);
    return c ? { ok: true, value: raw } : bad('INVALID_CHOICE', choices);
  }
  const hit = spellingsOf(choices).get(normalizeHeader(cellText(raw)));
  return hit ? { ok: true, value: hit.value } : bad('INVALID_CHOICE', choices);
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet, the last a check character over
 * the first 17.
 */
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const checkCharacter = (first17: string) =>
  CODE_ALPHABET[(31 - (CODE_WEIGHTS.reduce((acc, w, i) => acc + CODE_ALPHABET.indexOf(first17[i]!) * w, 0) % 31)) % 31]!;

export function creditCodeProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'INVALID_CREDIT_CODE';
  return checkCharacter(code.slice(0, 17)) === code[17] ? null : 'CREDIT_CODE_CHECKSUM';
}

/** The check character that completes 17 characters into a valid code (generated test data, examples). */
export const withCheckCharacter = (first17: string): string => first17 + checkCharacter(first17);

export function convert(kind: CellKind, raw: Raw, unit: '万元' | '元' = '万元'): Converted {
  switch (kind) {
    case 'amount':
    case 'signedAmount':
      return convertAmount(raw, { unit, allowNegative: kind === 'signedAmount' });
    case 'count':
      return convertCount(raw);
    case 'year':
      return convertCount(raw, { min: 2022, max: 2100 });
    case 'averaged':
      return convertAveraged(raw);
    case 'years': {
      const v = convertAveraged(raw);
      return v.ok && v.value !== undefined ? { ok: true, value: Number(v.value) } : v;
    }
    case 'creditCode': {
      if (isBlank(raw)) return { ok: true, value: undefined };
      const code = cellText(raw).toUpperCase().replace(/[\s-]/g, '');
      const problem = creditCodeProblem(code);
      return problem ? bad(problem) : { ok: true, value: code };
    }
    case 'industry': {
      if (isBlank(raw)) return { ok: true, value: undefined };
      return { ok: true, value: cellText(raw).toUpperCase().replace(/\s/g, '') };
    }
    case 'text':
      return isBlank(raw) ? { ok: true, value: undefined } : { ok: true, value: cellText(raw) };
    default:
      return convertChoice(raw, CHOICES[kind]!);
  }
}

const MESSAGES: Record<string, (choices?: readonly Choice[]) => string> = {
  INVALID_AMOUNT: () => '应为金额数字（如 120.5 或 1,234.56，可带“万元”或“元”）',
  NEGATIVE_AMOUNT: () => '不能为负数',
  TOO_PRECISE: () => '最多保留6位小数（精确到分）',
  TOO_PRECISE_YUAN: () => '以元为单位时最多保留2位小数',
  NOT_INTEGER: () => '应为整数',
  INVALID_COUNT: () => '应为不小于0的数字',
  OUT_OF_RANGE: () => '超出合理范围',
  INVALID_CHOICE: (c) => `只能填：${(c ?? []).map((x) => x.label).join('、')}`,
  INVALID_CREDIT_CODE: () => '应为18位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）',
  CREDIT_CODE_CHECKSUM: () => '校验位不正确，请核对统一社会信用代码',
};

function bad(code: string, choices?: readonly Choice[]): Converted {
  return { ok: false, code, message: MESSAGES[code]!(choices) };
}
