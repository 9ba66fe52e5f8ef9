// `kexiao extract` as a consultant runs it: one JSON object per file, an array for several, exit codes.
import { afterAll, describe, expect, it } from 'vitest';
import { runKexiao } from '../helpers/cli.ts';
import { balanceSheet, documentHtml, incomeStatement } from './fixtures/statements.ts';
import { closeBrowser, htmlToPdf } from './fixtures/render.ts';

afterAll(closeBrowser);

describe('kexiao extract', () => {
  it('prints one contract object for one file and an array for several', async () => {
    const a = incomeStatement({ format: 'small', unit: '万元', seed: 301 });
    const b = balanceSheet({ format: '2019', unit: '元', seed: 302 });
    const pa = await htmlToPdf(documentHtml([a]));
    const pb = await htmlToPdf(documentHtml([b]));
    const one = await runKexiao(['extract', pa, '--json']);
    expect(one.code).toBe(0);
    const r = JSON.parse(one.stdout);
    expect(r).toMatchObject({ pages: 1, method: 'text', errors: [] });
    expect(r.documents[0]).toMatchObject({ kind: 'income_statement', page: 1, unit: '万元' });
    expect(r.documents[0].fields.operatingRevenue.value).toBe(a.truth.operatingRevenue);

    const many = await runKexiao(['extract', pa, pb, '--json']);
    const arr = JSON.parse(many.stdout);
    expect(arr.map((x: { documents: { kind: string }[] }) => x.documents[0]?.kind)).toEqual(['income_statement', 'balance_sheet']);
    expect(arr[1].documents[0].fields.equity.value).toBe(b.truth.equity);
  }, 60_000);

  it('exits 2 with coded errors for a missing or unreadable file, and prints Chinese without --json', async () => {
    const missing = await runKexiao(['extract', '/nonexistent/利润表.pdf', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).errors[0].code).toBe('FILE_UNREADABLE');
    const text = await runKexiao(['extract', await htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 303 })]))]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('利润表');
    expect(text.stdout).toContain('营业收入');
  }, 60_000);
});
