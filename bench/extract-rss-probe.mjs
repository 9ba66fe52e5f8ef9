// Where a one-slot worker's memory goes: RSS after the engines' warm-up and after each page, peak at the end.
// By hand (after npm run build): node bench/extract-rss-probe.mjs ENGINE IMAGE… (KEXIAO_ORT_* pass through).
import { readFileSync } from 'node:fs';

const { extractFile } = await import('../dist/server/extract/extract.js');
const { closeOcr, OcrPool } = await import('../dist/server/extract/ocr.js');
const [engine, ...files] = process.argv.slice(2);
const MB = 1024 * 1024;
const rss = () => (process.memoryUsage().rss / MB).toFixed(0);
const pool = new OcrPool({ size: 1, engine, secondReader: process.env.BENCH_SECOND !== '0' });
const steps = [`start ${rss()}`];
await pool.warm();
steps.push(`warm ${rss()}`);
for (const f of files) {
  await extractFile({ name: 'p.png', bytes: readFileSync(f) }, { pool });
  steps.push(`${rss()}/${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
}
console.log(`${steps.join(' → ')} MB; peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await closeOcr([pool]);
