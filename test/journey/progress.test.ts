// The progress the owner sees while a statement is read: extractFile reports each page and step it is on
// (ROSTER: onProgress(fraction, { page, pages, step })), which the documents service stores on the row.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../server/extract/extract.ts';
import type { ProgressDetail } from '../../server/extract/schema.ts';
import { closeBrowser, htmlToPdf } from '../extract/fixtures/render.ts';
import { balanceSheet, documentHtml, incomeStatement } from '../extract/fixtures/statements.ts';

afterAll(() => closeBrowser());

describe('reading progress by page and step', () => {
  it('a two-page text PDF reports page 1 of 2, then page 2 of 2, and ends at 1', async () => {
    const pdf = await htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 41 }), balanceSheet({ format: '2019', unit: '元', seed: 41 })]), 'progress.pdf');
    const seen: { f: number; d: ProgressDetail }[] = [];
    const r = await extractFile({ name: 'progress.pdf', bytes: readFileSync(pdf) }, { onProgress: (f, d) => seen.push({ f, d }) });
    expect(r.documents.map((d) => d.kind)).toEqual(['income_statement', 'balance_sheet']);
    expect(seen[0]).toEqual({ f: 0, d: { page: 1, pages: 2, step: 'reading' } });
    expect(seen.map((s) => `${s.d.page}/${s.d.pages}`)).toContain('2/2');
    expect(seen.every((s, i) => i === 0 || s.f >= seen[i - 1]!.f)).toBe(true);
    expect(seen.at(-1)!.f).toBe(1);
  });
});
