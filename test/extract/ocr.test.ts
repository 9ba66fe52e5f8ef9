// Scans and phone photos through the real engines (PaddleOCR on ONNX Runtime, tesseract.js with Debian's Chinese
// model as second reader and fallback): generated statements, rendered, then skewed, noised, JPEG-compressed,
// stamped, lit unevenly, photographed at an angle on a desk, faxed and turned, with their true values.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../server/extract/extract.ts';
import { OcrPool } from '../../server/extract/ocr.ts';
import { openPdf } from '../../server/extract/pdf.ts';
import type { ExtractionResult } from '../../server/extract/schema.ts';
import { SCAN_CASES, scanImage, score, type ScanCase } from './fixtures/scans.ts';
import { balanceSheet, documentHtml, incomeStatement } from './fixtures/statements.ts';
import { closeBrowser, damage, htmlToPdf, pdfToPngs } from './fixtures/render.ts';

const pool = new OcrPool({ size: 2 });
// The default 180 s a file is an idle server's; a CI machine shared with other suites can take longer.
const limits = { timeoutMs: 900_000 };
beforeAll(() => pool.warm(), 300_000);
afterAll(async () => {
  await pool.close();
  await closeBrowser();
}, 60_000);

const results = new Map<string, ExtractionResult>();
async function run(c: ScanCase): Promise<ExtractionResult> {
  const hit = results.get(c.name);
  if (hit) return hit;
  const r = await extractFile({ name: `${c.name}.${c.damage.jpeg || c.damage.photo ? 'jpg' : 'png'}`, bytes: readFileSync(await scanImage(c)) }, { pool, limits });
  results.set(c.name, r);
  return r;
}

/** A wrong figure must never pass unflagged: the user relies on flags to know what to check. */
function expectNoSilentError(c: ScanCase, r: ExtractionResult) {
  const doc = r.documents[0];
  for (const [k, f] of Object.entries(doc?.fields ?? {})) {
    if (c.sheet.truth[k] !== undefined && f.value !== c.sheet.truth[k]) expect({ [k]: f }).toEqual({ [k]: expect.objectContaining({ flagged: true }) });
  }
}

const byCategory = (cat: string) => SCAN_CASES.filter((c) => c.category === cat);

describe('OCR of scans and photos', () => {
  for (const c of byCategory('clean').filter((x) => !x.turned)) {
    it(`reads every field of a ${c.name} exactly`, async () => {
      const r = await run(c);
      expect(r.method).toBe('ocr');
      expect(r.documents[0]?.kind).toBe(c.sheet.kind);
      expect(score(c.sheet.truth, r.documents[0]?.fields).wrong).toEqual([]);
      expect(r.documents[0]?.seal).toBe(false);
    }, 900_000);
  }

  for (const c of [...byCategory('degraded'), ...byCategory('photo')]) {
    it(`reads a ${c.name} (nothing wrong goes unflagged)`, async () => {
      const r = await run(c);
      expect(r.errors).toEqual([]);
      expect(r.documents[0]?.kind).toBe(c.sheet.kind);
      expectNoSilentError(c, r);
      const s = score(c.sheet.truth, r.documents[0]?.fields);
      expect(s.right / s.total).toBeGreaterThanOrEqual(0.5);
      expect(r.documents[0]?.seal).toBe(c.damage.seal !== undefined);
    }, 900_000);
  }

  it('reaches ≥ 97 % of fields on degraded scans and photos taken together', async () => {
    let right = 0;
    let total = 0;
    for (const c of [...byCategory('degraded'), ...byCategory('photo')]) {
      const s = score(c.sheet.truth, (await run(c)).documents[0]?.fields);
      right += s.right;
      total += s.total;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.97);
  }, 1_800_000);

  it('measures and removes skew up to 3°', async () => {
    // Photos are left out: finding the sheet and rectifying its perspective removes their rotation first.
    for (const c of SCAN_CASES.filter((x) => x.damage.rotate && Math.abs(x.damage.rotate) <= 3 && !x.damage.photo)) {
      const skew = (await run(c)).pageInfo?.[0]?.skew ?? NaN;
      // Our damage turns clockwise by `rotate`; the page info reports the skew found (sign per image axes).
      expect(Math.abs(Math.abs(skew) - Math.abs(c.damage.rotate ?? 0))).toBeLessThanOrEqual(0.3);
    }
  }, 1_800_000);

  for (const c of SCAN_CASES.filter((x) => x.turned)) {
    it(`turns a page back upright: ${c.name}`, async () => {
      const r = await run(c);
      expect(r.documents[0]?.kind).toBe(c.sheet.kind);
      expect(score(c.sheet.truth, r.documents[0]?.fields).wrong).toEqual([]);
    }, 900_000);
  }

  it('reads a scanned (image-only) PDF with two statements and reports each page', async () => {
    const sheets = [balanceSheet({ format: '2019', unit: '元', seed: 121 }), incomeStatement({ format: 'small', unit: '万元', seed: 122 })];
    const pngs = await pdfToPngs(await htmlToPdf(documentHtml(sheets)), 200);
    const scans = await Promise.all(pngs.map((p, i) => damage(p, { rotate: i ? -1 : 1, noise: 10, jpeg: 70, seed: i })));
    const imgs = scans.map((s) => `<div style="page-break-after:always"><img style="width:100%" src="data:image/jpeg;base64,${readFileSync(s).toString('base64')}"></div>`);
    const pdf = await htmlToPdf(`<html><head><style>@page{size:A4;margin:0}body{margin:0}</style></head><body>${imgs.join('')}</body></html>`, 'scanned.pdf');
    const r = await extractFile({ name: '扫描件.pdf', bytes: readFileSync(pdf) }, { pool, limits });
    expect(r.method).toBe('ocr');
    expect(r.documents.map((d) => [d.kind, d.page])).toEqual([['balance_sheet', 1], ['income_statement', 2]]);
    r.documents.forEach((d, i) => expect(score(sheets[i]!.truth, d.fields).wrong).toEqual([]));
    expect(r.documents[1]?.unit).toBe('万元');
  }, 900_000);
});

