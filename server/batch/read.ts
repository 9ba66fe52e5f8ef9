// The batch input file → plain tables of cells (xlsx through exceljs, csv through csv-parse) or JSON lines.
// Nothing here knows the form; sheet.ts finds the columns. A file that cannot be read is one coded error.
import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Raw } from './cells.ts';

export interface Table {
  name: string;
  /** Each row with its number as the spreadsheet shows it (1-based); cells[0] is column A. */
  rows: { row: number; cells: Raw[] }[];
}

export type BatchFile =
  | { kind: 'sheets'; format: 'xlsx' | 'csv'; tables: Table[] }
  | { kind: 'jsonl'; lines: { row: number; value: unknown; error?: string }[] };

export class BatchInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 5000 };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The format from the content first (a renamed file still reads), then from the name. */
export function formatOf(name: string, bytes: Uint8Array): 'xlsx' | 'csv' | 'jsonl' {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) throw new BatchInputError('XLS_NOT_SUPPORTED', '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传');
  if (bytes.includes(0)) throw new BatchInputError('UNSUPPORTED_TYPE', '文件不是 Excel（.xlsx）、CSV 或 JSON Lines（.jsonl）');
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  const first = decodeText(bytes.subarray(0, 4096)).trimStart();
  return first.startsWith('{') ? 'jsonl' : 'csv';
}

/** UTF-8 (with or without BOM); Excel in Chinese saves CSV as GBK, so anything that is not UTF-8 is GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readBatchFile(name: string, bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<BatchFile> {
  if (bytes.length === 0) throw new BatchInputError('EMPTY_FILE', '文件是空的');
  if (bytes.length > limits.maxBytes)
    throw new BatchInputError('FILE_TOO_LARGE', `文件超过${Math.round(limits.maxBytes / 1024 / 1024)}MB上限，请分批提交`);
  const format = formatOf(name, bytes);
  const file = format === 'xlsx' ? await readXlsx(bytes) : format === 'csv' ? readCsv(bytes) : readJsonl(bytes);
  const rows = file.kind === 'jsonl' ? file.lines.length : Math.max(0, ...file.tables.map((t) => t.rows.length));
  if (rows > limits.maxRows + 10) throw new BatchInputError('TOO_MANY_ROWS', `一次最多${limits.maxRows}家企业，请分批提交`);
  return file;
}

/** A cell's value as shown: formulas by their result, rich text by its text, errors as blank. */
function cellValue(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text);
  if ('error' in v) return null;
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<BatchFile> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new BatchInputError('BROKEN_XLSX', 'Excel 文件已损坏或被加密，无法读取');
  }
  const tables: Table[] = [];
  wb.eachSheet((ws) => {
    const rows: Table['rows'] = [];
    // Slave cells of a merge report the master's value: a merged header reads on every column it spans.
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      // Rows exceljs skips as empty are kept as blank rows, so the summary can name them.
      while (rows.length + 1 < n) rows.push({ row: rows.length + 1, cells: [] });
      const cells: Raw[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellValue(cell.value);
      });
      rows.push({ row: n, cells });
    });
    tables.push({ name: ws.name, rows });
  });
  if (!tables.length) throw new BatchInputError('EMPTY_FILE', 'Excel 文件中没有工作表');
  return { kind: 'sheets', format: 'xlsx', tables };
}

function readCsv(bytes: Uint8Array): BatchFile {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, delimiter: sniffDelimiter(text) });
  } catch {
    throw new BatchInputError('BROKEN_CSV', 'CSV 文件格式有误（引号未闭合等），无法读取');
  }
  return { kind: 'sheets', format: 'csv', tables: [{ name: 'csv', rows: records.map((cells, i) => ({ row: i + 1, cells })) }] };
}

/** Comma, or the semicolon / tab some locales' Excel writes, whichever the first line has most of. */
function sniffDelimiter(text: string): string {
  const line = text.slice(0, text.indexOf('\n') >>> 0);
  const count = (c: string) => line.split(c).length;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

function readJsonl(bytes: Uint8Array): BatchFile {
  const lines = decodeText(bytes).split(/\r?\n/);
  const out: Extract<BatchFile, { kind: 'jsonl' }>['lines'] = [];
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    try {
      out.push({ row: i + 1, value: JSON.parse(text) });
    } catch {
      out.push({ row: i + 1, value: null, error: '这一行不是有效的 JSON' });
    }
  });
  return { kind: 'jsonl', lines: out };
}
