// Two real annual-report excerpts (shared/real-statements: 合并 and 母公司 statements over six pages each, 营业总收入
// above 营业收入, dated columns, 附注 numbers): every figure of truth.json, as text and as scans made of them here.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../server/extract/extract.ts';
import { OcrPool } from '../../server/extract/ocr.ts';
import type { ExtractionResult } from '../../server/extract/schema.ts';
import { closeBrowser, damage, htmlToPdf } from './fixtures/render.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
// CI lays shared/ beside the clone; a worktree has it one level further up.
const DIR = [join(ROOT, '../shared/real-statements'), join(ROOT, '../../shared/real-statements')].find((d) => existsSync(join(d, 'truth.json')));

interface Truth { documents: { kind: string; page: number; fields: Record<string, string> }[] }
const truth: Record<string, Truth> = DIR ? JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) : {};

function expectTruth(file: string, r: ExtractionResult) {
  for (const t of truth[file]!.documents) {
    const doc = r.documents.find((d) => d.kind === t.kind && d.page === t.page);
    expect(doc, `${t.kind} on page ${t.page}`).toBeDefined();
    const got = Object.fromEntries(Object.keys(t.fields).map((k) => [k, doc?.fields[k]?.value]));
    expect(got).toEqual(t.fields);
  }
}

const pool = new OcrPool({ size: 2 });
// Six OCR pages a file: the default 180 s a file is for an idle server, not for a loaded CI machine.
const limits = { timeoutMs: 1_500_000 };
afterAll(async () => {
  await pool.close();
  await closeBrowser();
}, 60_000);

describe.skipIf(!DIR)('real statements (shared/real-statements)', () => {
  for (const file of Object.keys(truth)) {
    it(`reads every figure of ${file} from its text, with 合并 and 母公司 apart`, async () => {
      const r = await extractFile({ name: file, bytes: readFileSync(join(DIR!, file)) });
      expect(r.method).toBe('text');
      expectTruth(file, r);
      expect(r.documents.map((d) => [d.kind, d.page, d.scope, d.use])).toEqual([
        ['balance_sheet', 1, 'consolidated', false], ['balance_sheet', 3, 'parent', true], ['income_statement', 5, 'consolidated', true],
      ]);
      expect(r.documents[0]?.pages).toEqual([2, 3]);
      for (const d of r.documents) for (const f of Object.values(d.fields)) expect(f.flagged).toBeUndefined();
      // The comparative column, balanced like the current one.
      const prev = r.documents[0]?.previous?.fields;
      expect(BigInt(prev!.totalAssets!.value.replace('.', ''))).toBe(BigInt(prev!.totalLiabilities!.value.replace('.', '')) + BigInt(prev!.equity!.value.replace('.', '')));
      expect(r.documents[2]?.previous?.period).toMatch(/2019/);
      expect(r.checks.every((c) => c.ok)).toBe(true);
    }, 120_000);

    it(`reads every figure of ${file} scanned (pages rendered at 200 dpi, OCR only)`, async () => {
      const r = await extractFile({ name: file, bytes: readFileSync(join(DIR!, file)) }, { pool, forceOcr: true, limits });
      expect(r.errors).toEqual([]);
      expect(r.method).toBe('ocr');
      expectTruth(file, r);
      expect(r.documents.map((d) => d.scope)).toEqual(['consolidated', 'parent', 'consolidated']);
    }, 1_600_000);
  }

  it('reads a degraded scan of one of them (150 dpi, 0.8° skew, noise, JPEG) as an image-only PDF', async () => {
    const file = Object.keys(truth)[1]!;
    const dir = join(ROOT, 'data/fixtures-cache/real-scan');
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('pdftoppm', ['-r', '150', '-png', join(DIR!, file), join(dir, 'p')]);
    const pages = execFileSync('ls', [dir]).toString().trim().split('\n').filter((f) => f.endsWith('.png')).sort();
    const scans = await Promise.all(pages.map((p, i) => damage(join(dir, p), { rotate: i % 2 ? -0.8 : 0.8, noise: 12, jpeg: 70, seed: 40 + i })));
    const imgs = scans.map((s) => `<div style="page-break-after:always"><img style="width:100%" src="data:image/jpeg;base64,${readFileSync(s).toString('base64')}"></div>`);
    const pdf = await htmlToPdf(`<html><head><style>@page{size:A4;margin:0}body{margin:0}</style></head><body>${imgs.join('')}</body></html>`, 'real-scan.pdf');
    const r = await extractFile({ name: '扫描件.pdf', bytes: readFileSync(pdf) }, { pool, limits });
    expect(r.errors).toEqual([]);
    expect(r.method).toBe('ocr');
    expectTruth(file, r);
  }, 1_600_000);
});
