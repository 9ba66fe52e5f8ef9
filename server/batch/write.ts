// The result spreadsheet: one row per firm in input order (the columns below), a summary sheet (counts by
// verdict, reason, trigger) and a sheet with every input problem on its own line. CSV is the result sheet
// alone, UTF-8 with a BOM so Excel opens it, with the codes in `reasons` as CODE;CODE.
import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.ts';
import { stringify } from 'csv-stringify/sync';
import { ROUTE_LABELS, VERDICT_LABELS } from './labels.ts';
import type { BatchIssue, BatchSummary, FirmResult } from './schemas.ts';

type Format = 'xlsx' | 'csv';
type Cell = string | number | null;

interface ResultColumn {
  key: string;
  header: string;
  width: number;
  /** Long text: wrapped in the sheet. */
  wrap?: boolean;
  percent?: boolean;
  value(r: FirmResult, f: Format): Cell;
}

const coded = (xs: readonly { code: string; message: string }[], f: Format) =>
  f === 'csv' ? xs.map((x) => x.code).join(';') : xs.map((x) => `${x.code} ${x.message}`).join(';\n');
const described = (xs: readonly { code: string; message: string }[]) => xs.map((x) => `${x.code} ${x.message}`).join('; ');

export const cellRef = (i: BatchIssue) => `${i.sheet === 'jsonl' ? '' : `${i.sheet}!`}${i.column ?? ''}${i.row}`;
const issueText = (i: BatchIssue) => `${cellRef(i)}${i.header ? ` ${i.header}` : i.path ? ` ${i.path}` : ''}：[${i.code}] ${i.message}`;
const ratio = (r: string | null, f: Format): Cell => (r === null ? null : f === 'xlsx' ? Number(r) : r);

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { key: 'row', header: '行号', width: 6, value: (r) => r.row },
  { key: 'name', header: '企业名称', width: 24, value: (r) => r.name },
  { key: 'creditCode', header: '统一社会信用代码', width: 21, value: (r) => r.creditCode },
  { key: 'qualified', header: '是否符合', width: 8, value: (r) => (r.qualified === null ? (r.verdict === 'invalid' ? null : '待定') : r.qualified ? '是' : '否') },
  { key: 'verdict', header: '结论', width: 14, value: (r) => VERDICT_LABELS[r.verdict] },
  { key: 'route', header: '评价方式', width: 14, value: (r) => (r.status === 'invalid' ? null : ROUTE_LABELS[r.route ?? 'none']) },
  { key: 'total', header: '综合得分', width: 8, value: (r) => r.total },
  { key: 'techStaff', header: '科技人员得分', width: 8, value: (r) => r.scores.techStaff },
  { key: 'techStaffRatio', header: '科技人员占职工总数比例', width: 10, percent: true, value: (r, f) => ratio(r.ratios.techStaff, f) },
  { key: 'rdBySales', header: '研发投入得分（占销售收入）', width: 10, value: (r) => r.scores.rdBySales },
  { key: 'rdBySalesRatio', header: '研发费用占销售收入比例', width: 10, percent: true, value: (r, f) => ratio(r.ratios.rdBySales, f) },
  { key: 'rdByCost', header: '研发投入得分（占成本费用）', width: 10, value: (r) => r.scores.rdByCost },
  { key: 'rdByCostRatio', header: '研发费用占成本费用支出总额比例', width: 10, percent: true, value: (r, f) => ratio(r.ratios.rdByCost, f) },
  { key: 'rd', header: '研发投入得分（取高）', width: 8, value: (r) => r.scores.rd },
  { key: 'ip', header: '科技成果得分', width: 8, value: (r) => r.scores.ip },
  { key: 'reasons', header: '不符合原因', width: 40, wrap: true, value: (r, f) => coded(r.reasons, f) || null },
  { key: 'onSiteCheck', header: '现场核查情形', width: 30, wrap: true, value: (r, f) => coded(r.onSiteCheck, f) || null },
  { key: 'flags', header: '风险提示', width: 40, wrap: true, value: (r) => described(r.flags) || null },
  { key: 'issues', header: '数据问题（所在单元格）', width: 50, wrap: true, value: (r) => r.issues.map(issueText).join('\n') || null },
  {
    key: 'discrepancies',
    header: '报表核对差异',
    width: 40,
    wrap: true,
    value: (r) =>
      [
        ...r.discrepancies.map((d) => `${d.label}：填报${d.declared}，${d.file}第${d.page}页为${d.document}`),
        ...r.documents.flatMap((d) => d.errors.map((e) => `${d.file}：${e.message}`)),
      ].join('\n') || null,
  },
  { key: 'ladder', header: '梯度培育', width: 36, wrap: true, value: (r) => r.ladder?.text ?? null },
];

