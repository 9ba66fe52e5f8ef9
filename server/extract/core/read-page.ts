// One page of positioned words → the statement it holds: kind, unit, company, period and each line item's
// current-period figure, paired by coordinates.
import type { Scope, StatementKind, Unit } from '../schema.ts';
import type { ParsedAmount } from './amount.ts';
import type { ItemKey } from './catalog.ts';
import { chooseColumn, columnsOf, dropRowNumbers, findHeaders, type ColumnLayout, type ColumnOf } from './columns.ts';
import type { ColumnRole } from './headers.ts';
import { findLabels, type LabelHit } from './labels.ts';
import { columnsByRightEdge, groupRows, medianHeight, rowText, type Box, type Cell, type Row, type Word } from './layout.ts';
import { countShape, readQuarterTable, type QuarterTable } from './staff.ts';
import { findCompany, findPeriod, findTitles, voteKind } from './statement-meta.ts';
import { detectUnit } from './unit.ts';
import { normalizeText } from './normalize.ts';

export interface Reading {
  key: ItemKey;
  amount: ParsedAmount;
  /** The amount's cell, in page coordinates: a doubtful one is re-read from its crop. */
  cell: Cell;
  /** The label as printed, and how well it matched. */
  label: string;
  labelX0: number;
  labelConfidence: number;
  /** Column header chosen (e.g. 本年累计金额), if any. */
  column?: string;
  role?: ColumnRole;
  /** All amounts found on the row for this item, in reading order (for staff tables and diagnostics). */
  rowAmounts: { cell: Cell; role?: ColumnRole }[];
  /** Other rows whose label matched the same line item. */
  alternatives?: Reading[];
  /** The comparative column's amount on the same line (上期 / 上年 / 年初 / 上年年末). */
  previous?: { cell: Cell; amount: ParsedAmount };
}

export interface PageReading {
  kind?: StatementKind;
  /** True when the page names its statement (a title); false when guessed from its line items. */
  titled: boolean;
  /** 合并 / 母公司 from the title; `single` when the title names neither. */
  scope: Scope;
  /** The title named a statement we do not read (现金流量表…): it ends the statement before it. */
  otherStatement?: boolean;
  /** Header text of the comparative column read for `previous`. */
  previousColumn?: string;
  /** The money columns' roles, left to right: what a continuation page without a header inherits. */
  layout: ColumnLayout;
  /** Contract lines whose label is on the page but whose current cell has text that is no amount. */
  unreadable: { key: ItemKey; label: string; box: Box }[];
  unit: Unit;
  unitFound: boolean;
  /** A unit line was printed but its scale did not read (单位：F元): `unit` is a guess, every figure to confirm. */
  unitGuessed?: boolean;
  company?: string;
  period?: string;
  readings: Map<ItemKey, Reading>;
  /**
   * Line items whose label was read but whose current-period cell gave no amount (a seal over it, OCR noise):
   * where that cell should be, for a second look.
   */
  gaps: { key: ItemKey; box: Box }[];
  /**
   * Amounts in the current column with no label level with them: where their label should be, so that OCR can
   * take a second look at a label it garbled (减划上成 for 减:营业成本).
   */
  orphans: Box[];
  /** A staff table printed one row per quarter (the form's own layout). */
  quarters?: QuarterTable;
  /** Decimals most amounts on the page print with (2 on nearly every statement). */
  decimals: number;
  /** How many known line items of the kind the page shows: a garbled page shows none. */
  knownLines: number;
  column?: string;
  rows: Row[];
}


/** What a page inherits from the statement it continues: its column names and unit. */
export interface PageContext { kind?: StatementKind; layout?: ColumnLayout; unit?: Unit; unitFound?: boolean; scope?: Scope }

/** A page read as one statement (the whole page). */
export function readPage(words: Word[], context: PageContext = {}): PageReading {
  return readRows(groupRows(words), undefined, context);
}

/**
 * A page read statement by statement: each title starts one, wherever it stands; rows above the first title
 * continue the statement of the page before (`context`). Words of the page are grouped once.
 */
export function readSegments(words: Word[], context: PageContext = {}): PageReading[] {
  const rows = groupRows(words);
  const titles = findTitles(rows);
  const pageUnit = detectUnit(rows.map(rowText).join('\n'));
  const cuts = [0, ...titles.map((t) => t.rowIndex), rows.length];
  const out: PageReading[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const title = i === 0 ? undefined : titles[i - 1];
    const part = rows.slice(cuts[i], cuts[i + 1]);
    if (part.length === 0) continue;
    const ctx: PageContext = title ? { ...(pageUnit.found ? { unit: pageUnit.unit, unitFound: true } : {}) } : context;
    out.push(readRows(part, title ? { kind: title.kind, scope: title.scope } : undefined, ctx));
  }
  return out;
}

