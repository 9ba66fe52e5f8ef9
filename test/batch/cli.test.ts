// The real `kexiao batch` command as a consultant runs it: the template, a generated spreadsheet of hundreds of
// firms to an xlsx and a CSV result compared row by row with scoring each firm alone, plain progress lines
// when not on a terminal, and firm folders of statements (a real PDF read through the extraction pool, and
// extractions already made) reconciled as in the pre-check.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { validate } from '../../server/domain/validate.ts';
import { extractFile } from '../../server/extract/extract.ts';
import { precheck } from '../../server/precheck/precheck.ts';
import { PrecheckInputSchema } from '../../server/precheck/schemas.ts';
import { FIRM_COLUMNS, PROJECT_COLUMNS } from '../../server/batch/columns.ts';
import { runKexiao } from '../helpers/cli.ts';
import { balanceSheet, documentHtml } from '../extract/fixtures/statements.ts';
import { closeBrowser, htmlToPdf } from '../extract/fixtures/render.ts';
import { file as statementFile, income2019 } from '../precheck/statements.ts';
import { generateFirms, letterOf, writeCsv, writeXlsx, type GeneratedFirm } from './generate.ts';

/** Each command starts tsx and loads exceljs: on a loaded two-core machine that alone can take a minute. */
const SLOW = { timeoutMs: 280_000 };
const dir = mkdtempSync(join(tmpdir(), 'kexiao-batch-cli-'));
const at = (name: string) => join(dir, name);
afterAll(() => closeBrowser());

const alone = (f: GeneratedFirm) => {
  const v = validate(AssessmentInputSchema, f.input);
  if (!v.ok) throw new Error('generated firm invalid');
  return assess(v.value);
};

async function resultSheet(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('评价结果')!;
  const header = (ws.getRow(1).values as string[]).slice(1);
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h.replace(/^.*（(\w+)）$/, '$1'), r.getCell(i + 1).value])));
  });
  return { wb, rows };
}

