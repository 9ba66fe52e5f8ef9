// A table of cells → firms: find the header (one row, or several when a merged section title or a merged
// 第一季度 spans the fields below it), match each column to the form's field by its wording, then turn each
// data row into the assessment input's JSON with every cell problem coded against its cell. Pure.
import { cellText, convert, isBlank, type Raw } from './cells.ts';
import { columnLetter, normalizeHeader, type Column } from './columns.ts';
import type { Table } from './read.ts';

export interface Located {
  column: Column;
  /** 0-based index into a row's cells. */
  index: number;
  /** The header as the sheet wrote it. */
  text: string;
  /** Amounts in a column headed (元) are converted to 万元. */
  unit: '万元' | '元';
}

export interface Layout {
  table: Table;
  /** The last header row; data starts below it. */
  headerRow: number;
  located: Located[];
  /** Headers that name no field of the form (kept out of the input, listed in the summary). */
  unknown: string[];
}

/** A problem with one cell (or a field the sheet lacks), in the row it belongs to. */
export interface CellIssue {
  sheet: string;
  row: number;
  /** Column letter, or null when the sheet has no such column. */
  column: string | null;
  header: string;
  /** JSON path in the assessment input. */
  path: string;
  code: string;
  message: string;
}

const stripUnits = (s: string) => s.replace(/\([^)]*\)/g, '');

/** Every spelling that names a column: its header with and without the unit, and with its section before it. */
function spellings(c: Column): string[] {
  const h = normalizeHeader(c.header);
  return [...new Set([h, stripUnits(h), normalizeHeader(c.group) + h, normalizeHeader(c.group) + stripUnits(h)])];
}

function matcher(columns: readonly Column[]) {
  const byText = new Map<string, Column>();
  for (const c of columns) for (const s of spellings(c)) if (!byText.has(s)) byText.set(s, c);
  return (text: string): { column: Column; unit: '万元' | '元' } | null => {
    const t = normalizeHeader(text);
    if (!t) return null;
    const column = byText.get(t) ?? byText.get(stripUnits(t));
    if (!column) return null;
    const unit = /\(元\)/.test(t) ? '元' : '万元';
    return { column, unit };
  };
}

const MAX_HEADER_SCAN = 12;

/**
 * Finds the header: for each of the first rows, each column is read as its own text and as the texts of up to
 * two rows above joined to it (a merged section or quarter title); the row where most columns name a field is
 * the last header row.
 */
export function locate(table: Table, columns: readonly Column[]): Layout | null {
  const match = matcher(columns);
  const scan = table.rows.slice(0, MAX_HEADER_SCAN);
  let best: { headerRow: number; located: Located[]; unknown: string[] } | null = null;
  scan.forEach((r, i) => {
    const width = r.cells.length;
    const located: Located[] = [];
    const unknown: string[] = [];
    const taken = new Set<Column>();
    for (let c = 0; c < width; c++) {
      const own = cellText(r.cells[c]);
      if (!own) continue;
      const above = [scan[i - 2], scan[i - 1]].map((x) => (x ? cellText(x.cells[c]) : ''));
      // Longest reading first: 第一季度 + 季初职工总数 before 季初职工总数 alone.
      const readings = [above.join('') + own, above[1] + own, own].filter((t, k, all) => t && all.indexOf(t) === k);
      const hit = readings.map((t) => ({ t, m: match(t) })).find((x) => x.m && !taken.has(x.m.column));
      if (hit?.m) {
        taken.add(hit.m.column);
        located.push({ column: hit.m.column, index: c, text: own, unit: hit.m.unit });
      } else unknown.push(own);
    }
    if (located.length >= 2 && (!best || located.length > best.located.length)) best = { headerRow: r.row, located, unknown };
  });
  const found = best as { headerRow: number; located: Located[]; unknown: string[] } | null;
  return found && { table, ...found };
}

const PATH_PART = /([^.[\]]+)|\[(\d+)\]/g;
/** "staff.quarters[0].startTech" → ["staff", "quarters", 0, "startTech"]. */
export const pathKeys = (path: string): (string | number)[] =>
  [...path.matchAll(PATH_PART)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = pathKeys(path);
  let o = target as Record<string | number, unknown>;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) o[k] = value;
    else o = (o[k] ??= typeof keys[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  });
}

export interface SheetRow {
  row: number;
  /** The converted values by column key, only the cells that were filled and valid. */
  values: Map<string, unknown>;
  issues: CellIssue[];
  blank: boolean;
}

