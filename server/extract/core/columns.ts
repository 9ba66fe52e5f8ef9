// Amount columns: which header each column sits under, which are 行次, and which one holds the figure we need.
import type { StatementKind } from '../schema.ts';
import { headerRole, headerYear, PREFERRED_ROLES, type ColumnRole } from './headers.ts';
import { columnsByRightEdge, type Cell, type Row } from './layout.ts';

export interface Header { cell: Cell; role: ColumnRole }

/** Column headers: cells of rows without amounts whose text names a column (本期金额, 行次, 年初余额…). */
export function findHeaders(rows: Row[], labels: { cell: Cell }[]): Header[] {
  const labelCells = new Set(labels.map((l) => l.cell));
  const headers: Header[] = [];
  rows.forEach((row) => {
    const before = headers.length;
    // A summary table heads its columns with bare years (2020 2019 2018): numbers, but no amounts.
    const years = row.cells.filter((c) => c.amount && /^(?:19|20)\d{2}$/.test(c.text));
    const bareYears = years.length >= 2 && new Set(years.map((c) => c.text)).size === years.length;
    if (row.cells.some((c) => c.amount && !/^\d{1,2}$/.test(c.text) && !(bareYears && years.includes(c)))) return;
    for (const cell of row.cells) {
      if (labelCells.has(cell)) continue;
      const role = bareYears && years.includes(cell) ? 'year' : headerRole(cell.text);
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
    // A date alone on its row is the statement's period line (2020年1-12月), not a column head.
    const mine = headers.slice(before);
    if (mine.length === 1 && mine[0]?.role === 'year') headers.pop();
  });
  return byDate(headers);
}

/** Dated headers: the latest date is the current column, every other one comparative. */
function byDate(headers: Header[]): Header[] {
  const dated = headers.filter((h) => h.role === 'year').map((h) => ({ h, d: headerYear(h.cell.text)?.date ?? Number(h.cell.text) * 10000 + 1231 }));
  if (dated.length === 0) return headers;
  const latest = Math.max(...dated.map((x) => x.d));
  const roleOf = new Map(dated.map((x) => [x.h, x.d === latest ? 'current' as const : 'comparative' as const]));
  return headers.map((h) => (roleOf.has(h) ? { ...h, role: roleOf.get(h)! } : h));
}

export type ColumnOf = (cell: Cell) => { header?: Cell; role?: ColumnRole };

/** The money columns of a table, left to right, as the next page of the same statement inherits them. */
export interface ColumnLayout {
  roles: (ColumnRole | undefined)[];
  edges: number[];
  headers: (string | undefined)[];
  /** Right edges of the 附注 / 行次 columns: a continuation page's column there holds note numbers, not money. */
  notes?: number[];
}

const BARE = /^\d{1,3}$/;
const hasDecimals = (c: Cell) => (c.amount?.scale ?? 0) > 0;

/**
 * 附注 and 行次 columns hold bare small integers. A stray cell caught in the column (the year of a running head
 * such as "2020年年度报告" above it) does not make it a money column when the table's amounts print decimals
 * and nearly all of the column is bare integers: a note number is never an amount.
 */
function noteLike(column: Cell[], decimalsElsewhere: boolean): boolean {
  const bare = column.filter((c) => BARE.test(c.text)).length;
  if (bare === column.length) return true;
  return decimalsElsewhere && bare >= 2 && bare >= 0.75 * column.length && column.every((c) => /^\d{1,4}$/.test(c.text));
}

/**
 * Amount columns from the right edges amounts align on, each named by the header its span overlaps most. Per
 * cell this fails: a short amount (0.00) sits far right of a centred header, and the nearest header may be the
 * next column's; the long amounts of its column do reach under its own. A page that continues a statement
 * without repeating its header takes the names from the page before (`inherited`), column by column.
 */
export function columnsOf(rows: Row[], headers: Header[], inherited?: ColumnLayout): { columnOf: ColumnOf; layout: ColumnLayout } {
  const clusters = columnsByRightEdge(rows.flatMap((r) => r.cells.filter((c) => c.amount)));
  const byCell = new Map<Cell, { header?: Cell; role?: ColumnRole }>();
  const layout: ColumnLayout = { roles: [], edges: [], headers: [] };
  const decimals = (column: Cell[]) => clusters.some((o) => o !== column && o.some(hasDecimals));
  // Without headers of its own, a column nearer an inherited 附注 edge than to any inherited money edge is notes.
  const nearNotes = (column: Cell[]) => {
    const notes = inherited?.notes ?? [];
    if (notes.length === 0 || headers.length > 0) return false;
    const edge = Math.max(...column.map((c) => c.x1));
    const d = (es: number[]) => Math.min(...es.map((e) => Math.abs(e - edge)));
    return d(notes) < d(inherited?.edges ?? []) && column.every((c) => !hasDecimals(c));
  };
  const notes = new Set(clusters.filter((c) => noteLike(c, decimals(c)) || nearNotes(c)));
  const money = clusters.filter((c) => !notes.has(c));
  const named = new Map<Cell[], { header?: Cell; role?: ColumnRole }>();
  for (const column of clusters) {
    const x0 = Math.min(...column.map((c) => c.x0));
    const x1 = Math.max(...column.map((c) => c.x1));
    const bottom = Math.max(...column.map((c) => c.y0));
    let best: Header | undefined;
    let most = 0;
    for (const hd of headers) {
      const overlap = Math.min(x1, hd.cell.x1) - Math.max(x0, hd.cell.x0);
      if (hd.cell.y1 <= bottom && (overlap > most || (overlap === most && overlap > 0 && best && hd.cell.y1 > best.cell.y1))) {
        most = overlap;
        best = hd;
      }
    }
    named.set(column, best ? { header: best.cell, role: best.role } : {});
  }
  // Short amounts (0.24 in 百万元) all sit right of a centred header and reach under none: such a column takes the
  // unused header standing between the column before it and its own right edge, the nearest one.
  const used = new Set([...named.values()].map((n) => n.header));
  clusters.forEach((column, i) => {
    if (named.get(column)?.header) return;
    const edge = Math.max(...column.map((c) => c.x1));
    const before = i > 0 ? Math.max(...(clusters[i - 1] ?? []).map((c) => c.x1)) : -Infinity;
    const bottom = Math.max(...column.map((c) => c.y0));
    const hd = headers
      .filter((x) => !used.has(x.cell) && x.cell.y1 <= bottom && x.cell.x0 >= before && x.cell.x1 <= edge)
      .sort((a, b) => b.cell.x1 - a.cell.x1)[0];
    if (!hd) return;
    used.add(hd.cell);
    named.set(column, { header: hd.cell, role: hd.role });
  });
  layout.notes = [...notes].map((column) => Math.max(...column.map((c) => c.x1)));
  if (layout.notes.length === 0 && inherited?.notes?.length && headers.length === 0) layout.notes = inherited.notes;
  const anyNamed = money.some((c) => named.get(c)?.role);
  money.forEach((column, i) => {
    const edge = Math.max(...column.map((c) => c.x1));
    if (!anyNamed && inherited && inherited.roles.length > 0) {
      // Same number of columns: the same order. Otherwise the inherited column whose right edge is nearest.
      const k = inherited.roles.length === money.length ? i
        : inherited.edges.reduce((bi, e, j) => (Math.abs(e - edge) < Math.abs((inherited.edges[bi] ?? Infinity) - edge) ? j : bi), 0);
      const role = inherited.roles[k];
      named.set(column, role ? { role } : {});
    }
    const n = named.get(column);
    layout.roles.push(n?.role);
    layout.edges.push(edge);
    layout.headers.push(n?.header?.text ?? (anyNamed ? undefined : inherited?.headers[i]));
  });
  for (const column of clusters) for (const c of column) byCell.set(c, named.get(column) ?? {});
  return { columnOf: (cell) => byCell.get(cell) ?? {}, layout };
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
  // A bare integer before amounts printed with decimals is a 附注 or 行次 number, whatever column it fell in.
  if (first && kept.length > 1 && BARE.test(first.cell.text) && kept.slice(1).some((c) => hasDecimals(c.cell))) return kept.slice(1);
  return kept;
}

/**
 * A row's cell in the column of `role`. Two cells of one row under one header means one of them intrudes (a
 * seal's digits beside the figure, 310 | -155.30): the one printed with decimals, like money, then the one read
 * more surely.
 */
function inColumn<T extends { cell: Cell; role?: ColumnRole }>(cells: T[], role: ColumnRole): T | undefined {
  const all = cells.filter((c) => c.role === role);
  if (all.length < 2) return all[0];
  return [...all].sort((a, b) => Number(hasDecimals(b.cell)) - Number(hasDecimals(a.cell)) || b.cell.conf - a.cell.conf)[0];
}

/**
 * `tableRoles`: the roles of the table's money columns. When the table has a 本年累计/本期 column, a row whose
 * cell there is unreadable (a seal's star read into it) gives nothing rather than its 本月 figure: the gap is
 * looked at again, or asked for.
 */
export function chooseColumn<T extends { cell: Cell; role?: ColumnRole; header?: Cell }>(cells: T[], tableRoles: (ColumnRole | undefined)[] = []): T | undefined {
  for (const role of PREFERRED_ROLES) {
    const hit = inColumn(cells, role);
    if (!hit) continue;
    // 本月 is only wanted when nothing else is printed: next to it an unrecognised column is 本年累计 whose
    // header OCR garbled.
    if (role === 'monthly') return cells.find((c) => c.role === undefined) ?? (tableRoles.some((r) => r === 'ytd' || r === 'current') ? undefined : hit);
    return hit;
  }
  // Without a recognised header the first amount is the current period in every format we know but the old
  // 损益表 (本月数 first): the confidence drops for a reading without a header.
  return cells.find((c) => c.role !== 'comparative' && c.role !== 'rowno');
}