const headerOf = (c: ResultColumn) => `${c.header}（${c.key}）`;

export function resultCsv(rows: Iterable<FirmResult>): Buffer {
  const records: Cell[][] = [];
  for (const r of rows) records.push(RESULT_COLUMNS.map((c) => c.value(r, 'csv')));
  return Buffer.from(stringify(records, { bom: true, header: true, columns: RESULT_COLUMNS.map(headerOf), record_delimiter: 'windows' }));
}

const FILLS = {
  qualified: 'FFE2F4E4',
  not_qualified: 'FFFCE4E4',
  undetermined: 'FFFFF4D6',
  invalid: 'FFEDEDED',
} as const;

export async function resultXlsx(rows: Iterable<FirmResult>, summary: BatchSummary): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = '科小助手';
  const ws = wb.addWorksheet('评价结果', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  ws.columns = RESULT_COLUMNS.map((c) => ({ header: headerOf(c), key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  const issues: { r: FirmResult; i: BatchIssue }[] = [];
  for (const r of rows) {
    const row = ws.addRow(RESULT_COLUMNS.map((c) => c.value(r, 'xlsx')));
    row.getCell('qualified').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[r.verdict] } };
    for (const i of r.issues) issues.push({ r, i });
  }
  RESULT_COLUMNS.forEach((c, k) => {
    const col = ws.getColumn(k + 1);
    if (c.percent) col.numFmt = '0.00%';
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: RESULT_COLUMNS.length } };

  summarySheet(wb.addWorksheet('汇总'), summary);

  const is = wb.addWorksheet('数据问题', { views: [{ state: 'frozen', ySplit: 1 }] });
  is.columns = [
    { header: '行号', key: 'row', width: 6 },
    { header: '企业名称', key: 'name', width: 24 },
    { header: '单元格', key: 'cell', width: 12 },
    { header: '列名', key: 'header', width: 28 },
    { header: '代码', key: 'code', width: 22 },
    { header: '说明', key: 'message', width: 60 },
  ];
  is.getRow(1).font = { bold: true };
  for (const { r, i } of issues)
    is.addRow({ row: r.row, name: r.name, cell: cellRef(i), header: i.header || i.path, code: i.code, message: i.message });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function summarySheet(ws: ExcelJS.Worksheet, s: BatchSummary) {
  ws.columns = [{ width: 34 }, { width: 44 }, { width: 10 }];
  const title = (t: string) => {
    ws.addRow([]);
    ws.addRow([t]).font = { bold: true };
  };
  ws.addRow(['批量预审汇总']).font = { bold: true, size: 14 };
  ws.addRow(['企业数', '', s.firms]);
  for (const [k, n] of Object.entries(s.byVerdict)) ws.addRow([VERDICT_LABELS[k as keyof typeof VERDICT_LABELS], k, n]);
  ws.addRow(['与报表不一致的企业', '', s.withDiscrepancies]);
  if (s.blankRows.length) ws.addRow(['跳过的空行', s.blankRows.join('、'), s.blankRows.length]);
  title('按评价方式');
  for (const [k, n] of Object.entries(s.byRoute)) ws.addRow([ROUTE_LABELS[k as keyof typeof ROUTE_LABELS], k, n]);
  const section = (t: string, counts: BatchSummary['byReason']) => {
    title(t);
    ws.addRow(['代码', '说明', '企业数']).font = { italic: true };
    const sorted = Object.entries(counts).sort((a, b) => b[1].count - a[1].count);
    if (!sorted.length) ws.addRow(['（无）']);
    for (const [code, { label, count }] of sorted) ws.addRow([code, label, count]);
  };
  section('按不符合原因', s.byReason);
  section('按现场核查情形', s.byOnSiteCheck);
  section('按风险提示', s.byFlag);
  section('按数据问题', s.byIssue);
  if (s.notes.length) {
    title('说明');
    for (const n of s.notes) ws.addRow([n]);
  }
}