/** Every data row of a located sheet, converted cell by cell. */
export function dataRows(layout: Layout): SheetRow[] {
  return layout.table.rows
    .filter((r) => r.row > layout.headerRow)
    .map((r) => {
      const values = new Map<string, unknown>();
      const issues: CellIssue[] = [];
      let blank = true;
      for (const l of layout.located) {
        const raw: Raw = r.cells[l.index];
        if (isBlank(raw)) continue;
        blank = false;
        const v = convert(l.column.kind, raw, l.unit);
        if (v.ok) values.set(l.column.key, v.value);
        else
          issues.push({
            sheet: layout.table.name,
            row: r.row,
            column: columnLetter(l.index + 1),
            header: l.text,
            path: l.column.key,
            code: v.code,
            message: `${l.column.header}${v.message}（填的是“${cellText(raw).slice(0, 40)}”）`,
          });
      }
      // A row with text only in columns that name no field (a note, a total line) is not a firm either.
      return { row: r.row, values, issues, blank };
    });
}

export interface ParsedProject {
  sheet: string;
  sheetRow: number;
  located: Located[];
  value: Record<string, unknown>;
  issues: CellIssue[];
}

export interface ParsedFirm {
  /** The row number the spreadsheet shows (the line number for CSV and JSON Lines). */
  row: number;
  name?: string;
  creditCode?: string;
  /** The assessment input as JSON, before validation (contracts.md §1). */
  input: Record<string, unknown>;
  /** Problems found reading the cells (validation adds the rest). */
  issues: CellIssue[];
  /** Where each input path came from, for validation problems. */
  sources: { sheet: string; located: Located[]; projects: ParsedProject[] } | null;
}

const QUARTER_KEY = /^staff\.quarters\[/;

/** A firm row → its assessment input: quarters only when some quarter is filled, projects from their sheet. */
export function firmOf(r: SheetRow, layout: Layout, projects: ParsedProject[], hasProjectSource: boolean): ParsedFirm {
  const input: Record<string, unknown> = {};
  const keys = new Set(layout.located.map((l) => l.column.key));
  const anyQuarter = [...r.values.keys()].some((k) => QUARTER_KEY.test(k));
  for (const [k, v] of r.values) {
    if (k.startsWith('firm.') || k === 'rdTotalSelf') continue;
    // Quarters given: the form computes the averages from them.
    if (anyQuarter && (k === 'staff.employees' || k === 'staff.techStaff')) continue;
    setPath(input, k, v);
  }
  if (anyQuarter) {
    // Four quarters, each with its four counts: a missing one is reported by validation with its cell.
    const quarters = ((input.staff as { quarters?: unknown[] }).quarters ??= []);
    for (let i = 0; i < 4; i++) quarters[i] ??= {};
  }
  // IP columns present: an empty cell is none, as on the form.
  if ([...keys].some((k) => k.startsWith('ip.'))) input.ip ??= {};
  const rdTotal = r.values.get('rdTotalSelf') as string | undefined;
  if (projects.length) input.rdProjects = projects.map((p) => p.value);
  else if (rdTotal !== undefined) input.rdProjects = [{ name: '研发费用总额（未分项）', form: 'self', status: 'completed', amount: rdTotal }];
  else if (hasProjectSource || keys.has('rdTotalSelf')) input.rdProjects = [];
  return {
    row: r.row,
    name: r.values.get('firm.name') as string | undefined,
    creditCode: r.values.get('firm.creditCode') as string | undefined,
    input,
    issues: [...r.issues, ...projects.flatMap((p) => p.issues)],
    sources: { sheet: layout.table.name, located: layout.located, projects },
  };
}

/** Project rows grouped by the firm they name (credit code, else row number); rows naming no firm are returned apart. */
export function projectsOf(layout: Layout | null): { byKey: Map<string, ParsedProject[]>; orphans: ParsedProject[] } {
  const byKey = new Map<string, ParsedProject[]>();
  const orphans: ParsedProject[] = [];
  if (!layout) return { byKey, orphans };
  for (const r of dataRows(layout)) {
    if (r.blank) continue;
    const value: Record<string, unknown> = {};
    for (const [k, v] of r.values) if (!k.startsWith('firm.')) value[k] = v;
    const p: ParsedProject = { sheet: layout.table.name, sheetRow: r.row, located: layout.located, value, issues: r.issues };
    const code = r.values.get('firm.creditCode') as string | undefined;
    const row = r.values.get('firm.row') as number | undefined;
    const key = code ?? (row !== undefined ? `#${row}` : undefined);
    if (key === undefined) orphans.push(p);
    else byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  return { byKey, orphans };
}
