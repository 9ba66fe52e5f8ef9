// The OCR engines closing while a job still runs: a shutdown past its grace, a deadline that gave up on a page.
// What must hold: the job's later calls fail with a code (no new PaddleOCR thread or tesseract.js worker starts
// for work nobody waits for), a tesseract.js call in flight rejects instead of hanging, and the process neither
// crashes nor aborts. It did both: tesseract.js, called after its worker ended, threw a rejection nobody could
// catch, and the exit that followed cut a PaddleOCR thread off inside ONNX Runtime (SIGABRT in a stopped worker).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { liveThreads } from '../../server/extract/engines/paddle-host.ts';
import { TesseractWorker } from '../../server/extract/engines/tesseract-worker.ts';
import type { Gray } from '../../server/extract/image-prep.ts';
import { modelSource, OcrPool } from '../../server/extract/ocr.ts';
import { closeBrowser } from './fixtures/render.ts';
import { SCAN_CASES, scanImage } from './fixtures/scans.ts';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const white = (width: number, height: number): { gray: Gray } => ({ gray: { data: Buffer.alloc(width * height, 255), width, height } });
/** A small crop with ink: tesseract.js reads it (whatever it makes of it), and a blank crop would be skipped. */
const inked = () => sharp({ create: { width: 220, height: 40, channels: 3, background: '#fff' } })
  .composite([{ input: { create: { width: 160, height: 16, channels: 3, background: '#000' } }, left: 30, top: 12 }])
  .png().toBuffer();
const englishWorker = () => {
  const src = modelSource('eng');
  return TesseractWorker.create('eng', src.langPath, src.gzip);
};

afterAll(() => closeBrowser(), 60_000);

describe('a tesseract.js worker ended while it is still used', () => {
  it('rejects the call in flight and every later call with OCR_WORKER_CLOSED, without an uncaught rejection', async () => {
    const w = await englishWorker();
    const crop = await inked();
    await w.recognize(crop); // it reads while open
    // Started and ended in the same tick: tesseract.js was still loading the image when its worker went (the crash).
    const inFlight = w.recognize(crop).then(() => 'read', (e: { code?: string }) => e.code);
    await w.terminate();
    expect(await inFlight).toBe('OCR_WORKER_CLOSED');
    await expect(w.recognize(crop)).rejects.toMatchObject({ code: 'OCR_WORKER_CLOSED' });
    await expect(w.setParameters({ user_defined_dpi: '200' })).rejects.toMatchObject({ code: 'OCR_WORKER_CLOSED' });
    await w.terminate(); // twice is harmless
  }, 60_000);
});

describe('an OCR pool closed while a job holds a slot', () => {
  it('fails the job\'s later calls with OCR_SLOT_CLOSED and starts no thread or worker for it', async () => {
    const pool = new OcrPool({ size: 1, engine: 'paddle', secondReader: true });
    await pool.warm();
    expect(liveThreads()).toBe(1);
    const crop = await inked();
    let closing: Promise<void> | undefined;
    const after = await pool.use(async (ocr) => {
      expect((await ocr.digits([crop])).length).toBe(1);
      closing = pool.close();
      return Promise.all([
        ocr.page(white(400, 300)).then(() => 'read', (e: { code?: string }) => e.code),
        ocr.digits([crop]).then(() => 'read', (e: { code?: string }) => e.code),
        ocr.lines(white(400, 300).gray, [], async () => []).then(() => 'read', (e: { code?: string }) => e.code),
      ]);
    });
    await closing;
    expect(after).toEqual(['OCR_SLOT_CLOSED', 'OCR_SLOT_CLOSED', 'OCR_SLOT_CLOSED']);
    expect(liveThreads()).toBe(0);
  }, 120_000);

  it('fails the calls of a job that outlived its turn, so they never reach the slot\'s next job', async () => {
    const pool = new OcrPool({ size: 1, engine: 'paddle', secondReader: false });
    try {
      let kept: { page: (img: { gray: Gray }) => Promise<unknown> } | undefined;
      await pool.use(async (ocr) => { kept = ocr; });
      await expect(kept!.page(white(400, 300))).rejects.toMatchObject({ code: 'OCR_SLOT_CLOSED' });
      expect(await pool.use(async (ocr) => (await ocr.page(white(400, 300))).words.length)).toBe(0);
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('a process whose OCR engines close in the middle of a scan', () => {
  const clean = SCAN_CASES.find((c) => c.category === 'clean' && !c.turned)!;
  // While PaddleOCR reads the page (its thread is stopped), and after it, while tesseract.js re-reads the amounts.
  it.each([['recognizing', 0.15], ['checking', 0.7]])('closing at "%s" ends the read with a code and the process exits 0 by itself', async (step, fraction) => {
    const file = await scanImage(clean);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/extract/fixtures/close-mid-extract.ts', file, step, String(fraction)], { cwd: ROOT, timeout: 120_000 });
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ closed: true, threads: 0 });
    // The page was cut off (or, on a fast machine, finished just before the close reached it).
    expect(lines[0]!.errors).toSatisfy((codes: string[]) => codes.length === 0 || codes.every((c) => c === 'INTERNAL'));
  }, 150_000);
});
