// Amount columns: which header each column sits under, which are 行次, and which one holds the figure we need.
import type { StatementKind } from '../schema.ts';
import { headerRole, PREFERRED_ROLES, type ColumnRole } from './headers.ts';
import { columnsByRightEdge, type Cell, type Row } from './layout.ts';

export interface Header { cell: Cell; role: ColumnRole }

/** Column headers: cells of rows without amounts whose text names a column (本期金额, 行次, 年初余额…). */
export function findHeaders(rows: Row[], labels: { cell: Cell }[]): Header[] {
  const labelCells = new Set(labels.map((l) => l.cell));
  const headers: Header[] = [];
  rows.forEach((row) => {
    if (row.cells.some((c) => c.amount && !/^\d{1,2}$/.test(c.text))) return;
    for (const cell of row.cells) {
      if (labelCells.has(cell)) continue;
      const role = headerRole(cell.text);
      if (role) {
        headers.push({ cell, role });
        continue;
      }
      // Headers printed close together run into one cell (行次本年累计金额): fall back to its words.
      for (const w of cell.words) {
        const r = headerRole(w.text);
        if (r) headers.push({ cell: { ...w, conf: w.conf ?? 1, words: [w] }, role: r });
      }
    }
  });
  return headers;
}

export type ColumnOf = (cell: Cell) => { header?: Cell; role?: ColumnRole };

/**
 * Amount columns from the right edges amounts align on, each named by the header its span overlaps most. Per
 * cell this fails: a short amount (0.00) sits far right of a centred header, and the nearest header may be the
 * next column's; the long amounts of its column do reach under its own.
 */
export function columnsOf(rows: Row[], headers: Header[]): ColumnOf {
  const clusters = columnsByRightEdge(rows.flatMap((r) => r.cells.filter((c) => c.amount)));
  const byCell = new Map<Cell, { header?: Cell; role?: ColumnRole }>();
  for (const column of clusters) {
    const x0 = Math.min(...column.map((c) => c.x0));
    const x1 = Math.max(...column.map((c) => c.x1));
    const bottom = Math.max(...column.map((c) => c.y0));
    let best: Header | undefined;
    let most = 0;
    for (const hd of headers) {
      const overlap = Math.min(x1, hd.cell.x1) - Math.max(x0, hd.cell.x0);
      if (hd.cell.y1 <= bottom && overlap > most) {
        most = overlap;
        best = hd;
      }
    }
    const named = best ? { header: best.cell, role: best.role } : {};
    for (const c of column) byCell.set(c, named);
  }
  return (cell) => byCell.get(cell) ?? {};
}

/**
 * 行次 columns hold small integers; drop them by header, or — without one — a bare integer below 100 that sits
 * first among amounts printed with decimals. Counts (staff, project numbers) are left alone.
 */
export function dropRowNumbers<T extends { cell: Cell; role?: ColumnRole }>(cells: T[], kind?: StatementKind): T[] {
  const kept = cells.filter((c) => c.role !== 'rowno');
  if (kind === 'staff_table' || kind === 'rd_deduction') return kept;
  const first = kept[0];
  if (first && kept.length > 1 && /^\d{1,2}$/.test(first.cell.text) && first.role === undefined) return kept.slice(1);
  return kept;
}

export function chooseColumn<T extends { cell: Cell; role?: ColumnRole; header?: Cell }>(cells: T[]): T | undefined {
  for (const role of PREFERRED_ROLES) {
    const hit = cells.find((c) => c.role === role);
    if (!hit) continue;
    // 本月 is only wanted when nothing else is printed: next to it an unrecognised column is 本年累计 whose
    // header OCR garbled.
    if (role === 'monthly') return cells.find((c) => c.role === undefined) ?? hit;
    return hit;
  }
  // Without a recognised header the first amount is the current period in every format we know but the old
  // 损益表 (本月数 first): the confidence drops for a reading without a header.
  return cells.find((c) => c.role !== 'comparative' && c.role !== 'rowno');
}
