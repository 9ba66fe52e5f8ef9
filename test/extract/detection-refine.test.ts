// PaddleOCR reads a page first with detection at its fast size and reads it again at the fine size only when the
// pipeline would not vouch for the first reading (engines/paddle-config.ts, core/page-doubt.ts). What must hold: a
// page that reads cleanly is read once; a page whose first reading is doubtful is read again and its figures come
// right; with the fast size off every page is read once, at the fine size.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { extractFile } from '../../server/extract/extract.ts';
import { OcrPool } from '../../server/extract/ocr.ts';
import { ocrPage } from '../../server/extract/ocr-page.ts';
import { closeBrowser } from './fixtures/render.ts';
import { SCAN_CASES, scanImage, score } from './fixtures/scans.ts';

const clean = SCAN_CASES.find((c) => c.name === 'clean 会小企01表 千元')!;
const limits = { timeoutMs: 900_000 };
const FAST = 'KEXIAO_PADDLE_DET_FAST_PX';
const before = process.env[FAST];

afterEach(() => {
  if (before === undefined) delete process.env[FAST];
  else process.env[FAST] = before;
});
afterAll(() => closeBrowser(), 60_000);

/** One read of the page on a fresh pool (its PaddleOCR thread takes the environment as it is now). */
async function readPage(fast?: string) {
  if (fast === undefined) delete process.env[FAST];
  else process.env[FAST] = fast;
  const bytes = readFileSync(await scanImage(clean));
  const pool = new OcrPool({ size: 1, engine: 'paddle' });
  try {
    const page = await pool.use((ocr) => ocrPage(bytes, ocr, 1e9, () => undefined));
    const r = await extractFile({ name: 'a.png', bytes }, { pool, limits });
    return { fine: page === 'blank' ? undefined : page.fine, score: score(clean.sheet.truth, r.documents[0]?.fields) };
  } finally {
    await pool.close();
  }
}

describe('detection at two sizes', () => {
  it('reads a clean page once, at the fast size', async () => {
    const r = await readPage();
    expect(r.fine).toBeUndefined();
    expect(r.score.wrong).toEqual([]);
  }, 300_000);

  it('reads a page again at the fine size when its first reading is doubtful (here: a fast size far too small)', async () => {
    const r = await readPage('320');
    expect(r.fine).toBe(true);
    expect(r.score.wrong).toEqual([]);
  }, 300_000);

  it('with the fast size off (0) reads every page once, at the fine size', async () => {
    const r = await readPage('0');
    expect(r.fine).toBeUndefined();
    expect(r.score.wrong).toEqual([]);
  }, 300_000);
});
