// `kexiao batch --template`: the spreadsheet a bureau fills in. Sheet 企业: the form's sections as merged
// cells over its fields, in the form's order and wording, one column each; sheet 研发项目: one project a row,
// keyed by the firm's credit code or row; choices as drop-down lists (data validation); a sheet of notes.
import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.ts';
import { CHOICES, FIRM_COLUMNS, FIRM_SHEET, PROJECT_COLUMNS, PROJECT_SHEET, columnLetter, type Column } from './columns.ts';

const HEADER_ROWS = 2;

function validationOf(c: Column): ExcelJS.DataValidation | null {
  const choices = CHOICES[c.kind];
  if (choices) {
    const labels = choices.map((x) => x.label);
    const also = c.kind === 'bool' ? '（也可填 Y/N 或 1/0）' : '';
    return {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels.join(',')}"`],
      showErrorMessage: true,
      // A warning, not a stop: Y/N and 1/0 are read as 是/否.
      errorStyle: 'warning',
      errorTitle: c.header.slice(0, 32),
      error: `请选择：${labels.join('、')}${also}`,
      showInputMessage: !!c.hint,
      ...(c.hint ? { promptTitle: c.header.slice(0, 32), prompt: c.hint.slice(0, 255) } : {}),
    };
  }
  const numeric: Partial<Record<Column['kind'], ExcelJS.DataValidation>> = {
    count: { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] },
    year: { type: 'whole', operator: 'between', allowBlank: true, formulae: [2022, 2100] },
  };
  const v = numeric[c.kind];
  if (v) return { ...v, showErrorMessage: true, errorStyle: 'warning', error: c.kind === 'year' ? '请填写年份，如 2026' : '请填写不小于0的整数' };
  // 'any' (a prompt, no rule) is in the file format and in exceljs, not in its types.
  return c.hint
    ? ({ type: 'any', allowBlank: true, showInputMessage: true, promptTitle: c.header.slice(0, 32), prompt: c.hint.slice(0, 255) } as unknown as ExcelJS.DataValidation)
    : null;
}

/** exceljs keeps range validations on the sheet (written as one range each), but its types omit them. */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: number) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: name === FIRM_SHEET ? 2 : 0 }] });
  ws.getRow(1).values = columns.map((c) => c.group);
  ws.getRow(2).values = columns.map((c) => (c.required ? `*${c.header}` : c.header));
  // Each section title merged over its consecutive fields, as the form prints it.
  let start = 0;
  columns.forEach((c, i) => {
    if (i + 1 < columns.length && columns[i + 1]!.group === c.group) return;
    if (i > start) ws.mergeCells(1, start + 1, 1, i + 1);
    start = i + 1;
  });
  for (const r of [1, 2]) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    row.height = r === 2 ? 48 : 20;
  }
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(28, Math.max(10, c.header.length * 1.6));
    // Amounts and codes as typed: text cells keep 0.10 and a leading 0 of a credit code.
    if (c.kind === 'creditCode' || c.kind === 'industry') col.numFmt = '@';
    const v = validationOf(c);
    const letter = columnLetter(i + 1);
    if (v) validations(ws).add(`${letter}${HEADER_ROWS + 1}:${letter}${HEADER_ROWS + rows}`, v);
  });
  return ws;
}

const NOTES = [
  '填写说明',
  '1. “企业”表每行一家企业；带 * 的列为必填。数据均为上一会计年度，金额单位为万元（也可在金额后写“元”，或把列名改为“（元）”，系统按元换算）。',
  '2. 金额可带千分位逗号（如 1,234.56）；是/否 可填 是/否、Y/N 或 1/0。',
  '3. 职工和科技人员：按季度填季初、季末人数（系统计算全年季平均数）；没有季度数时填“全年季平均数”两列。',
  '4. 研发项目：在“研发项目”表逐项填写，用统一社会信用代码（或企业所在行号）对应企业；未分项时可在“企业”表填“研发费用总额”，按一项自主研发计。',
  '5. 知识产权：填有效期内、与主要产品相关的件数，空白按0计。',
  '6. 报表（可选）：kexiao batch 表格 --docs 文件夹 时，每家企业一个子文件夹，以统一社会信用代码或行号命名，放入资产负债表、利润表、A107012、职工人数统计表（PDF 或图片）。',
  '7. 某行数据有误时，该行在结果中列出问题所在单元格，其他企业照常评价。',
];

/** The template workbook; `rows` data rows carry the drop-down lists. */
export async function templateXlsx(rows = 1000): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = '科小助手';
  addSheet(wb, FIRM_SHEET, FIRM_COLUMNS, rows);
  addSheet(wb, PROJECT_SHEET, PROJECT_COLUMNS, rows * 5);
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 120;
  NOTES.forEach((t, i) => {
    const r = notes.addRow([t]);
    r.alignment = { wrapText: true };
    if (i === 0) r.font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
