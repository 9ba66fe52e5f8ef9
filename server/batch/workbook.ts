// exceljs (a large module tree) loads with the first spreadsheet read or written, not with the server.
import type ExcelJS from 'exceljs';

let excel: Promise<typeof ExcelJS> | undefined;

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await (excel ??= import('exceljs').then((m) => m.default));
  return new Workbook();
}
