// 职工人数统计表 printed the way the evaluation form asks for the figures: one row per quarter, with 季初 and
// 季末 columns for 职工 and for 科技人员. The annual figures are the form's 全年季平均数, Σ(季初 + 季末) / 8,
// computed exactly; a printed average is checked against them.
import { formatDecimal, type ParsedAmount } from './amount.ts';
import { columnsByRightEdge, type Box, type Cell, type Row } from './layout.ts';
import { hasCjk, normalizeText } from './normalize.ts';

export interface Quarter { startEmployees: number; endEmployees: number; startTech: number; endTech: number }

export interface QuarterTable {
  quarters: Quarter[];
  employees: string;
  techStaff: string;
  /** Whether a printed 全年季平均数 agrees (undefined when none is printed or it was not read). */
  printedAgrees?: boolean;
  /** Lowest OCR confidence among the figures used. */
  confidence: number;
  /**
   * A quarter's count did not read (a seal over it): the figures are the printed 全年季平均数, which nothing
   * checks (`quarters` is then empty).
   */
  unchecked?: boolean;
}

type Group = 'employees' | 'tech';

const QUARTER = /^第?([一二三四1-4])季度?$/;
const QUARTER_INDEX: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 1: 0, 2: 1, 3: 2, 4: 3 };
const groupOf = (t: string): Group | undefined => (/科技|研发/.test(t) ? 'tech' : /职工|从业|员工|人数/.test(t) ? 'employees' : undefined);
const centre = (c: Cell) => (c.x0 + c.x1) / 2;
const whole = (a: ParsedAmount | undefined): number | undefined =>
  a && !a.negative && a.scale === 0 && a.digits < 100000n ? Number(a.digits) : undefined;

interface Layout {
  quarterRows: { row: Row; label: Cell; index: number }[];
  slots: Map<string, { cells: Cell[]; x0: number; x1: number }>;
  cells: Cell[];
}

const SLOTS = ['employees.start', 'employees.end', 'tech.start', 'tech.end'] as const;
const FIELD: Record<(typeof SLOTS)[number], keyof Quarter> = {
  'employees.start': 'startEmployees', 'employees.end': 'endEmployees', 'tech.start': 'startTech', 'tech.end': 'endTech',
};

