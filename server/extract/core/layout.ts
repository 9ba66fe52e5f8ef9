// Positioned words (PDF text items or OCR word boxes) → rows → cells. Reading the table by coordinates is what
// makes the pairing of labels and amounts independent of the order a PDF was drawn in or OCR emitted lines.
import { parseAmount, type ParsedAmount } from './amount.ts';
import { hasCjk, normalizeText } from './normalize.ts';

/** A rectangle in page coordinates, origin top-left, y growing downwards. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A word on the page. `conf` is 0–1 (1 for a PDF text layer). */
export interface Word extends Box {
  text: string;
  conf?: number;
}

export interface Cell extends Word {
  conf: number;
  words: Word[];
  amount?: ParsedAmount;
}

export interface Row {
  y: number;
  cells: Cell[];
}

const NUMERIC_CHARS = /^[-\d,.()\s]+$/;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] ?? 0) : 0;
};

export function medianHeight(words: Word[]): number {
  return median(words.map((w) => w.y1 - w.y0).filter((h) => h > 0)) || 10;
}

const DASHES = /^[-－—–_一]+$/;
/**
 * OCR of a noisy scan reads specks of noise as short words ("3", ".", "SE"): a speck beside an amount joins it
 * (2 41 → 241), specks between rows pull the median height down so that rows split, and specks under a table
 * make columns of their own. They are smaller than the page's text and read with low confidence; printed text
 * is neither, whatever the font size of a page, as the reference is the page's own confidently read words.
 * Dashes (an empty cell's —) are kept: they are thin by nature.
 */
export function dropSpecks<T extends Word>(words: T[]): T[] {
  const sure = words.filter((w) => (w.conf ?? 1) >= 0.9).map((w) => w.y1 - w.y0);
  if (sure.length < 8) return words;
  const ref = median(sure);
  // A speck can also be read surely as one or two characters (a "1" 13 px high among 28-px text, seed 20261231's
  // fax, which bridged a 行次 number and its amount into 4311,688,164.92): below half the text's height, that is
  // no printed character either.
  const speck = (w: T) => {
    const h = w.y1 - w.y0;
    return h < 0.6 * ref && ((w.conf ?? 1) < 0.9 || (w.conf !== undefined && h < 0.5 * ref && [...w.text.trim()].length <= 2));
  };
  return words.filter((w) => !speck(w) || DASHES.test(w.text.trim()));
}

/** Group words into rows by their vertical centres. Expects de-skewed coordinates. */
export function groupRows(words: Word[]): Row[] {
  const clean = dropSpecks(words
    .map((w) => ({ ...w, text: normalizeText(w.text).trim() }))
    .filter((w) => w.text !== '' && w.x1 > w.x0 && w.y1 > w.y0));
  const h = medianHeight(clean);
  const sorted = clean.sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const rows: { y: number; words: Word[] }[] = [];
  for (const w of sorted) {
    const yc = (w.y0 + w.y1) / 2;
    const last = rows[rows.length - 1];
    if (last && Math.abs(yc - last.y) < h * 0.55) {
      last.words.push(w);
      last.y = (last.y * (last.words.length - 1) + yc) / last.words.length;
    } else {
      rows.push({ y: yc, words: [w] });
    }
  }
  return rows.map((r) => ({ y: r.y, cells: toCells(r.words, h) }));
}

type Kind = 'num' | 'text';
// OCR look-alikes (1,234.0O) still count as numbers; parseAmount decides and marks them doubtful.
const kindOf = (t: string): Kind =>
  /\d/.test(t) && !hasCjk(t) && (NUMERIC_CHARS.test(t) || parseAmount(t) !== undefined) ? 'num' : 'text';

