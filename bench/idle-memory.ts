// RSS of one process before OCR, at its peak while reading scanned pages, and 11 s after the engines were closed
// and their freed memory handed back (server/extract/release-memory.ts); --keep closes them without the hand-back.
// `npx tsx bench/idle-memory.ts [image] [pages] [--keep] [--json]`; without an image, generated clean and degraded
// scans. Run in a process of its own: the figures are this process's.
import { readFileSync } from 'node:fs';
import { closeEngines, closeSharedPool, extractFile } from '../server/extract/extract.ts';
import { SCAN_CASES, scanImage } from '../test/extract/fixtures/scans.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
/** --keep: close the engines without handing memory back (the figures before release-memory.ts and the per-page trim). */
const keep = args.includes('--keep');
// Without any hand-back also means without the OCR pool's own: no malloc_trim after each page, glibc's mmap threshold.
if (keep) Object.assign(process.env, { KEXIAO_OCR_TRIM: '0', KEXIAO_MMAP_THRESHOLD_KB: '0' });
const [image, count] = args.filter((a) => !a.startsWith('--'));
const pages = Number(count ?? 4);
const rss = () => Math.round(process.memoryUsage().rss / 1048576);

const files = image ? [readFileSync(image)] : await Promise.all(['clean', 'degraded'].map(async (c) => readFileSync(await scanImage(SCAN_CASES.find((s) => s.category === c)!))));
const before = rss();
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
const read = await Promise.all(Array.from({ length: pages }, (_, i) => extractFile({ name: `扫描件${i}.png`, bytes: files[i % files.length]! })));
clearInterval(sampler);
peak = Math.max(peak, rss());
const busy = rss();
await (keep ? closeSharedPool() : closeEngines());
await new Promise((r) => setTimeout(r, 11_000));
const idle = rss();
const out = { released: !keep, pages, ocr: read.filter((r) => r.method === 'ocr').length, before, peak, busy, idle };
console.log(json ? JSON.stringify(out) : `${keep ? 'kept' : 'released'}: ${pages} scanned pages (${out.ocr} by OCR): RSS before ${before} MB, peak ${peak} MB, idle ${idle} MB (+${idle - before} MB)`);
