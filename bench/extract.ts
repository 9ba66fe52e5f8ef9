// Statement extraction figures: text PDFs against pdftotext; the page engines (PaddleOCR, tesseract.js) against
// native tesseract (same pages, OMP_THREAD_LIMIT=1) in CPU time; pages per minute with 1 and 2 workers; peak
// RSS of a one-worker process per engine; field accuracy by category (text, clean scan, degraded scan, photo)
// for each engine, on the tuned fixtures, the held-out sets and the real statements.
// Run: npx tsx bench/extract.ts [speed|engines|throughput ENGINE|workers ENGINE|memory|real [ENGINE]|accuracy [ENGINE [alone]]|fresh SEED [CONFIG…]|all]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { extractFile } from '../server/extract/extract.ts';
import { grayPng, preparePage } from '../server/extract/image-prep.ts';
import { ENGINES, OcrPool, type EngineName } from '../server/extract/ocr.ts';
import { openPdf } from '../server/extract/pdf.ts';
import { readPage } from '../server/extract/core/read-page.ts';
import { freshCases, freshSet, heldOutCases, SCAN_CASES, scanImage, score, setC, type ScanCase } from '../test/extract/fixtures/scans.ts';
import { balanceSheet, documentHtml, incomeStatement, listedReport, rdDeduction, staffTable, type Sheet } from '../test/extract/fixtures/statements.ts';
import { closeBrowser, htmlToPdf } from '../test/extract/fixtures/render.ts';
import { restartWithHugePages } from '../bin/huge-pages.mjs';

// Measured as `kexiao` runs its OCR commands: on huge pages where the kernel leaves them to us (bin/huge-pages.mjs);
// the worker processes below inherit the setting. KEXIAO_HUGE_PAGES=0 measures 4 KB pages.
restartWithHugePages();

const what = process.argv[2] ?? 'all';
/** BENCH_PAGES=n bounds the pages of the engine, throughput and memory runs (a loaded machine). */
const PAGES = Number(process.env.BENCH_PAGES) || Infinity;
const MB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

const TEXT_SHEETS: Sheet[] = [
  incomeStatement({ format: '2019', unit: '元', seed: 401, split: true }),
  incomeStatement({ format: '2019', unit: '万元', seed: 402, loss: true, style: { neg: 'paren' } }),
  incomeStatement({ format: 'small', unit: '元', seed: 403 }),
  incomeStatement({ format: 'old', unit: '千元', seed: 404, style: { neg: 'fu' } }),
  balanceSheet({ format: '2019', unit: '元', seed: 405 }),
  balanceSheet({ format: 'small', unit: '万元', seed: 406 }),
  balanceSheet({ format: 'vertical', unit: '千元', seed: 407, negativeEquity: true }),
  rdDeduction({ seed: 408 }),
  staffTable({ seed: 409, layout: 'average' }),
  staffTable({ seed: 410, layout: 'quarters' }),
];

async function textPdfSpeed(): Promise<void> {
  const files = await Promise.all(TEXT_SHEETS.map((s) => htmlToPdf(documentHtml([s]))));
  await extractFile({ name: 'warm.pdf', bytes: readFileSync(files[0]!) }); // pdfjs import and font caches
  const ours: number[] = [];
  const native: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const f of files) {
      const bytes = readFileSync(f);
      let t = performance.now();
      await extractFile({ name: 'x.pdf', bytes });
      ours.push(performance.now() - t);
      t = performance.now();
      execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
      native.push(performance.now() - t);
    }
  }
  console.log('\n## Text PDFs (1 page each, median of 3 rounds × 10 files)');
  console.log(`kexiao extractFile: ${fmt(median(ours))}/page   pdftotext -layout (process): ${fmt(median(native))}/page   ratio ${(median(ours) / median(native)).toFixed(2)}×`);
  // Without the seal check, which renders the page small: the text path alone.
  const pureText: number[] = [];
  for (const f of files) {
    const t = performance.now();
    const pdf = await openPdf(readFileSync(f));
    readPage((await pdf.words(1)).words);
    await pdf.close();
    pureText.push(performance.now() - t);
  }
  console.log(`  of which opening the PDF, its text layer and reading the table: ${fmt(median(pureText))}/page (the rest: seal check, checksum, schema)`);
}

