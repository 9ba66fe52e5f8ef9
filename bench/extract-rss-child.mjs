// What a worker process holds: the compiled extraction code alone (dist/, `npm run build`; no tsx, fixtures or
// browser), then the given images read one after another on one worker slot. Prints peak RSS, RSS before any OCR
// and CPU a page. Run by `bench/extract.ts memory`; by hand: node bench/extract-rss-child.mjs ENGINE IMAGE…
import { readFileSync } from 'node:fs';

// BENCH_SHARP_CACHE=0: libvips' operation cache off, to see what it holds.
if (process.env.BENCH_SHARP_CACHE === '0') (await import('sharp')).default.cache(false);
const { extractFile } = await import('../dist/server/extract/extract.js');
const { closeOcr, OcrPool } = await import('../dist/server/extract/ocr.js');
const [engine, ...files] = process.argv.slice(2);
const MB = 1024 * 1024;
const pool = new OcrPool({ size: 1, engine });
const before = process.memoryUsage().rss / MB;
const cpu0 = process.cpuUsage();
for (const f of files) await extractFile({ name: 'p.png', bytes: readFileSync(f) }, { pool });
const cpu = process.cpuUsage(cpu0);
const peak = process.resourceUsage().maxRSS / 1024;
const after = process.memoryUsage().rss / MB;
await closeOcr([pool]);
console.log(`peak ${peak.toFixed(0)} MB, ${after.toFixed(0)} MB after the last page (before any OCR ${before.toFixed(0)} MB); ${((cpu.user + cpu.system) / 1000 / files.length).toFixed(0)} ms CPU a page incl. the first (model load)`);