/** Merge a row's words into cells: a label's characters and an amount's digit groups belong together. */
function toCells(words: Word[], h: number): Cell[] {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const cells: Cell[] = [];
  let cur: { words: Word[]; kind: Kind } | undefined;
  for (const w of sorted) {
    const k = kindOf(w.text);
    const prev = cur?.words[cur.words.length - 1];
    const gap = prev ? w.x0 - prev.x1 : Infinity;
    // 负 printed (or read) apart from its amount.
    const signBefore = cur !== undefined && k === 'num' && /^(负|-|\()$/.test(cur.words.map((x) => x.text).join('')) && gap < 1.2 * h;
    const joinable =
      cur !== undefined &&
      (signBefore ||
        (cur.kind === k
          // An amount that begins with its sign begins there: what stands before it (a seal's digits, the
          // comparative figure) is not its leading digit group (310 | -155.30 is no amount 310-155.30).
          ? gap < (k === 'num' ? 0.6 : 1.1) * h && !(k === 'num' && /^[-−(负]\s*\d/.test(w.text) && /\d/.test(prev?.text ?? ''))
          // A sign or parenthesis split off an amount, or a digit inside a label (1.直接从事…).
          : gap < 0.25 * h && !(cur.kind === 'text' && hasCjk(prev?.text ?? '') && k === 'num' && gap > 0.1 * h)));
    if (cur && joinable) {
      cur.words.push(w);
      if (k === 'text') cur.kind = 'text';
      if (signBefore) cur.kind = 'num';
    } else {
      if (cur) cells.push(makeCell(cur.words));
      cur = { words: [w], kind: k };
    }
  }
  if (cur) cells.push(makeCell(cur.words));
  return joinDates(cells.flatMap(splitLabelAmount), h);
}

// A date printed as separate pieces (2020 | 年 | 12 | 月 | 31 | 日): a column header, not amounts.
const DATE_PREFIX = /^(?:19|20)\d{2}(?:年(?:度|末|\d{1,2}(?:月(?:\d{1,2}日?)?|[-—]\d{0,2}月?)?)?)?$/;
const DATE_WHOLE = /^(?:19|20)\d{2}年/;

function joinDates(cells: Cell[], h: number): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const start = cells[i] as Cell;
    if (!/^(?:19|20)\d{2}/.test(start.text)) {
      out.push(start);
      continue;
    }
    let j = i;
    let text = start.text;
    while (j + 1 < cells.length) {
      const next = cells[j + 1] as Cell;
      const joined = text + next.text;
      if (next.x0 - (cells[j] as Cell).x1 > 1.2 * h || !DATE_PREFIX.test(joined)) break;
      text = joined;
      j++;
    }
    if (DATE_PREFIX.test(text) && DATE_WHOLE.test(text)) {
      const { amount: _a, ...date } = makeCell(cells.slice(i, j + 1).flatMap((c) => c.words));
      out.push({ ...date, text });
      i = j;
    } else out.push(start);
  }
  return out;
}

// OCR runs a label into its amount when the gap is small: 负债和所有者权益总计|18,661,734.39|.
const LABEL_THEN_AMOUNT = /^(.*\p{Script=Han}[^\d]*?)[|\s]*((?:负|-|\()?\d[\d,.]{3,}\)?)[|\s]*$/u;

function splitLabelAmount(cell: Cell): Cell[] {
  if (cell.amount) return [cell];
  const m = LABEL_THEN_AMOUNT.exec(cell.text);
  if (!m?.[1] || !m[2] || !parseAmount(m[2])) return [cell];
  // Positions by character share: OCR gave one box for both.
  const cut = cell.x0 + ((cell.x1 - cell.x0) * [...m[1]].length) / [...cell.text].length;
  const label: Word = { ...cell, text: m[1], x1: cut };
  const amount: Word = { ...cell, text: m[2], x0: cut };
  return [makeCell([label]), makeCell([amount])];
}

function makeCell(words: Word[]): Cell {
  const text = words.map((w) => w.text).join('');
  const cell: Cell = {
    text,
    words,
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y0: Math.min(...words.map((w) => w.y0)),
    y1: Math.max(...words.map((w) => w.y1)),
    conf: Math.min(...words.map((w) => w.conf ?? 1)),
  };
  const amount = kindOf(text) === 'num' || /^负/.test(text) ? parseAmount(text) : trailingSlip(text);
  if (amount) cell.amount = amount;
  return cell;
}

/** A number with one stray character read after it (7了): the number, as doubtful. */
function trailingSlip(text: string): ParsedAmount | undefined {
  const m = /^(\d[\d,.]*)\p{Script=Han}$/u.exec(text);
  const a = m?.[1] ? parseAmount(m[1]) : undefined;
  return a ? { ...a, doubtful: true } : undefined;
}

/**
 * Amount columns: cells grouped by the right edge they align on (figures are right-aligned), within one text
 * height, left to right.
 */
export function columnsByRightEdge(cells: Cell[]): Cell[][] {
  const h = medianHeight(cells);
  const columns: Cell[][] = [];
  for (const c of [...cells].sort((a, b) => a.x1 - b.x1)) {
    const last = columns[columns.length - 1];
    const edge = last?.[last.length - 1]?.x1;
    if (last && edge !== undefined && c.x1 - edge < h) last.push(c);
    else columns.push([c]);
  }
  return columns;
}

export const rowText = (r: Row): string => r.cells.map((c) => c.text).join(' ');