/** CPU seconds of a child process (user + system), from /usr/bin/time: wall time means little on a loaded machine. */
function nativeTesseract(png: string): { cpu: number; rssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'tesseract', png, '-', '-l', 'chi_sim', '--oem', '1', '--psm', '4', '--dpi', '200', 'tsv'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
  });
  const [u = 0, sy = 0, kb = 0] = r.stderr.trim().split('\n').pop()!.split(/\s+/).map(Number);
  return { cpu: (u + sy) * 1000, rssMb: kb / 1024 };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

/**
 * The page engines alone on the same prepared pages: PaddleOCR (det + rec), tesseract.js (Chinese, mode 4) and
 * native tesseract (OMP_THREAD_LIMIT=1), CPU time per page and the ratios.
 */
async function ocrSpeed(): Promise<void> {
  const cases = SCAN_CASES.filter((c) => !c.turned).slice(0, PAGES);
  const pages: { png: string; prepared: Awaited<ReturnType<typeof preparePage>> }[] = [];
  for (const c of cases) {
    const prepared = await preparePage(readFileSync(await scanImage(c)), 1e9);
    const png = `data/fixtures-cache/bench-${pages.length}.png`;
    writeFileSync(png, await grayPng(prepared.gray));
    pages.push({ png, prepared });
  }
  const cpu: Record<string, number[]> = { paddle: [], tesseract: [], native: [] };
  for (const engine of ENGINES) {
    const pool = new OcrPool({ size: 1, engine, secondReader: false });
    await pool.warm();
    await pool.use(async (ocr) => {
      await ocr.page(pages[0]!.prepared);
      for (const p of pages) {
        const c0 = process.cpuUsage();
        await ocr.page(p.prepared);
        cpu[engine]!.push(cpuMs(c0));
      }
    });
    await pool.close();
  }
  let nativeRss = 0;
  for (const p of pages) {
    const n = nativeTesseract(p.png);
    cpu.native!.push(n.cpu);
    nativeRss = Math.max(nativeRss, n.rssMb);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\n## Page engines alone, same ${pages.length} prepared pages, CPU per page (load ${load()})`);
  console.log(`PaddleOCR: ${fmt(mean(cpu.paddle!))}   tesseract.js: ${fmt(mean(cpu.tesseract!))}   native tesseract 5 (OMP_THREAD_LIMIT=1, chi_sim, mode 4): ${fmt(mean(cpu.native!))} (max RSS ${nativeRss.toFixed(0)} MB)`);
  console.log(`ratios to native tesseract: PaddleOCR ${(mean(cpu.paddle!) / mean(cpu.native!)).toFixed(2)}×, tesseract.js ${(mean(cpu.tesseract!) / mean(cpu.native!)).toFixed(2)}×`);
}

async function throughput(engine: EngineName): Promise<void> {
  // An even number of pages, so that two workers do not end with one of them idle on the last page.
  const all = SCAN_CASES.filter((c) => !c.turned).slice(0, PAGES);
  const cases = all.slice(0, all.length - (all.length % 2));
  const inputs = await Promise.all(cases.map(async (c) => readFileSync(await scanImage(c))));
  const perMinute: Record<number, number> = {};
  const cpuPerPage: Record<number, number> = {};
  const cores: Record<number, number> = {};
  for (const size of [1, 2]) {
    const pool = new OcrPool({ size, engine });
    await pool.warm();
    await extractFile({ name: 'warm.png', bytes: inputs[0]! }, { pool });
    const c0 = process.cpuUsage();
    const t = performance.now();
    await Promise.all(inputs.map((bytes, i) => extractFile({ name: `p${i}.png`, bytes }, { pool })));
    const ms = performance.now() - t;
    perMinute[size] = (inputs.length / ms) * 60_000;
    // CPU of the whole process (main thread, ONNX Runtime and tesseract worker threads).
    cpuPerPage[size] = cpuMs(c0) / inputs.length;
    cores[size] = cpuMs(c0) / ms;
    await pool.close();
  }
  console.log(`\n## Full pipeline, ${engine} (prepare, recognise, second reader, checks), ${inputs.length} scans and photos (load ${load()})`);
  console.log(`CPU per page: ${fmt(cpuPerPage[1]!)} (1 slot), ${fmt(cpuPerPage[2]!)} (2 slots in this process)`);
  console.log(`1 slot: ${perMinute[1]!.toFixed(1)} pages/min (${cores[1]!.toFixed(2)} cores busy)   2 slots: ${perMinute[2]!.toFixed(1)} pages/min (${cores[2]!.toFixed(2)} cores busy)   speed-up ${(perMinute[2]! / perMinute[1]!).toFixed(2)}×`);
}

/**
 * Peak RSS of a worker-like process (bench/extract-rss-child.mjs: the compiled extraction code alone, one worker slot) over
 * six pages, a child per engine; the environment passes through (KEXIAO_ORT_*, MALLOC_ARENA_MAX to compare).
 */
async function memory(): Promise<void> {
  console.log(`\n## Memory: peak RSS of a one-slot worker process over six pages (load ${load()})`);
  const files = await Promise.all(SCAN_CASES.filter((x) => !x.turned).slice(0, Math.min(6, PAGES)).map(scanImage));
  execFileSync('node', ['scripts/build.mjs'], { stdio: 'ignore' });
  const child = new URL('./extract-rss-child.mjs', import.meta.url).pathname;
  for (const engine of ENGINES) {
    const out = execFileSync(process.execPath, [child, engine, ...files], { encoding: 'utf8' });
    console.log(`${engine}: ${out.trim()}`);
  }
}

/**
 * Pages per minute with 1 and 2 worker *processes* (what `kexiao worker` runs; each has its own ONNX sessions):
 * one process reads all pages on one slot, then on two slots (two PaddleOCR threads), then two processes. The
 * processes take their pages from one queue, a page at a time, once both are warm (as workers take jobs from
 * BullMQ): a fixed half each left one of them idle while the other read its heavier half. This machine's speed
 * drifts by a tenth and more from one minute to the next, so the three runs alternate for BENCH_ROUNDS rounds
 * (3) and the speed-ups are given per round and as the median.
 */
async function workers(engine: EngineName): Promise<void> {
  const { fork } = await import('node:child_process');
  const all = SCAN_CASES.filter((c) => !c.turned).slice(0, PAGES);
  const files = await Promise.all(all.slice(0, all.length - (all.length % 2)).map(scanImage));
  execFileSync('node', ['scripts/build.mjs'], { stdio: 'ignore' });
  const child = new URL('./extract-worker-child.mjs', import.meta.url).pathname;
  type Result = { ms: number; cpuMs: number; pages: number; peakMb: number };
  const run = async (processes: number, slots = 1): Promise<Result[]> => {
    const queue = Array.from({ length: passes }, () => files).flat();
    let ready = 0;
    const children = Array.from({ length: processes }, () => fork(child, [engine, ...files], { execArgv: [], env: { ...process.env, BENCH_SLOTS: String(slots) }, stdio: 'inherit' }));
    return Promise.all(children.map((c) => new Promise<Result>((resolve, reject) => {
      c.on('message', (m: { op: string; result?: Result }) => {
        if (m.op === 'ready' && ++ready === processes) for (const k of children) k.send({ op: 'go' });
        if (m.op === 'next') c.send({ file: queue.shift() ?? null });
        if (m.op === 'done') resolve(m.result!);
      });
      c.on('exit', (code) => reject(new Error(`worker exited (${code}) before its figures`)));
    })));
  };
  const wall = (rs: { ms: number }[]) => Math.max(...rs.map((r) => r.ms));
  const perMin = (rs: Result[]) => (rs.reduce((a, r) => a + r.pages, 0) / wall(rs)) * 60_000;
  const cpu = (rs: Result[]) => rs.reduce((a, r) => a + r.cpuMs, 0) / rs.reduce((a, r) => a + r.pages, 0);
  // Cores kept busy: CPU time over wall time (2.0 = both cores of this machine), whatever else the machine runs.
  const cores = (rs: Result[]) => (rs.reduce((a, r) => a + r.cpuMs, 0) / wall(rs)).toFixed(2);
  const row = (name: string, rs: Result[]) => `${name}: ${perMin(rs).toFixed(1)} pages/min, ${fmt(cpu(rs))} CPU a page, ${cores(rs)} cores busy, peak ${rs.map((r) => `${r.peakMb.toFixed(0)}${rs.length > 1 ? ` (${r.pages} pages)` : ''}`).join(' / ')} MB`;
  const rounds = Number(process.env.BENCH_ROUNDS) || 3;
  // A worker's rate is what it keeps up over hours of jobs. One pass over the pages ends with one process idle for half
  // a page on average while the other finishes, and its first quarter minute has V8's helper threads still compiling
  // hot code (a one-slot worker kept 1.11 cores busy then, 1.00 after). Three passes make both small; BENCH_PASSES=1
  // measures one.
  const passes = Number(process.env.BENCH_PASSES) || 3;
  const ups: { slots: number; two: number; cpu: number }[] = [];
  console.log(`\n## Worker processes and slots, ${engine}, ${files.length} scans and photos × ${passes} passes, compiled code, ${rounds} rounds (load ${load()})`);
  for (let r = 1; r <= rounds; r++) {
    const one = await run(1);
    const slots = await run(1, 2);
    const two = await run(2);
    ups.push({ slots: perMin(slots) / perMin(one), two: perMin(two) / perMin(one), cpu: cpu(one) });
    console.log(`round ${r} (load ${load()})`);
    console.log(`  ${row('1 process, 1 slot', one)}`);
    console.log(`  ${row('1 process, 2 slots', slots)}   speed-up ${ups.at(-1)!.slots.toFixed(2)}×`);
    console.log(`  ${row('2 processes, 1 slot each', two)}   speed-up ${ups.at(-1)!.two.toFixed(2)}×`);
  }
  console.log(`median: ${fmt(median(ups.map((u) => u.cpu)))} CPU a page (1 slot); speed-up 2 slots ${median(ups.map((u) => u.slots)).toFixed(2)}×, 2 processes ${median(ups.map((u) => u.two)).toFixed(2)}×`);
}

type Tally = Map<string, { right: number; total: number; wrong: string[] }>;
function add(t: Tally, cat: string, name: string, s: ReturnType<typeof score>, doc?: { fields: Record<string, { flagged?: boolean }> }) {
  const x = t.get(cat) ?? { right: 0, total: 0, wrong: [] };
  x.right += s.right;
  x.total += s.total;
  x.wrong.push(...s.wrong.map((w) => `${name}: ${w}${doc?.fields[w]?.flagged ? ' (flagged)' : doc?.fields[w] ? '' : ' (missing)'}`));
  t.set(cat, x);
}
function show(title: string, m: Tally) {
  console.log(`\n## ${title}`);
  for (const [cat, t] of m) console.log(`${cat.padEnd(9)} ${t.right}/${t.total} = ${((100 * t.right) / t.total).toFixed(1)} %${t.wrong.length ? `   wrong or missing: ${t.wrong.join('; ')}` : ''}`);
}

const REAL = new URL('../../shared/real-statements/', import.meta.url).pathname;
const REAL_DIR = [REAL, new URL('../../../shared/real-statements/', import.meta.url).pathname].find((d) => existsSync(`${d}truth.json`));

async function accuracy(engine: EngineName, secondReader: boolean): Promise<void> {
  const label = `${engine}${secondReader ? ' + tesseract.js second reader' : ' alone'}`;
  const tuned: Tally = new Map();
  if (engine === 'paddle' && secondReader) {
    for (const s of TEXT_SHEETS) {
      const r = await extractFile({ name: 't.pdf', bytes: readFileSync(await htmlToPdf(documentHtml([s]))) });
      add(tuned, 'text', s.kind, score(s.truth, r.documents[0]?.fields), r.documents[0]);
    }
  }
  const pool = new OcrPool({ size: 2, engine, secondReader });
  const sets: [string, ScanCase[], Tally][] = [
    ['tuned', SCAN_CASES, tuned], ['held-out A and B', [...heldOutCases(), ...freshCases()], new Map()], ['set C', setC(), new Map()],
  ];
  for (const [, cases, tally] of sets) {
    for (const c of cases) {
      const r = await extractFile({ name: c.name, bytes: readFileSync(await scanImage(c)) }, { pool });
      add(tally, c.category, c.name, score(c.sheet.truth, r.documents[0]?.fields), r.documents[0]);
    }
  }
  if (REAL_DIR) {
    const truth = JSON.parse(readFileSync(`${REAL_DIR}truth.json`, 'utf8')) as Record<string, { documents: { kind: string; page: number; fields: Record<string, string> }[] }>;
    const real: Tally = new Map();
    for (const [file, t] of Object.entries(truth)) {
      for (const mode of engine === 'paddle' && secondReader ? ['text', 'scan'] : ['scan']) {
        const r = await extractFile({ name: file, bytes: readFileSync(REAL_DIR + file) }, { pool, forceOcr: mode === 'scan' });
        for (const d of t.documents) {
          const doc = r.documents.find((x) => x.kind === d.kind && x.page === d.page);
          add(real, mode, file, score(d.fields, doc?.fields), doc);
        }
      }
    }
    sets.push(['real statements (shared/real-statements)', [], real]);
  }
  await pool.close();
  for (const [name, , tally] of sets) show(`Field accuracy, ${label}: ${name}`, tally);
}

/**
 * A fresh held-out set (fixtures/scans.ts freshSet) from a seed nobody tuned on: its text PDFs (plus a listed
 * group's multi-page report) and its nine scans and photos through each engine configuration — `paddle`
 * (PaddleOCR alone), `tesseract` (tesseract.js page engine and digits reader) and `both` (PaddleOCR with the
 * tesseract.js second reader, the default). Each page's CPU time is printed as it goes (the machine is shared).
 */
async function fresh(seed: number, configs: string[]): Promise<void> {
  const { cases, texts } = freshSet(seed);
  console.log(`\n## Fresh held-out set, seed ${seed} (load ${load()}): ${cases.map((c) => c.name).join('; ')}`);
  const text: Tally = new Map();
  for (const s of texts) {
    const r = await extractFile({ name: 't.pdf', bytes: readFileSync(await htmlToPdf(documentHtml([s]))) });
    add(text, 'text', `${s.kind} ${s.unit}`, score(s.truth, r.documents[0]?.fields), r.documents[0]);
  }
  const report = listedReport({ seed, unit: (['元', '千元', '万元'] as const)[seed % 3] });
  const rr = await extractFile({ name: '年报.pdf', bytes: readFileSync(await htmlToPdf(documentHtml([{ kind: 'balance_sheet', html: report.html, truth: {}, unit: '元', company: '' }]))) });
  report.statements.forEach((st, i) => {
    const doc = rr.documents.filter((d) => d.kind === st.kind && d.scope === st.scope)[0] ?? rr.documents[i];
    add(text, 'text', `listed report ${st.scope} ${st.kind}`, score(st.truth, doc?.fields), doc);
  });
  show(`Field accuracy, fresh seed ${seed}: text PDFs (${texts.length} sheets + a ${rr.pages}-page listed report)`, text);
  const images = await Promise.all(cases.map(async (c) => readFileSync(await scanImage(c))));
  for (const config of configs) {
    const engine: EngineName = config === 'tesseract' ? 'tesseract' : 'paddle';
    const pool = new OcrPool({ size: 1, engine, secondReader: config !== 'paddle' });
    const tally: Tally = new Map();
    const cpu: number[] = [];
    for (const [i, c] of cases.entries()) {
      const c0 = process.cpuUsage();
      const t = performance.now();
      const r = await extractFile({ name: c.name, bytes: images[i]! }, { pool, limits: { timeoutMs: 1_500_000 } });
      cpu.push(cpuMs(c0));
      const s = score(c.sheet.truth, r.documents[0]?.fields);
      add(tally, c.category, c.name, s, r.documents[0]);
      console.log(`  ${config} ${c.name}: ${s.right}/${s.total}, ${fmt(cpu[cpu.length - 1]!)} CPU, ${fmt(performance.now() - t)} wall, load ${load()}`);
    }
    await pool.close();
    show(`Field accuracy, fresh seed ${seed}, ${config} (mean CPU ${fmt(cpu.reduce((a, b) => a + b, 0) / cpu.length)} a page incl. the first)`, tally);
  }
}

/**
 * The two real annual-report excerpts read as scans (every page through OCR): CPU and wall time a page, the quarter
 * turn each page was read in, and how many figures are right. Real reports' ruled tables are where the page survey
 * guesses a quarter turn most often.
 */
async function realScans(engine: EngineName): Promise<void> {
  if (!REAL_DIR) throw new Error('shared/real-statements not found');
  const truth = JSON.parse(readFileSync(`${REAL_DIR}truth.json`, 'utf8')) as Record<string, { documents: { kind: string; page: number; fields: Record<string, string> }[] }>;
  const pool = new OcrPool({ size: 1, engine });
  await pool.warm();
  console.log(`\n## Real annual-report excerpts scanned, ${engine}, one slot (load ${load()})`);
  for (const [file, t] of Object.entries(truth)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await extractFile({ name: file, bytes: readFileSync(REAL_DIR + file) }, { pool, forceOcr: true, limits: { timeoutMs: 1_500_000 } });
    const pages = r.pageInfo?.length ?? 1;
    let right = 0, total = 0;
    for (const d of t.documents) {
      const s = score(d.fields, r.documents.find((x) => x.kind === d.kind && x.page === d.page)?.fields);
      right += s.right;
      total += s.total;
    }
    console.log(`${file}: ${pages} pages, ${fmt(cpuMs(c0) / pages)} CPU and ${fmt((performance.now() - t0) / pages)} wall a page, turns ${r.pageInfo?.map((p) => p.rotation ?? 0).join(',')}, figures ${right}/${total}`);
  }
  await pool.close();
}

const engineArg = (process.argv[3] as EngineName | undefined) ?? 'paddle';
if (what === 'speed' || what === 'all') {
  await textPdfSpeed();
  await ocrSpeed();
  for (const e of ENGINES) await throughput(e);
  await memory();
}
if (what === 'throughput') await throughput(engineArg);
if (what === 'engines') await ocrSpeed();
if (what === 'memory') await memory();
if (what === 'workers') await workers(engineArg);
if (what === 'real') await realScans(engineArg);
if (what === 'fresh') await fresh(Number(process.argv[3] ?? 20261202), process.argv.length > 4 ? process.argv.slice(4) : ['both', 'paddle', 'tesseract']);
if (what === 'accuracy' || what === 'all') {
  if (process.argv[3]) await accuracy(engineArg, process.argv[4] !== 'alone');
  else for (const [e, second] of [['paddle', true], ['paddle', false], ['tesseract', true]] as const) await accuracy(e, second);
}
await closeBrowser();
