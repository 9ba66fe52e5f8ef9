// PaddleOCR runs in a worker thread per OCR slot (server/extract/engines/paddle-host.ts). What must hold: a thread
// that crashes or overstays fails its page with a stable code and the slot gets a new thread that reads; close()
// ends every thread, also one in the middle of a page, and the process lives on; two slots are two threads.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { liveThreads } from '../../server/extract/engines/paddle-host.ts';
import { extractFile } from '../../server/extract/extract.ts';
import type { Gray } from '../../server/extract/image-prep.ts';
import { OcrPool } from '../../server/extract/ocr.ts';
import { SCAN_CASES, scanImage, score } from './fixtures/scans.ts';
import { closeBrowser } from './fixtures/render.ts';
import { until } from '../hardening/support.ts';

const white = (width: number, height: number): { gray: Gray } => ({ gray: { data: Buffer.alloc(width * height, 255), width, height } });
const clean = SCAN_CASES.find((c) => c.category === 'clean' && !c.turned)!;
const limits = { timeoutMs: 600_000 };
const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

afterAll(() => closeBrowser(), 60_000);

describe('PaddleOCR worker threads', () => {
  it('replaces a thread that crashed: its page fails with a code, the next page reads on a new thread', async () => {
    const pool = new OcrPool({ size: 1, engine: 'paddle', secondReader: false });
    try {
      const first = await pool.use(async (ocr) => {
        const t = ocr.paddleThread;
        await t.warm();
        t.crash();
        const failed = await ocr.page(white(400, 300)).then(() => null, (e: unknown) => e);
        expect(failed).toMatchObject({ code: 'OCR_THREAD_EXITED' });
        return t.threadId;
      });
      const second = await pool.use(async (ocr) => ocr.paddleThread.threadId);
      expect(second).not.toBe(first);
      const r = await extractFile({ name: 'a.png', bytes: readFileSync(await scanImage(clean)) }, { pool, limits });
      expect(r.errors).toEqual([]);
      expect(score(clean.sheet.truth, r.documents[0]?.fields).wrong).toEqual([]);
    } finally {
      await pool.close();
    }
    expect(liveThreads()).toBe(0);
  }, 600_000);

  it('ends a thread that overstays its deadline and starts a fresh one', async () => {
    const pool = new OcrPool({ size: 1, engine: 'paddle', secondReader: false, callTimeoutMs: 1 });
    try {
      const failed = await pool.use((ocr) => ocr.page(white(1600, 1200))).then(() => null, (e: unknown) => e);
      expect(failed).toMatchObject({ code: 'OCR_THREAD_TIMEOUT' });
      // The timed-out thread is gone (it stops before its next network run), not left running beside its replacement.
      await until(() => liveThreads() === 0, 10_000);
      expect(liveThreads()).toBe(0);
      const id = await pool.use(async (ocr) => ocr.paddleThread.threadId);
      expect(liveThreads()).toBe(1);
      expect(id).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
    expect(liveThreads()).toBe(0);
  }, 120_000);

  it.each(['close', 'terminate'])('%s() in the middle of a page stops the thread without taking the process down (it aborted inside ONNX Runtime)', async (how) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/extract/fixtures/stop-mid-page.ts', how], { cwd: ROOT, timeout: 120_000 });
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { outcome: string; stopMs: number };
    expect(r.outcome).toBe('OCR_THREAD_CLOSED');
    expect(r.stopMs).toBeLessThan(15_000);
  }, 150_000);

  it('gives two slots two threads, and close() ends both, also the one mid-page, without hanging', async () => {
    const pool = new OcrPool({ size: 2, engine: 'paddle', secondReader: false });
    await pool.warm();
    expect(liveThreads()).toBe(2);
    const ids = await Promise.all([0, 1].map(() => pool.use(async (ocr) => {
      const id = ocr.paddleThread.threadId;
      await new Promise((r) => setTimeout(r, 50)); // both slots held at once
      return id;
    })));
    expect(new Set(ids).size).toBe(2);
    let started!: () => void;
    const onSlot = new Promise<void>((r) => (started = r));
    const running = pool.use((ocr) => { started(); return ocr.page(white(2400, 3300)); }).then(() => 'read', (e: unknown) => e);
    const queued = pool.use(async () => 'ran').then((v) => v, (e: unknown) => e);
    const queued2 = pool.use(async () => 'ran').then((v) => v, (e: unknown) => e);
    await onSlot;
    const t = Date.now();
    await pool.close();
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(liveThreads()).toBe(0);
    const outcome = await running;
    // The page either finished before the close reached it or was cut off with the thread's code.
    if (outcome !== 'read') expect(outcome).toMatchObject({ code: expect.stringMatching(/^OCR_THREAD_(CLOSED|EXITED)$/) });
    // Waiting jobs do not hang: the one that had a free slot ran, the one still waiting learns the pool closed.
    expect([await queued, await queued2].map((v) => (v instanceof Error ? v.message : v)).sort()).toEqual(['OCR pool closed', 'ran']);
    await expect(pool.use(async () => 1)).rejects.toThrow('OCR pool closed');
  }, 120_000);
});
