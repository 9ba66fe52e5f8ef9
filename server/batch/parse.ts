// A read batch file → the firms in input order, each with its assessment input JSON and its cell problems.
// Sheets: the firms sheet is the one named 企业 or whose header names most form fields; projects come from the
// 研发项目 sheet. JSON Lines: one contracts.md §1 input per line (an optional `firm: { name, creditCode }`).
import { convert } from './cells.ts';
import { FIRM_COLUMNS, FIRM_SHEET, PROJECT_COLUMNS, PROJECT_SHEET } from './columns.ts';
import { BatchInputError, type BatchFile } from './read.ts';
import { dataRows, firmOf, locate, projectsOf, type CellIssue, type Layout, type ParsedFirm } from './sheet.ts';

export interface ParsedBatch {
  format: 'xlsx' | 'csv' | 'jsonl';
  firms: ParsedFirm[];
  /** Rows with nothing in them, skipped (shown in the summary so nobody wonders where they went). */
  blankRows: number[];
  /** Headers that name no field, and project rows that name no firm. */
  notes: string[];
  orphanProjects: CellIssue[];
}

function pickLayout(tables: Extract<BatchFile, { kind: 'sheets' }>['tables'], name: string, columns: typeof FIRM_COLUMNS, exclude?: Layout) {
  const layouts = tables
    .filter((t) => t !== exclude?.table)
    .map((t) => locate(t, columns))
    .filter((l): l is Layout => l !== null);
  return layouts.find((l) => l.table.name.trim() === name) ?? layouts.sort((a, b) => b.located.length - a.located.length)[0] ?? null;
}

export function parseBatch(file: BatchFile): ParsedBatch {
  if (file.kind === 'jsonl') return parseJsonl(file);
  const firmsLayout = pickLayout(file.tables, FIRM_SHEET, FIRM_COLUMNS);
  if (!firmsLayout || firmsLayout.located.length < 3)
    throw new BatchInputError('NO_HEADER', '没有找到表头：请使用 kexiao batch --template 生成的模板，或让第一行列名与评价信息表一致');
  const projectsLayout = pickLayout(file.tables, PROJECT_SHEET, PROJECT_COLUMNS, firmsLayout);
  const usableProjects = projectsLayout && projectsLayout.located.some((l) => l.column.key === 'name') ? projectsLayout : null;
  const projects = projectsOf(usableProjects);
  const firms: ParsedFirm[] = [];
  const blankRows: number[] = [];
  const used = new Set<string>();
  for (const r of dataRows(firmsLayout)) {
    if (r.blank) {
      blankRows.push(r.row);
      continue;
    }
    const code = r.values.get('firm.creditCode') as string | undefined;
    const key = code && projects.byKey.has(code) ? code : `#${r.row}`;
    used.add(key);
    firms.push(firmOf(r, firmsLayout, projects.byKey.get(key) ?? [], usableProjects !== null));
  }
  const orphanProjects: CellIssue[] = [
    ...projects.orphans,
    ...[...projects.byKey].filter(([k]) => !used.has(k)).flatMap(([, ps]) => ps),
  ].map((p) => ({
    sheet: usableProjects!.table.name,
    row: p.sheetRow,
    column: null,
    header: '统一社会信用代码',
    path: 'rdProjects',
    code: 'PROJECT_WITHOUT_FIRM',
    message: `研发项目“${String(p.value.name ?? '')}”找不到所属企业（按统一社会信用代码或企业所在行号匹配）`,
  }));
  const notes = firmsLayout.unknown.length ? [`“${firmsLayout.table.name}”表中未识别、未使用的列：${firmsLayout.unknown.join('、')}`] : [];
  return { format: file.format, firms, blankRows, notes, orphanProjects };
}

function parseJsonl(file: Extract<BatchFile, { kind: 'jsonl' }>): ParsedBatch {
  const firms = file.lines.map((l): ParsedFirm => {
    const obj = l.value && typeof l.value === 'object' && !Array.isArray(l.value) ? (l.value as Record<string, unknown>) : null;
    const firm = (obj?.firm && typeof obj.firm === 'object' ? obj.firm : {}) as { name?: unknown; creditCode?: unknown };
    const { firm: _f, ...input } = obj ?? {};
    const problem = l.error ?? (obj ? undefined : '这一行应为一个 JSON 对象（评价输入）');
    const code = typeof firm.creditCode === 'string' ? convert('creditCode', firm.creditCode) : null;
    const at = { sheet: 'jsonl', row: l.row, column: null, header: '' };
    return {
      row: l.row,
      ...(typeof firm.name === 'string' ? { name: firm.name } : {}),
      ...(code?.ok && typeof code.value === 'string' ? { creditCode: code.value } : {}),
      input,
      issues: problem
        ? [{ ...at, path: '', code: 'INVALID_JSON', message: problem }]
        : code && !code.ok
          ? [{ ...at, path: 'firm.creditCode', code: code.code, message: `统一社会信用代码${code.message}` }]
          : [],
      // Only a line that is not JSON at all has nothing more to validate.
      sources: problem ? null : { sheet: 'jsonl', located: [], projects: [] },
    };
  });
  return { format: 'jsonl', firms, blankRows: [], notes: [], orphanProjects: [] };
}
