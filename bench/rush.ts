// The August rush on the production path: a burst of uploads (generated, a realistic mix: two thirds text PDFs, a
// third scans and photos) into one `kexiao serve` with REDIS_URL, read by 1 and then 2 `kexiao worker` processes
// (concurrency 1 each) on PostgreSQL, Redis and an S3-compatible store (s3rver). In each run one worker is
// SIGKILLed when half the documents are done and a replacement started at once. Prints documents per minute,
// the 2/1 ratio, p50/p95 upload → result, the health check's p95 during the burst, peak RSS per process and the
// count lost (documents not done at the end; must be 0).
// Run: npm run build && npx tsx bench/rush.ts [uploads=1000] [parallel uploads=16]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { closeBrowser, htmlToPdf, readBytes } from '../test/extract/fixtures/render.ts';
import { SCAN_CASES, scanImage } from '../test/extract/fixtures/scans.ts';
import { balanceSheet, documentHtml, incomeStatement, rdDeduction, staffTable } from '../test/extract/fixtures/statements.ts';
import { login, startCluster, uploadOk, type Proc } from '../test/queue/support.ts';

const N = Number(process.argv[2] ?? 1000);
const PARALLEL = Number(process.argv[3] ?? 16);
const PER_USER = 8;

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN;
};
/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
const cpuSeconds = (pid: number | undefined) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
};
const peakMb = (pid: number | undefined) => {
  try {
    return Math.round(Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);
  } catch {
    return NaN;
  }
};

console.error('generating files…');
const text: Uint8Array[] = [];
for (let i = 0; i < 3; i++) text.push(readBytes(await htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 500 + i })]))));
text.push(readBytes(await htmlToPdf(documentHtml([balanceSheet({ format: '2019', unit: '元', seed: 510 })]))));
text.push(readBytes(await htmlToPdf(documentHtml([rdDeduction({ seed: 511 })]))));
text.push(readBytes(await htmlToPdf(documentHtml([staffTable({ seed: 512, layout: 'quarters' })]))));
const scans: Uint8Array[] = [];
for (const category of ['clean', 'degraded', 'photo'] as const) scans.push(readBytes(await scanImage(SCAN_CASES.find((c) => c.category === category)!)));
await closeBrowser();
const files = Array.from({ length: N }, (_, i) => (i % 3 === 2 ? { bytes: scans[i % scans.length]!, name: `扫描件${i}.jpg` } : { bytes: text[i % text.length]!, name: `报表${i}.pdf` }));

interface Run { cpuPerDoc: number; workers: number; perMin: number; p50: number; p95: number; health95: number; rss: Record<string, number>; lost: number; failed: number; seconds: number }

async function run(workers: number): Promise<Run> {
  const c = await startCluster({ KEXIAO_QUEUE_PER_USER: String(N), KEXIAO_QUEUE_TOTAL: String(N + 10), KEXIAO_UPLOADS_IN_FLIGHT: String(2 * PARALLEL), LOG_LEVEL: 'warn', KEXIAO_JOB_LOCK_S: '10', KEXIAO_JOB_MAX_ATTEMPTS: '5' });
  try {
    const api = await c.serve();
    const procs: Proc[] = [];
    for (let i = 0; i < workers; i++) procs.push(await c.worker());
    const users = await Promise.all(Array.from({ length: Math.ceil(N / PER_USER) }, (_, i) => login(api.base, `rush-${workers}-${i}`)));
    const health: number[] = [];
    let healthErrors = 0;
    let bursting = true;
    const poll = (async () => {
      while (bursting) {
        const t = performance.now();
        const ok = await fetch(`${api.base}/api/v1/health`).then((r) => r.json()).then(() => true, () => false);
        if (ok) health.push(performance.now() - t);
        else healthErrors++;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const t0 = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (next < N) {
        const i = next++;
        await uploadOk(api.base, users[Math.floor(i / PER_USER)]!, files[i]!.bytes, files[i]!.name);
      }
    }));
    const settled = () => c.db.prisma.document.count({ where: { status: { in: ['done', 'failed'] } } });
    let killed = false;
    let cpu = 0;
    const rss: Record<string, number> = {};
    let seen = 0;
    let movedAt = Date.now();
    for (let n = await settled(); n < N; n = await settled()) {
      if (n !== seen) [seen, movedAt] = [n, Date.now()];
      // Nothing settled for five minutes: what is left is lost (counted below), not waited for.
      if (Date.now() - movedAt > 300_000) break;
      for (const [i, p] of procs.entries()) rss[`worker${i}`] = Math.max(rss[`worker${i}`] ?? 0, peakMb(p.child.pid));
      if (!killed && (await settled()) >= N / 2) {
        killed = true;
        const victim = procs[0]!;
        rss.killed = peakMb(victim.child.pid);
        cpu += cpuSeconds(victim.child.pid);
        victim.child.kill('SIGKILL');
        await victim.exited;
        procs[0] = await c.worker();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (Date.now() - t0) / 1000;
    bursting = false;
    await poll;
    rss.api = peakMb(api.child.pid);
    for (const p of procs) cpu += cpuSeconds(p.child.pid);
    for (const [i, p] of procs.entries()) rss[`worker${i}`] = Math.max(rss[`worker${i}`] ?? 0, peakMb(p.child.pid));
    const rows = await c.db.prisma.document.findMany({ select: { status: true, createdAt: true, updatedAt: true } });
    const latency = rows.filter((r) => r.status === 'done').map((r) => (r.updatedAt.getTime() - r.createdAt.getTime()) / 1000);
    const done = latency.length;
    if (healthErrors) console.error(`health check: ${healthErrors} requests failed`);
    return {
      cpuPerDoc: cpu / Math.max(1, done),
      workers,
      perMin: (done / seconds) * 60,
      p50: q(latency, 0.5),
      p95: q(latency, 0.95),
      health95: q(health, 0.95),
      rss,
      lost: N - rows.filter((r) => r.status === 'done' || r.status === 'failed').length,
      failed: rows.filter((r) => r.status === 'failed').length,
      seconds,
    };
  } finally {
    await c.stop();
  }
}

const results: Run[] = [];
for (const w of [1, 2]) {
  console.error(`${w} worker(s), ${N} uploads… (load ${loadavg()[0]!.toFixed(1)})`);
  const r = await run(w);
  results.push(r);
  console.log(
    `${w} worker(s): ${r.perMin.toFixed(1)} documents/min over ${r.seconds.toFixed(0)} s; upload→result p50 ${r.p50.toFixed(1)} s, p95 ${r.p95.toFixed(1)} s; ` +
      `health p95 ${r.health95.toFixed(0)} ms; worker CPU ${r.cpuPerDoc.toFixed(2)} s/document; peak RSS MB ${Object.entries(r.rss).map(([k, v]) => `${k} ${v}`).join(', ')}; failed ${r.failed}; lost ${r.lost}`,
  );
}
console.log(`2 workers / 1: ${(results[1]!.perMin / results[0]!.perMin).toFixed(2)}× (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
process.exit(0);
