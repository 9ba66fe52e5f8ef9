// One page of positioned words → the statement it holds: kind, unit, company, period and each line item's
// current-period figure, paired by coordinates.
import type { StatementKind, Unit } from '../schema.ts';
import type { ParsedAmount } from './amount.ts';
import type { ItemKey } from './catalog.ts';
import { chooseColumn, columnsOf, dropRowNumbers, findHeaders, type ColumnOf } from './columns.ts';
import type { ColumnRole } from './headers.ts';
import { findLabels, type LabelHit } from './labels.ts';
import { groupRows, medianHeight, rowText, type Box, type Cell, type Row, type Word } from './layout.ts';
import { readQuarterTable, type QuarterTable } from './staff.ts';
import { findCompany, findPeriod, findTitle, voteKind } from './statement-meta.ts';
import { detectUnit } from './unit.ts';

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
}

export interface PageReading {
  kind?: StatementKind;
  /** True when the page names its statement (a title); false when guessed from its line items. */
  titled: boolean;
  unit: Unit;
  unitFound: boolean;
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


export function readPage(words: Word[]): PageReading {
  const rows = groupRows(words);
  const lines = rows.map(rowText);
  const text = lines.join('\n');
  const titled = findTitle(rows);
  const labels = findLabels(rows, titled);
  const kind = titled ?? voteKind(labels.map((l) => l.m.item.kind));
  const own = labels.filter((l) => l.m.item.kind === kind);
  const headers = findHeaders(rows, own);
  const columnOf = columnsOf(rows, headers);
  const { unit, found: unitFound } = detectUnit(text);
  const readings = new Map<ItemKey, Reading>();
  let column: string | undefined;
  for (const l of own) {
    const key = l.m.item.key;
    if (!key) continue;
    const rowAmounts = amountsRightOf(rows, l.cell, own).map((cell) => ({ cell, ...columnOf(cell) }));
    const candidates = dropRowNumbers(rowAmounts, kind);
    const chosen = chooseColumn(candidates);
    if (!chosen || !chosen.cell.amount) continue;
    const reading: Reading = {
      key, amount: chosen.cell.amount, cell: chosen.cell, label: l.cell.text, labelX0: l.cell.x0, labelConfidence: l.m.confidence,
      column: chosen.header?.text, role: chosen.role, rowAmounts: candidates,
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
    column ??= chosen.header?.text;
  }
  const gaps = findGaps(own, readings);
  const orphans = findOrphans(rows, labels, readings, columnOf);
  const decimals = mode([...readings.values()].map((r) => r.amount.scale)) ?? 2;
  const quarters = kind === 'staff_table' ? readQuarterTable(rows) : undefined;
  return {
    kind, titled: titled !== undefined, unit, unitFound, readings, gaps, orphans, decimals, knownLines: own.length, column, rows,
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

function mode(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
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

