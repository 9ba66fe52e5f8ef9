// Text normalisation for matching labels read from PDFs and OCR.
// PDFs made with some CJK fonts carry look-alike code points (Kangxi radicals, CJK compatibility forms):
// NFKC folds most of them, the CJK Radicals Supplement needs a map because NFKC leaves it alone.

const RADICALS: Record<string, string> = {
  '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻐': '钅',
  '⻓': '长', '⻔': '门', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻠': '饣', '⻢': '马', '⻥': '鱼',
  '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};
const RADICAL_RE = new RegExp(`[${Object.keys(RADICALS).join('')}]`, 'gu');

/** NFKC, radical map, unified dashes; keeps spacing (positions still matter to the caller). */
export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(RADICAL_RE, (c) => RADICALS[c] ?? c)
    // Minus-like characters that statements and OCR use for negatives and empty cells.
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u201C\u201D\u2018\u2019"'`]/g, '');
}

const CJK = /\p{Script=Han}/u;
export const hasCjk = (s: string): boolean => CJK.test(s);

/**
 * The comparable core of a line-item label: without spacing, numbering (一、 (一) 1.), the 加：/减：/其中： lead-ins
 * and the parenthesised sign notes (损失以"-"号填列) or formulas (2+42+44) that differ between formats.
 */
export function labelKey(raw: string): string {
  let s = normalizeText(raw).replace(/\s+/g, '');
  // Sign notes (亏损以"-"号填列), also when OCR lost or mangled the opening parenthesis.
  // The note may also be cut where OCR split the cell (三、利润总额《亏损总额以 | 号填列)).
  s = s.replace(/(?:[(《〈<\[][^()《〈<\[]{0,5}|(?:亏损总额|净亏损|亏损|损失|收入|收益|.损))以(?:[^)]{0,6}填列\)?|.{0,3}$)/gu, '');
  s = s.replace(/\([^()]*\)?$/u, ''); // trailing note, possibly cut off by the cell edge
  s = s.replace(/\([^()]*[0-9+\-号填列损失亏][^()]*\)/gu, '');
  s = s.replace(/^[|\[\]_.,:;·•*]+/u, '');
  s = s.replace(/^(?:\d{1,2}(?:\.\d{1,2})*[.、]?)/u, '');
  s = s.replace(/^(?:[一二三四五六七八九十]+[、.,]?)/u, '');
  s = s.replace(/^\([一二三四五六七八九十\d]+\)/u, '');
  s = s.replace(/^(?:其中|加|减|减去|加上)[:：]?/u, '');
  s = s.replace(/^(?:\d{1,2}[.、])/u, '');
  // Keep Han characters and the few symbols that distinguish items; OCR noise from ruling lines goes.
  s = s.replace(/[^\p{Script=Han}A-Za-z0-9()]/gu, '');
  return s;
}
