// One worker process of the throughput bench: the compiled extraction code (dist/), one slot (BENCH_SLOTS more). It warms up (model
// load and one page), then reads pages and reports their wall and CPU milliseconds. Forked by `bench/extract.ts workers
// ENGINE`, it takes its pages from the bench's one queue, as `kexiao worker`s take jobs from one BullMQ queue: it
// says when it is warm, asks for a page at a time and sends its figures. By hand (node bench/extract-worker-child.mjs
// ENGINE IMAGE…) it reads the images given and prints the figures as JSON.
import { readFileSync } from 'node:fs';

const { extractFile } = await import('../dist/server/extract/extract.js');
const { closeOcr, OcrPool } = await import('../dist/server/extract/ocr.js');
const [engine, ...files] = process.argv.slice(2);
// BENCH_SLOTS=n: n OCR slots (n PaddleOCR threads) in this one process, n pages at a time.
const slots = Number(process.env.BENCH_SLOTS) || 1;
const forked = typeof process.send === 'function';
const pool = new OcrPool({ size: slots, engine });
await pool.warm();
await Promise.all(Array.from({ length: slots }, () => extractFile({ name: 'warm.png', bytes: readFileSync(files[0]) }, { pool })));

/** The next page: from the bench's queue (undefined when it is empty), or from our own list. */
const local = [...files];
const waiting = [];
if (forked) process.on('message', (m) => waiting.shift()?.(m.file ?? undefined));
const next = () => (forked ? new Promise((resolve) => { waiting.push(resolve); process.send({ op: 'next' }); }) : Promise.resolve(local.shift()));
if (forked) await new Promise((resolve) => { process.once('message', resolve); process.send({ op: 'ready' }); });

const t0 = performance.now();
const c0 = process.cpuUsage();
let pages = 0;
await Promise.all(Array.from({ length: slots }, async () => {
  for (let f = await next(); f; f = await next()) {
    await extractFile({ name: 'p.png', bytes: readFileSync(f) }, { pool });
    pages++;
  }
}));
const c = process.cpuUsage(c0);
const result = { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, sysMs: c.system / 1000, pages, peakMb: process.resourceUsage().maxRSS / 1024 };
await closeOcr([pool]);
if (forked) process.send({ op: 'done', result }, () => process.disconnect());
else process.stdout.write(`${JSON.stringify(result)}\n`);