function readRows(rows: Row[], title: { kind: StatementKind | 'other'; scope: Scope } | undefined, context: PageContext): PageReading {
  const lines = rows.map(rowText);
  const text = lines.join('\n');
  const found = title ?? findTitles(rows)[0];
  const titledKind = found && found.kind !== 'other' ? found.kind : undefined;
  const labels = found?.kind === 'other' ? [] : findLabels(rows, titledKind);
  const kind = titledKind ?? (found ? undefined : voteKind(labels.map((l) => l.m.item.kind)));
  const own = labels.filter((l) => l.m.item.kind === kind);
  const headers = findHeaders(rows, own);
  const inherit = !found && context.kind === kind ? context.layout : undefined;
  const { columnOf, layout } = columnsOf(rows, headers, inherit);
  const detected = detectUnit(text);
  const { unit, found: unitFound } = detected.found || !context.unit ? detected : { unit: context.unit, found: context.unitFound ?? false };
  const unitGuessed = !detected.found && detected.guessed === true && !context.unitFound;
  const readings = new Map<ItemKey, Reading>();
  let column: string | undefined;
  let previousColumn: string | undefined;
  const strays = kind === 'staff_table' ? strayCounts(rows, own) : new Set<Cell>();
  for (const l of own) {
    const key = l.m.item.key;
    if (!key) continue;
    const rowAmounts = amountsRightOf(rows, l.cell, own).filter((c) => !strays.has(c)).map((cell) => ({ cell, ...columnOf(cell) }));
    const candidates = dropRowNumbers(rowAmounts, kind);
    const chosen = chooseColumn(candidates, layout.roles);
    if (!chosen || !chosen.cell.amount) continue;
    const prev = candidates.find((c) => c.role === 'comparative' && c !== chosen && c.cell.amount);
    const reading: Reading = {
      key, amount: chosen.cell.amount, cell: chosen.cell, label: l.cell.text, labelX0: l.cell.x0, labelConfidence: l.m.confidence,
      column: chosen.header?.text, role: chosen.role, rowAmounts: candidates,
      ...(prev?.cell.amount ? { previous: { cell: prev.cell, amount: prev.cell.amount } } : {}),
    };
    // A label met twice (repeated in a summary, or a line misread as another): the more certain reading leads,
    // the other stays an alternative for the identities to weigh.
    const previous = readings.get(key);
    if (previous) {
      const [lead, other] = previous.labelConfidence >= l.m.confidence ? [previous, reading] : [reading, previous];
      readings.set(key, { ...lead, alternatives: [...(previous.alternatives ?? []), other] });
      continue;
    }
    readings.set(key, reading);
    column ??= chosen.header?.text ?? layout.headers[layout.roles.indexOf(chosen.role)];
    previousColumn ??= prev?.header?.text ?? layout.headers[layout.roles.indexOf('comparative')];
  }
  deductionsInParentheses(readings);
  const gaps = findGaps(own, readings);
  const orphans = findOrphans(rows, labels, readings, columnOf);
  const decimals = mode([...readings.values()].map((r) => r.amount.scale)) ?? 2;
  const quarters = kind === 'staff_table' ? readQuarterTable(rows) : undefined;
  const unreadable = gaps.flatMap((g) => {
    const label = own.find((l) => l.m.item.key === g.key);
    const inside = rows.flatMap((r) => r.cells).filter((c) => c !== label?.cell && c.x0 < g.box.x1 && c.x1 > g.box.x0 && (c.y0 + c.y1) / 2 > g.box.y0 && (c.y0 + c.y1) / 2 < g.box.y1);
    return inside.some((c) => !/^[-—–~_\s]*$/.test(c.text)) && label ? [{ key: g.key, label: label.cell.text, box: g.box }] : [];
  });
  // A staff row whose quarters are read in part (a count under a seal) and that prints no average: the line is on
  // the page and its figure cannot be given — missing, for the owner to fill in.
  if (kind === 'staff_table' && !quarters) {
    for (const r of readings.values()) {
      const nums = r.rowAmounts.map((a) => a.cell.amount).filter((a): a is ParsedAmount => a !== undefined);
      if (countShape(nums, r.rowAmounts.find((a) => a.role === 'average')?.cell.amount).partial) unreadable.push({ key: r.key, label: r.label, box: r.cell });
    }
  }
  return {
    kind, titled: found !== undefined, scope: found?.scope ?? context.scope ?? 'single', layout, unit, unitFound, readings, gaps, orphans,
    decimals, knownLines: own.length, column, rows, unreadable,
    ...(unitGuessed ? { unitGuessed: true } : {}),
    ...(found?.kind === 'other' ? { otherStatement: true } : {}),
    ...(previousColumn ? { previousColumn } : {}),
    ...(quarters ? { quarters } : {}),
    company: findCompany(lines), period: findPeriod(text),
  };
}

/**
 * The current-period cell of a label that has no reading lies level with the label, in the column where the
 * labels of the same side (same left edge) had theirs.
 */