describe('text layers that cannot be trusted', () => {
  it('reads by OCR a scanned PDF whose text layer carries no statement (a scanner\'s junk OCR layer)', async () => {
    const c = SCAN_CASES.find((x) => x.name === 'clean 会小企01表 千元')!;
    const img = readFileSync(await scanImage(c)).toString('base64');
    const junk = '<div style="position:absolute;top:40px;left:40px;color:transparent">Scan0001 ABBYY 1O2 Il l1 ____ ||| 3z</div>';
    const pdf = await htmlToPdf(`<html><head><style>@page{size:A4;margin:0}body{margin:0;position:relative}</style></head><body>${junk}<img style="width:100%" src="data:image/png;base64,${img}"></body></html>`, 'junk-layer.pdf');
    const layer = await openPdf(readFileSync(pdf));
    expect((await layer.words(1)).words.map((w) => w.text).join(' ')).toContain('ABBYY');
    await layer.close();
    const r = await extractFile({ name: '带文字层的扫描件.pdf', bytes: readFileSync(pdf) }, { pool, limits });
    expect(r.method).toBe('ocr');
    expect(r.documents[0]?.kind).toBe('balance_sheet');
    expect(score(c.sheet.truth, r.documents[0]?.fields).wrong).toEqual([]);
  }, 900_000);
});

describe('the engines', () => {
  it('rectifies a photo taken at an angle on a desk before reading it', async () => {
    const c = SCAN_CASES.find((x) => x.tilt)!;
    const r = await run(c);
    expect(score(c.sheet.truth, r.documents[0]?.fields).wrong).toEqual([]);
  }, 900_000);

  it('reads with tesseract.js as the configured fallback engine, and ends every worker and session on closeEngines()', async () => {
    const { closeEngines } = await import('../../server/extract/extract.ts');
    const c = SCAN_CASES.find((x) => x.name === 'clean 会小企01表 千元')!;
    const bytes = readFileSync(await scanImage(c));
    const tess = new OcrPool({ size: 1, engine: 'tesseract' });
    try {
      const r = await extractFile({ name: 'tesseract.png', bytes }, { pool: tess, limits });
      expect(score(c.sheet.truth, r.documents[0]?.fields).wrong).toEqual([]);
    } finally {
      await tess.close();
    }
    // The shared pool and the ONNX sessions go; the next extraction starts them again.
    await extractFile({ name: 'shared.png', bytes }, { limits });
    await closeEngines();
    const again = await extractFile({ name: 'again.png', bytes }, { limits });
    expect(score(c.sheet.truth, again.documents[0]?.fields).wrong).toEqual([]);
    await closeEngines();
  }, 900_000);

  it('reports progress with the page and step while reading a scan', async () => {
    const c = SCAN_CASES.find((x) => x.name === 'clean 会小企01表 千元')!;
    const seen: { f: number; step: string; page: number; pages: number }[] = [];
    await extractFile({ name: 'p.png', bytes: readFileSync(await scanImage(c)) }, { pool, limits, onProgress: (f, d) => seen.push({ f, ...d }) });
    expect(seen.map((x) => x.step)).toEqual(expect.arrayContaining(['preparing', 'recognizing', 'checking']));
    expect(seen.every((x) => x.page === 1 && x.pages === 1)).toBe(true);
    expect(seen.map((x) => x.f)).toEqual([...seen.map((x) => x.f)].sort((a, b) => a - b));
  }, 900_000);
});

describe('the tesseract model', () => {
  it('uses Debian\'s chi_sim when installed and falls back to the npm model, which still reads a clean scan', async () => {
    const { modelSource } = await import('../../server/extract/ocr.ts');
    expect(modelSource('chi_sim').origin).toBe('debian');
    expect(modelSource('chi_sim', 'npm').origin).toBe('npm');
    const npmPool = new OcrPool({ size: 1, model: 'npm', engine: 'tesseract' });
    try {
      const c = SCAN_CASES.find((x) => x.name === 'clean 会小企01表 千元')!;
      const r = await extractFile({ name: 'npm-model.png', bytes: readFileSync(await scanImage(c)) }, { pool: npmPool, limits });
      expect(r.documents[0]?.kind).toBe('balance_sheet');
      expect(score(c.sheet.truth, r.documents[0]?.fields).right).toBeGreaterThanOrEqual(2);
    } finally {
      await npmPool.close();
    }
  }, 900_000);
});
