// Issue 9, item 11: once the OCR engines are let go, the process hands their memory back instead of staying near
// its peak. Each run in a fresh process (bench/idle-memory.ts), so the figures are that process's alone.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

interface Figures { ocr: number; before: number; peak: number; idle: number }

async function measure(...flags: string[]): Promise<Figures> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/idle-memory.ts', '--json', ...flags], {
    cwd: new URL('../..', import.meta.url).pathname,
    timeout: 400_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Figures;
}

it('after four scanned pages and the engines closed, RSS falls back near where it started', async () => {
  const kept = await measure('--keep');
  const released = await measure();
  console.log({ kept, released });
  expect([kept.ocr, released.ocr]).toEqual([4, 4]);
  expect(released.peak - released.before).toBeGreaterThan(300);
  // Measured: kept 411–475 MB above the start, released 116–159 MB.
  expect(released.idle - released.before).toBeLessThan(250);
  // Growth over each process's own start: the starts differ by up to 100 MB (one process renders the fixtures).
  expect(kept.idle - kept.before - (released.idle - released.before)).toBeGreaterThan(150);
}, 820_000);
