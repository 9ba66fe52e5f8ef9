// One worker process of the throughput bench: the compiled extraction code (dist/), one slot (BENCH_SLOTS more). It warms up (model
// load and one page), then reads its pages and prints their wall and CPU milliseconds as JSON (workers started
// together warm up alike, so their timed parts overlap). Run by `bench/extract.ts workers ENGINE`.
import { readFileSync } from 'node:fs';

const { extractFile } = await import('../dist/server/extract/extract.js');
const { closeOcr, OcrPool } = await import('../dist/server/extract/ocr.js');
const [engine, ...files] = process.argv.slice(2);
// BENCH_SLOTS=n: n OCR slots (n PaddleOCR threads) in this one process, n pages at a time.
const slots = Number(process.env.BENCH_SLOTS) || 1;
const pool = new OcrPool({ size: slots, engine });
await pool.warm();
await Promise.all(Array.from({ length: slots }, () => extractFile({ name: 'warm.png', bytes: readFileSync(files[0]) }, { pool })));
const t0 = performance.now();
const c0 = process.cpuUsage();
const queue = [...files];
await Promise.all(Array.from({ length: slots }, async () => {
  for (let f = queue.shift(); f; f = queue.shift()) await extractFile({ name: 'p.png', bytes: readFileSync(f) }, { pool });
}));
const c = process.cpuUsage(c0);
process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, pages: files.length, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
await closeOcr([pool]);