describe('kexiao batch', { timeout: 300_000 }, () => {
  it('writes the template: the form’s fields in order, a projects sheet and drop-down lists', async () => {
    const r = await runKexiao(['batch', '--template', at('template.xlsx')], SLOW);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('template.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业', '研发项目', '填写说明']);
    const firms = wb.getWorksheet('企业')!;
    const headers = (firms.getRow(2).values as string[]).slice(1).map((h) => h.replace(/^\*/, ''));
    expect(headers).toEqual(FIRM_COLUMNS.map((c) => c.header));
    // The section title is one merged cell over its fields.
    expect(firms.getCell('A1').value).toBe('企业基本信息');
    expect(firms.getCell('B1').isMerged).toBe(true);
    const yesNo = firms.getCell(3, FIRM_COLUMNS.findIndex((c) => c.key === 'rdAuxiliaryAccount') + 1).dataValidation;
    expect(yesNo).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const form = wb.getWorksheet('研发项目')!.getCell(3, PROJECT_COLUMNS.findIndex((c) => c.key === 'form') + 1).dataValidation;
    expect(form.formulae[0]).toContain('委托境内研发');
  });

  it('scores 300 firms from an xlsx into a result sheet equal, row by row, to scoring each alone', async () => {
    const firms = generateFirms(300, 2026);
    writeFileSync(at('firms.xlsx'), (await writeXlsx(firms, { mergedHeader: true, blankEvery: 60 })).bytes);
    const r = await runKexiao(['batch', at('firms.xlsx'), '--out', at('result.xlsx')], SLOW);
    expect(r.code, r.stderr).toBe(0);
    const invalid = firms.filter((f) => f.spoiled).length;
    expect(r.stdout).toContain(`共300家企业`);
    expect(r.stdout).toContain(`数据有误未评价${invalid}家`);
    // Not a terminal: plain progress lines, ending at the total.
    expect(r.stderr.trim().split('\n').at(-1)).toBe('评价中 300/300');
    const { wb, rows } = await resultSheet(at('result.xlsx'));
    expect(rows.map((x) => x.row)).toEqual(firms.map((f) => f.row));
    firms.forEach((f, i) => {
      const row = rows[i]!;
      if (f.spoiled) {
        expect(row.qualified).toBe(null);
        expect(String(row.issues)).toContain(`企业!${letterOf(f.spoiled.key)}${f.row}`);
        expect(String(row.issues)).toContain(f.spoiled.code);
        return;
      }
      const a = alone(f);
      expect(
        { q: row.qualified, total: row.total, ts: row.techStaff, rd: row.rd, ip: row.ip, reasons: row.reasons ?? null },
        `row ${f.row}`,
      ).toEqual({
        q: a.qualified ? '是' : '否', total: a.total, ts: a.scores.techStaff, rd: a.scores.rd, ip: a.scores.ip,
        reasons: a.reasons.map((x) => `${x.code} ${x.message}`).join(';\n') || null,
      });
    });
    const summary = wb.getWorksheet('汇总')!;
    const counts = new Map<string, unknown>();
    summary.eachRow((row) => counts.set(String(row.getCell(2).value ?? row.getCell(1).value), row.getCell(3).value));
    expect(counts.get('invalid')).toBe(invalid);
    expect(counts.get('qualified')).toBe(firms.filter((f) => !f.spoiled && alone(f).qualified).length);
  });

  it('writes CSV with a BOM and codes-only reasons, from a CSV input', async () => {
    const firms = generateFirms(150, 99);
    writeFileSync(at('firms.csv'), writeCsv(firms).bytes);
    const r = await runKexiao(['batch', at('firms.csv'), '--out', at('result.csv')], SLOW);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(at('result.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.subarray(3), { columns: true }) as Record<string, string>[];
    expect(records.map((x) => Number(x['行号（row）']))).toEqual(firms.map((f) => f.row));
    firms.forEach((f, i) => {
      if (f.spoiled) return;
      const a = alone(f);
      expect(records[i]!['不符合原因（reasons）']).toBe(a.reasons.map((x) => x.code).join(';'));
      expect(records[i]!['综合得分（total）']).toBe(String(a.total));
    });
  });

  it('reads each firm’s folder of statements (a real PDF through the pool, extractions as JSON) and reports what differs', async () => {
    const firms = generateFirms(12, 404).filter((f) => !f.spoiled);
    writeFileSync(at('docs.xlsx'), (await writeXlsx(firms)).bytes);
    const docs = at('docs');
    // Firm 1, by credit code: a text PDF balance sheet whose 资产总计 differs from what the row declares.
    const sheet = balanceSheet({ format: '2019', unit: '元', seed: 11 });
    const pdf = await htmlToPdf(documentHtml([sheet]), 'balance.pdf');
    mkdirSync(join(docs, `${firms[0]!.creditCode} 示例公司`), { recursive: true });
    copyFileSync(pdf, join(docs, `${firms[0]!.creditCode} 示例公司`, '资产负债表.pdf'));
    // Firm 2, by row number: an income statement already extracted (kexiao extract --json).
    const income = statementFile('', '利润表.pdf', income2019()).extraction;
    mkdirSync(join(docs, `第${firms[1]!.row}行`), { recursive: true });
    writeFileSync(join(docs, `第${firms[1]!.row}行`, '利润表.json'), JSON.stringify(income));
    mkdirSync(join(docs, 'unrelated'), { recursive: true });

    const r = await runKexiao(['batch', at('docs.xlsx'), '--docs', docs, '--out', at('docs-result.xlsx')], SLOW);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('报表文件夹“unrelated”未对应任何企业');
    const { rows } = await resultSheet(at('docs-result.xlsx'));

    // Each firm with statements equals the pre-check of that firm alone with the same statements.
    const extracted = await extractFile({ name: '资产负债表.pdf', bytes: readFileSync(pdf) });
    for (const [i, docsOf] of [[0, [{ id: '资产负债表.pdf', extraction: extracted }]], [1, [{ id: '利润表.json', extraction: income }]]] as const) {
      const v = validate(PrecheckInputSchema, firms[i]!.input);
      if (!v.ok) throw new Error('invalid');
      const p = precheck(v.value, docsOf, { defaultYear: 2026 });
      expect(p.discrepancies.length, `firm ${i}`).toBeGreaterThan(0);
      expect(rows[i]!.total).toBe(p.scores.total);
      expect(rows[i]!.qualified).toBe(p.verdict === 'undetermined' ? '待定' : p.verdict === 'qualified' ? '是' : '否');
      for (const d of p.discrepancies) expect(String(rows[i]!.discrepancies)).toContain(`填报${d.declared}`);
    }
    expect(String(rows[0]!.discrepancies)).toContain('资产总额');
    expect(String(rows[1]!.discrepancies)).toContain('销售收入');
    // Firms without a folder are scored from the sheet alone.
    expect(rows[2]!.total).toBe(alone(firms[2]!).total);
    expect(rows[2]!.discrepancies).toBe(null);
  });

  it('refuses what it cannot read with a Chinese message and exit code 2', async () => {
    writeFileSync(at('old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const xls = await runKexiao(['batch', at('old.xls'), '--out', at('x.xlsx')], SLOW);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('另存为 .xlsx');
    const missing = await runKexiao(['batch', at('nope.xlsx'), '--out', at('x.xlsx')], SLOW);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('找不到文件');
    const usage = await runKexiao(['batch', at('firms.xlsx'), '--out', at('x.txt')], SLOW);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('用法');
  });
});