/** The four quarter rows and the four count columns, named by the headers above them. */
function layoutOf(rows: Row[]): Layout | undefined {
  const found = new Map<number, { row: Row; label: Cell; index: number }>();
  rows.forEach((row, index) => {
    for (const label of row.cells) {
      // A ruling line or speck read inside the label (第三季/度) is no part of it.
      const m = label.amount ? null : QUARTER.exec(normalizeText(label.text).replace(/[\s/|\\_.,:;'"·-]+/g, ''));
      const q = m?.[1] ? QUARTER_INDEX[m[1]] : undefined;
      if (q !== undefined && !found.has(q)) found.set(q, { row, label, index });
    }
  });
  // One quarter whose numeral OCR lost (第 季度: the 一 taken for a ruling line): the one row between the others
  // that reads 第…季度 without it takes the quarter its place leaves.
  if (found.size === 3) {
    const lost = [0, 1, 2, 3].find((q) => !found.has(q)) as number;
    const bare = rows.flatMap((row, index) => {
      const label = row.cells.filter((c) => !c.amount).slice(0, 2);
      const text = normalizeText(label.map((c) => c.text).join('')).replace(/\s+/g, '');
      return label[0] && /^第.?季度?$/.test(text) && !QUARTER.test(text) ? [{ row, label: label[label.length - 1] as Cell, index }] : [];
    });
    const before = [...found].filter(([q]) => q < lost).map(([, r]) => r.index);
    const after = [...found].filter(([q]) => q > lost).map(([, r]) => r.index);
    const fits = bare.filter((b) => before.every((i) => i < b.index) && after.every((i) => i > b.index));
    if (fits.length === 1 && fits[0]) found.set(lost, fits[0]);
  }
  if (found.size !== 4) return undefined;
  const quarterRows = [0, 1, 2, 3].map((q) => found.get(q)!);
  const firstIndex = Math.min(...quarterRows.map((r) => r.index));
  const cells = quarterRows.flatMap((r) => r.row.cells.filter((c) => c.amount && c.x0 > r.label.x1));
  // A speck read as a number in one quarter's row makes a column of one: the four count columns are those that
  // most quarter rows fill.
  const all = columnsByRightEdge(cells);
  const columns = all.length > 4 ? all.filter((c) => [...all].sort((a, b) => b.length - a.length).slice(0, 4).includes(c)) : all;
  // The header above names each column's group (职工 or 科技人员): the nearest group word, word by word, since
  // header cells run together. Within a group 季初 comes before 季末 in every table: the order decides, which
  // also survives OCR losing the 初 of 季初数.
  const heads = rows.slice(Math.max(0, firstIndex - 6), firstIndex)
    .flatMap((r) => r.cells.filter((c) => !c.amount && hasCjk(c.text)))
    .flatMap((c) => [c, ...c.words.map((w) => ({ ...c, ...w }))]);
  const groupAt = (x: number): Group | undefined => {
    let best: { g: Group; d: number } | undefined;
    for (const c of heads) {
      const g = groupOf(normalizeText(c.text));
      const d = Math.abs(centre(c) - x);
      if (g && (!best || d < best.d)) best = { g, d };
    }
    return best?.g;
  };
  const byGroup = new Map<Group, { cells: Cell[]; x0: number; x1: number }[]>();
  for (const col of columns) {
    const x0 = Math.min(...col.map((c) => c.x0));
    const x1 = Math.max(...col.map((c) => c.x1));
    const g = groupAt((x0 + x1) / 2);
    if (!g) return undefined;
    byGroup.set(g, [...(byGroup.get(g) ?? []), { cells: col, x0, x1 }]);
  }
  const slots: Layout['slots'] = new Map();
  for (const [g, cols] of byGroup) {
    if (cols.length !== 2) return undefined;
    const [start, end] = cols.sort((a, b) => a.x0 - b.x0);
    slots.set(`${g}.start`, start!);
    slots.set(`${g}.end`, end!);
  }
  return { quarterRows, slots, cells };
}

/**
 * The count where a quarter row crosses a column: the first whole number among the readings of that cell (the
 * page pass's, then a second look's), so a misread one (2.41: a ruling line taken for "2.") gives way.
 */
function valueAt(l: Layout, slot: string, row: Row): number | undefined {
  return cellAt(l, slot, row)?.v;
}
function cellAt(l: Layout, slot: string, row: Row): { v: number; conf: number } | undefined {
  const own = l.slots.get(slot)?.cells.find((c) => row.cells.includes(c));
  for (const c of [own, ...row.cells.filter((x) => x !== own && x.amount && inSlot(l, slot, x))]) {
    const v = whole(c?.amount);
    if (v !== undefined && c) return { v, conf: c.conf };
  }
  return undefined;
}
const inSlot = (l: Layout, slot: string, c: Cell): boolean => {
  const s = l.slots.get(slot);
  return !!s && c.x1 > s.x0 && c.x0 < s.x1;
};

export function readQuarterTable(rows: Row[]): QuarterTable | undefined {
  const l = layoutOf(rows);
  if (!l || l.slots.size !== 4) return undefined;
  const quarters: Quarter[] = [];
  let surest = 1;
  const firstIndex = Math.min(...l.quarterRows.map((r) => r.index));
  for (const { row } of l.quarterRows) {
    const q: Partial<Quarter> = {};
    for (const slot of SLOTS) {
      const c = cellAt(l, slot, row);
      q[FIELD[slot]] = c?.v;
      surest = Math.min(surest, c?.conf ?? 1);
    }
    if (SLOTS.some((slot) => q[FIELD[slot]] === undefined)) {
      // The form's own figures are printed below: they stand, unchecked, rather than an average of seven.
      const printed = printedFigures(rows, firstIndex, l);
      if (printed?.employees === undefined || printed.tech === undefined) return undefined;
      return { quarters: [], employees: printed.employees, techStaff: printed.tech, unchecked: true, confidence: Math.min(...l.cells.map((c) => c.conf)) };
    }
    quarters.push(q as Quarter);
  }
  const average = (a: keyof Quarter, b: keyof Quarter) => {
    const sum = quarters.reduce((s, q) => s + q[a] + q[b], 0);
    return formatDecimal((BigInt(sum) * 1000n) / 8n, 3);
  };
  const employees = average('startEmployees', 'endEmployees');
  const techStaff = average('startTech', 'endTech');
  // A printed average that disagrees: with every count read surely (a text layer) the eight counts stand, as
  // the form recomputes them; with a doubtful one among them (a second look into a cell under a seal) the
  // printed figure, read in one cell, is reported. Flagged either way.
  const printedAgrees = checkPrinted(rows, firstIndex, l, employees, techStaff);
  const printed = printedAgrees === false && surest < 0.9 ? printedFigures(rows, firstIndex, l) : undefined;
  return {
    quarters, employees: printed?.employees ?? employees, techStaff: printed?.tech ?? techStaff, printedAgrees,
    confidence: Math.min(...l.cells.map((c) => c.conf)),
  };
}

/** Where a count the page pass missed should be (a quarter row × a count column), for a second look. */
export function missingQuarterCells(rows: Row[]): { row: Row; box: Box }[] {
  const l = layoutOf(rows);
  if (!l || l.slots.size !== 4) return [];
  const out: { row: Row; box: Box }[] = [];
  for (const { row, label } of l.quarterRows) {
    for (const slot of SLOTS) {
      const s = l.slots.get(slot);
      if (!s || valueAt(l, slot, row) !== undefined) continue;
      out.push({ row, box: { x0: s.x0, x1: s.x1, y0: label.y0, y1: label.y1 } });
    }
  }
  return out;
}

/** The 全年季平均数 row, each figure matched to the group whose columns it sits under. */
function checkPrinted(rows: Row[], firstIndex: number, l: Layout, employees: string, techStaff: string): boolean | undefined {
  const found = printedFigures(rows, firstIndex, l);
  if (!found) return undefined;
  return (found.employees ?? employees) === employees && (found.tech ?? techStaff) === techStaff;
}

function printedFigures(rows: Row[], firstIndex: number, l: Layout): Partial<Record<Group, string>> | undefined {
  const row = rows.slice(firstIndex).find((r) => r.cells.some((c) => !c.amount && /全年|平均/.test(normalizeText(c.text))));
  if (!row) return undefined;
  const found: Partial<Record<Group, string>> = {};
  for (const c of row.cells.filter((x) => x.amount)) {
    let best: { g: Group; d: number } | undefined;
    for (const [key, col] of l.slots) {
      const d = Math.abs(col.x1 - c.x1);
      if (!best || d < best.d) best = { g: key.split('.')[0] as Group, d };
    }
    if (best && c.amount) found[best.g] = formatDecimal(c.amount.digits, c.amount.scale);
  }
  if (found.employees === undefined && found.tech === undefined) return undefined;
  return found;
}

/**
 * A row of counts (items as rows): which figure is the printed 全年季平均数 — under its header, or, header lost,
 * the last when it is fractional or ninth — and which are quarter figures. `partial`: neither a printed average
 * nor 1, 4 or 8 whole figures (a count the seal hid): no figure can be given, the count is missing.
 */
export function countShape(nums: ParsedAmount[], byHeader?: ParsedAmount): { printed?: ParsedAmount; quarters: ParsedAmount[]; sound: boolean; partial: boolean } {
  const wholeNum = (n: ParsedAmount) => n.scale === 0 || n.digits % 10n ** BigInt(n.scale) === 0n;
  const last = nums[nums.length - 1];
  const printed = byHeader ?? (last && nums.length > 1 && (!wholeNum(last) || nums.length === 9) ? last : undefined);
  // Head counts on a date (季初/季末) are whole people: anything else among eight is a misread or a lost column.
  // Four figures are quarterly averages and may end in .5.
  const quarters = nums.filter((n) => n !== printed);
  const sound = quarters.length === 4 || quarters.every(wholeNum);
  const partial = !printed && sound && quarters.length > 1 && quarters.length !== 4 && quarters.length !== 8;
  return { ...(printed ? { printed } : {}), quarters, sound, partial };
}

/**
 * A firm's head counts on its eight dates of one year, as read, that jump more than fourfold and by 20 people or
 * more (7 → 71: a ruling line or a speck read as a digit beside the count). Such a year is possible, so the
 * figure is kept, but it is flagged for the owner to confirm rather than vouched for. No identity checks a count.
 */
export function implausibleJump(counts: number[]): boolean {
  if (counts.length < 2) return false;
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return hi - lo >= 20 && hi > 4 * lo;
}