function findGaps(labels: LabelHit[], readings: Map<ItemKey, Reading>): PageReading['gaps'] {
  const read = [...readings.values()];
  const gaps: PageReading['gaps'] = [];
  for (const l of labels) {
    const key = l.m.item.key;
    if (!key || readings.has(key)) continue;
    const h = l.cell.y1 - l.cell.y0;
    const sameSide = read.filter((r) => Math.abs(r.labelX0 - l.cell.x0) < 4 * h && r.role !== 'comparative' && r.role !== 'monthly');
    if (sameSide.length === 0) continue;
    const x0 = Math.min(...sameSide.map((r) => r.cell.x0));
    const x1 = Math.max(...sameSide.map((r) => r.cell.x1));
    if (x0 <= l.cell.x1) continue;
    gaps.push({ key, box: { x0, x1, y0: l.cell.y0, y1: l.cell.y1 } });
  }
  return gaps;
}

const MAX_ORPHANS = 12;

function findOrphans(rows: Row[], labels: LabelHit[], readings: Map<ItemKey, Reading>, columnOf: ColumnOf): PageReading['orphans'] {
  const read = [...readings.values()];
  const used = new Set(read.map((r) => r.cell));
  const out: PageReading['orphans'] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.amount || used.has(cell) || out.length >= MAX_ORPHANS) continue;
      const role = columnOf(cell).role;
      if (role === 'comparative' || role === 'monthly' || role === 'rowno') continue;
      const h = cell.y1 - cell.y0;
      const yc = (cell.y0 + cell.y1) / 2;
      if (labels.some((l) => l.cell.x1 <= cell.x0 && yc >= l.cell.y0 - h * 0.3 && yc <= l.cell.y1 + h * 0.3)) continue;
      const ref = read.find((r) => Math.min(r.cell.x1, cell.x1) - Math.max(r.cell.x0, cell.x0) > 0);
      if (!ref) continue;
      const firstAmount = Math.min(...row.cells.filter((c) => c.amount && c.x0 > ref.labelX0 + h).map((c) => c.x0));
      const x1 = Math.min(firstAmount, cell.x0) - h * 0.3;
      if (x1 - ref.labelX0 < 2 * h) continue;
      out.push({ x0: Math.max(0, ref.labelX0 - h * 0.2), x1, y0: cell.y0 - h * 0.15, y1: cell.y1 + h * 0.15 });
    }
  }
  return out;
}

const EXPENSES = new Set<ItemKey>(['operatingCost', 'mainBusinessCost', 'otherBusinessCost', 'totalOperatingCost', 'taxesAndSurcharges',
  'sellingExpenses', 'adminExpenses', 'rdExpenses', 'financeExpenses', 'incomeTax', 'nonOperatingExpense']);

/**
 * Some software prints what a 减： line deducts in parentheses: (8,000.00) beside 减：营业成本 is a cost of
 * 8,000.00, not a negative cost. Once a 减： line shows it, the expense lines of that statement follow the same
 * style; a sign still wrong after that is what the identities' single-sign repair is for.
 */
function deductionsInParentheses(readings: Map<ItemKey, Reading>): void {
  const all = [...readings.values()];
  const style = all.some((r) => r.amount.paren && /^\s*(?:[一二三四五六七八九十]+[、.])?\s*减/.test(normalizeText(r.label)));
  if (!style) return;
  for (const r of all) {
    if (!EXPENSES.has(r.key)) continue;
    for (const a of [r.amount, r.previous?.amount]) if (a?.paren && !a.doubtful) a.negative = false;
  }
}

function mode(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}



/**
 * A staff table's counts stand in columns shared by its rows. A lone number left of the first such column (a
 * speck between the label and the table read as "8") is no count: it would pass for a quarter, or — ninth on
 * its row — for the printed average.
 */
function strayCounts(rows: Row[], labels: LabelHit[]): Set<Cell> {
  const cells = labels.flatMap((l) => amountsRightOf(rows, l.cell, labels));
  const clusters = columnsByRightEdge(cells);
  const shared = clusters.filter((c) => c.length >= 2);
  if (shared.length === 0) return new Set();
  const first = Math.min(...shared.flatMap((c) => c.map((x) => x.x0)));
  return new Set(clusters.filter((c) => c.length === 1 && (c[0]?.x1 ?? Infinity) < first).flat());
}

/**
 * Amounts level with a label (its centre within the label's vertical extent) and to its right, up to the next
 * label on the same level (two-sided balance sheets put a second label and its amounts on the same row).
 */
function amountsRightOf(rows: Row[], label: Cell, labels: { cell: Cell }[]): Cell[] {
  const h = Math.min(label.y1 - label.y0, medianHeight(label.words) * 1.2);
  const level = (c: Cell) => {
    const yc = (c.y0 + c.y1) / 2;
    return yc >= label.y0 - h * 0.25 && yc <= label.y1 + h * 0.25;
  };
  const next = labels
    .map((l) => l.cell)
    .filter((c) => c !== label && c.x0 > label.x1 && level(c))
    .sort((a, b) => a.x0 - b.x0)[0];
  const limit = next ? next.x0 : Infinity;
  return rows
    .flatMap((r) => r.cells)
    .filter((c) => c.amount && level(c) && c.x0 >= label.x1 - 1 && c.x1 <= limit + 1)
    .sort((a, b) => a.x0 - b.x0);
}

