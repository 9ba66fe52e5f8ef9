// Text PDFs made by Debian's chromium from generated statements: every field must be exact.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../server/extract/extract.ts';
import type { ExtractionResult } from '../../server/extract/schema.ts';
import { balanceSheet, documentHtml, incomeStatement, listedReport, rdDeduction, staffTable, type Sheet } from './fixtures/statements.ts';
import { closeBrowser, htmlToPdf, readBytes, sealSvg } from './fixtures/render.ts';

afterAll(closeBrowser);

async function extractSheets(sheets: Sheet[], font?: string): Promise<ExtractionResult> {
  const pdf = await htmlToPdf(documentHtml(sheets, font ? { font } : {}));
  return extractFile({ name: 'statements.pdf', bytes: readBytes(pdf) });
}

const valuesOf = (doc: ExtractionResult['documents'][number] | undefined) =>
  Object.fromEntries(Object.entries(doc?.fields ?? {}).map(([k, f]) => [k, f.value]));

describe('text PDFs', () => {
  const cases: [string, Sheet][] = [
    ['2019 利润表 in 元, 其中 lines, negative 财务费用 with a minus', incomeStatement({ format: '2019', unit: '元', seed: 11, split: true })],
    ['2019 利润表 in 万元 with a loss in parentheses', incomeStatement({ format: '2019', unit: '万元', seed: 12, loss: true, style: { neg: 'paren' } })],
    ['2019 利润表 in 千元, negatives written 负, no thousands separators', incomeStatement({ format: '2019', unit: '千元', seed: 13, loss: true, style: { neg: 'fu', grouping: false } })],
    ['会小企02表: 本年累计金额 before 本月金额, 行次 column', incomeStatement({ format: 'small', unit: '元', seed: 14 })],
    ['old 损益表: 本月数 before 本年累计数', incomeStatement({ format: 'old', unit: '元', seed: 15 })],
    ['2019 资产负债表, two-sided, 万元', balanceSheet({ format: '2019', unit: '万元', seed: 16 })],
    ['会小企01表 with 行次 on both sides, 千元', balanceSheet({ format: 'small', unit: '千元', seed: 17 })],
    ['one-sided 资产负债表 with negative equity in parentheses', balanceSheet({ format: 'vertical', unit: '元', seed: 18, negativeEquity: true, style: { neg: 'paren' } })],
    ['2019 利润表 without ruling lines, small serif type', incomeStatement({ format: '2019', unit: '元', seed: 22, style: { ruled: false, font: 'Noto Serif CJK SC', fontSize: 11 } })],
    ['A107012 研发费用加计扣除优惠明细表', rdDeduction({ seed: 19 })],
    ['职工人数统计表 with 全年季平均数', staffTable({ seed: 20, layout: 'average' })],
    ['职工人数统计表 with quarters only (average computed)', staffTable({ seed: 21, layout: 'quarters' })],
    ['职工人数统计表 with one row per quarter, as the form asks', staffTable({ seed: 23, layout: 'rows' })],
  ];
  for (const [name, sheet] of cases) {
    it(`reads ${name} exactly`, async () => {
      const r = await extractSheets([sheet]);
      expect(r.errors).toEqual([]);
      expect(r.method).toBe('text');
      expect(r.documents).toHaveLength(1);
      const doc = r.documents[0];
      expect(doc?.kind).toBe(sheet.kind);
      expect(valuesOf(doc)).toEqual(sheet.truth);
      if (sheet.kind !== 'staff_table') expect(doc?.unit).toBe(sheet.unit);
      expect(doc?.company).toBe(sheet.company);
      for (const f of Object.values(doc?.fields ?? {})) expect(f.flagged).toBeUndefined();
      expect(r.checks.every((c) => c.ok)).toBe(true);
    });
  }

  it('reports each statement of a multi-statement PDF with its page', async () => {
    const sheets = [
      balanceSheet({ format: '2019', unit: '元', seed: 31 }),
      incomeStatement({ format: '2019', unit: '元', seed: 32 }),
      rdDeduction({ seed: 33 }),
      staffTable({ seed: 34, layout: 'average' }),
    ];
    const r = await extractSheets(sheets, 'Noto Serif CJK SC');
    expect(r.pages).toBe(4);
    expect(r.documents.map((d) => [d.kind, d.page])).toEqual([
      ['balance_sheet', 1], ['income_statement', 2], ['rd_deduction', 3], ['staff_table', 4],
    ]);
    r.documents.forEach((d, i) => expect(valuesOf(d)).toEqual(sheets[i]?.truth));
    expect(r.checks.map((c) => c.code)).toEqual(expect.arrayContaining(['BALANCE_IDENTITY', 'OPERATING_PROFIT', 'TOTAL_PROFIT', 'NET_PROFIT']));
  });

  it('reads a page turned by /Rotate as authored', async () => {
    const sheet = incomeStatement({ format: 'small', unit: '元', seed: 48 });
    const out = `${new URL('../../data/fixtures-cache/', import.meta.url).pathname}rotated-${sheet.truth.netProfit}.pdf`;
    execFileSync('qpdf', ['--rotate=+90:1', await htmlToPdf(documentHtml([sheet])), out]);
    const r = await extractFile({ name: 'rotated.pdf', bytes: readBytes(out) });
    expect(r.method).toBe('text');
    expect(valuesOf(r.documents[0])).toEqual(sheet.truth);
  });

  it('joins a statement that continues on an untitled second page', async () => {
    const sheet = balanceSheet({ format: 'vertical', unit: '元', seed: 44, twoPages: true });
    const r = await extractSheets([sheet]);
    expect(r.pages).toBe(2);
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({ kind: 'balance_sheet', page: 1, pages: [2] });
    expect(valuesOf(r.documents[0])).toEqual(sheet.truth);
    expect(r.checks.find((c) => c.code === 'BALANCE_IDENTITY')?.ok).toBe(true);
  });

  it('compares the figure two statements share: A107012 研发费用小计 and the 利润表 研发费用', async () => {
    const income = incomeStatement({ format: '2019', unit: '元', seed: 45 });
    const rd = rdDeduction({ seed: 46 });
    const r = await extractSheets([income, rd]);
    const cross = r.checks.find((c) => c.code === 'RD_CROSS_CHECK');
    expect(cross?.ok).toBe(income.truth.rdExpenses === rd.truth.rdSubtotal);
    expect(cross?.message).toContain('A107012');
  });

  it('gives the form its quarters from a per-quarter staff table, and flags a printed average that disagrees', async () => {
    const sheet = staffTable({ seed: 47, layout: 'rows' });
    const r = await extractSheets([sheet]);
    const q = r.documents[0]?.quarters;
    expect(q).toHaveLength(4);
    const sum = (k: 'startEmployees' | 'endEmployees') => q!.reduce((s, x) => s + x[k], 0);
    expect(String((sum('startEmployees') + sum('endEmployees')) / 8)).toBe(sheet.truth.employees);
    const wrong = { ...sheet, html: sheet.html.replace(`>${sheet.truth.employees}<`, '>99.5<') };
    const bad = await extractSheets([wrong]);
    expect(bad.documents[0]?.fields.employees).toMatchObject({ value: sheet.truth.employees, flagged: true });
  });

  it('reads labels printed with Kangxi radicals and radical-supplement look-alikes', async () => {
    const sheet = incomeStatement({ format: '2019', unit: '元', seed: 41 });
    const lookalike = { ...sheet, html: sheet.html.replace(/收入/g, '收⼊').replace(/费用/g, '费⽤').replace(/金额/g, '⾦额') };
    const r = await extractSheets([lookalike]);
    expect(valuesOf(r.documents[0])).toEqual(sheet.truth);
  });

  it('reports a red seal stamped over the figures of an electronic statement, and none on an unstamped one', async () => {
    const sheet = balanceSheet({ format: '2019', unit: '元', seed: 43 });
    const seal = sealSvg(180, sheet.company).toString();
    const stamped = { ...sheet, html: sheet.html.replace('<div class="foot">', `<div style="position:relative;height:0"><div style="position:absolute;right:40px;top:-260px">${seal}</div></div><div class="foot">`) };
    const r = await extractSheets([stamped]);
    expect(r.documents[0]?.seal).toBe(true);
    expect(valuesOf(r.documents[0])).toEqual(sheet.truth);
    const plain = await extractSheets([sheet]);
    expect(plain.documents[0]?.seal).toBe(false);
  });

  it('flags a statement whose figures do not add up instead of correcting it', async () => {
    const sheet = balanceSheet({ format: '2019', unit: '元', seed: 42 });
    const equity = sheet.truth.equity as string;
    const [int, dec] = equity.split('.');
    const printed = `${BigInt(int as string).toLocaleString('en-US')}.${dec}`;
    const wrong = printed.replace(/^(\d)/, (d) => String((Number(d) % 9) + 1));
    const r = await extractSheets([{ ...sheet, html: sheet.html.replace(printed, wrong) }]);
    const doc = r.documents[0];
    expect(doc?.fields.equity?.value).not.toBe(equity);
    expect(doc?.fields.equity?.flagged).toBe(true);
    expect(r.checks.find((c) => c.code === 'BALANCE_IDENTITY')?.ok).toBe(false);
  });
});

describe('annual-report layouts', () => {
  it('reads 合并 and 母公司 statements that begin mid-page and run over pages without title or header', async () => {
    const report = listedReport({ seed: 71 });
    const r = await extractFile({ name: '年报.pdf', bytes: readBytes(await htmlToPdf(documentHtml([{ kind: 'balance_sheet', html: report.html, truth: {}, unit: '元', company: '' }]))) });
    expect(r.pages).toBeGreaterThanOrEqual(3);
    expect(r.documents.map((d) => [d.kind, d.scope, d.use])).toEqual(report.statements.map((s) => [s.kind, s.scope, s.kind === 'income_statement' || s.scope === 'parent']));
    r.documents.forEach((d, i) => {
      expect(valuesOf(d)).toEqual(report.statements[i]!.truth);
      expect(Object.fromEntries(Object.entries(d.previous?.fields ?? {}).map(([k, f]) => [k, f.value]))).toEqual(report.statements[i]!.previous);
    });
    // A statement that runs on is reported where its figures start, with the pages it continues on.
    expect(r.documents[0]?.pages?.length).toBeGreaterThanOrEqual(1);
    expect(r.documents[1]!.page).toBeGreaterThanOrEqual(r.documents[0]!.page);
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });
});
