// Where a scanned page's CPU goes, thread by thread: the compiled extraction code (dist/, `npm run build`) reads the
// given images on one slot after a warm-up page, then prints CPU a page (user and system), minor page faults a page,
// peak RSS and each thread's share from /proc/self/task (the PaddleOCR thread, the main thread, libvips' workers…).
// node bench/extract-threads-child.mjs IMAGE…   (run it as `kexiao` runs OCR, e.g. GLIBC_TUNABLES=glibc.malloc.hugetlb=1)
import { readdirSync, readFileSync } from 'node:fs';

const { extractFile } = await import('../dist/server/extract/extract.js');
const { closeOcr, OcrPool } = await import('../dist/server/extract/ocr.js');
const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: node bench/extract-threads-child.mjs IMAGE…');
const pool = new OcrPool({ size: 1, engine: 'paddle' });
await pool.warm();
await extractFile({ name: 'p.png', bytes: readFileSync(files[0]) }, { pool });
const TICK_MS = 10; // clock ticks of /proc stat (USER_HZ 100)
const threads = () => new Map(readdirSync('/proc/self/task').map((t) => {
  const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [t, { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), user: Number(f[11]), system: Number(f[12]) }];
}));
const t0 = threads();
const r0 = process.resourceUsage();
const c0 = process.cpuUsage();
for (const f of files) await extractFile({ name: 'p.png', bytes: readFileSync(f) }, { pool });
const c = process.cpuUsage(c0);
const r1 = process.resourceUsage();
const n = files.length;
const perPage = (us) => `${(us / 1000 / n).toFixed(0)} ms`;
console.log(`${n} pages: CPU a page ${perPage(c.user + c.system)} (user ${perPage(c.user)}, system ${perPage(c.system)}), ${((r1.minorPageFault - r0.minorPageFault) / n).toFixed(0)} minor faults a page, peak ${(r1.maxRSS / 1024).toFixed(0)} MB`);
const rows = [...threads()].map(([id, v]) => ({ id, name: v.name, user: v.user - (t0.get(id)?.user ?? 0), system: v.system - (t0.get(id)?.system ?? 0) }))
  .filter((r) => r.user + r.system > 0).sort((a, b) => b.user + b.system - a.user - a.system);
for (const r of rows) console.log(`  thread ${r.id} ${r.name}: ${((r.user * TICK_MS) / n).toFixed(0)} ms user, ${((r.system * TICK_MS) / n).toFixed(0)} ms system a page`);
await closeOcr([pool]);
