// POST /api/v1/assessments requests per second against two references, in the same run, interleaved:
//   hello     — a bare Koa hello-world (bench/bare-koa.mjs): the cost of Node's HTTP and Koa alone;
//   yardstick — a bare Koa route that parses the same body and stores the same row with one raw better-sqlite3 /
//               pg insert (bench/yardstick.mjs): the limit of this stack for this request;
//   kexiao    — the compiled server (`kexiao serve`, logs on), validation, scoring and the group-committed insert.
// Each server runs in its own process; autocannon drives them from this one, one at a time, in rotating order,
// for several rounds. The figures are medians over the rounds; the ratios are medians of each round's ratios, so
// a load change on this shared machine between rounds moves all three alike. Beside requests per second, each
// server's CPU time per request (from /proc, user + system): on a busy machine wall-clock rates mostly measure the
// neighbours, CPU per request much less so.
// Run: npm run build && npx tsx bench/api.ts [seconds] [connections] [rounds]
//      (DATABASE_URL=postgresql://… for PostgreSQL; default a fresh SQLite file)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { assess } from '../server/domain/assess.ts';
import { AssessmentInputSchema } from '../server/domain/schemas/assessment.ts';
import { migrate } from '../server/db/migrate.ts';
import { freshDatabaseUrl } from '../test/helpers/databases.ts';
import { firm } from '../test/domain/firm.ts';
import { stop, waitFor } from './servers.ts';

const seconds = Number(process.argv[2] ?? 8);
const connections = Number(process.argv[3] ?? 20);
const rounds = Number(process.argv[4] ?? 3);
const input = firm();
const body = JSON.stringify(input);
const provider = process.env.DATABASE_URL?.startsWith('postgres') ? 'postgresql' : 'sqlite';
const bench = (name: string) => new URL(name, import.meta.url).pathname;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Competitor { name: string; url: string; child: ChildProcess; drop?: () => Promise<void> }
const work = mkdtempSync(join(tmpdir(), 'kexiao-bench-'));
const resultFile = join(work, 'result.json');
writeFileSync(resultFile, JSON.stringify(assess(AssessmentInputSchema.parse(input))));

async function database(): Promise<{ url: string; drop(): Promise<void> }> {
  const fresh = await freshDatabaseUrl(provider);
  await migrate(fresh.url);
  return fresh;
}

async function start(name: string, args: string[], url: string, env: NodeJS.ProcessEnv = {}, drop?: () => Promise<void>): Promise<Competitor> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(new URL('/', url).href, child);
  return { name, url, child, drop };
}

const ydb = await database();
const kdb = await database();
const competitors = [
  await start('hello', [bench('./bare-koa.mjs'), '3901'], 'http://127.0.0.1:3901/'),
  await start('yardstick', [bench('./yardstick.mjs'), '3902', ydb.url, resultFile], 'http://127.0.0.1:3902/api/v1/assessments', {}, ydb.drop),
  await start('kexiao', [bench('../bin/kexiao.mjs'), 'serve', '--port', '3903'], 'http://127.0.0.1:3903/api/v1/assessments', {
    DATABASE_URL: kdb.url,
    KEXIAO_REMINDERS: 'off',
    LOG_LEVEL: 'info',
    // Request rates off: this measures the API, not the limiter's refusals (docs/limits.md).
    KEXIAO_RATE_LIMITS: 'off',
  }, kdb.drop),
];

/** CPU seconds (user + system) a process has used so far. */
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};

async function measure(c: Competitor, duration: number) {
  const cpu0 = cpuOf(c.child.pid!);
  const r = await autocannon({ url: c.url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration });
  const cpu = cpuOf(c.child.pid!) - cpu0;
  const failed = r.non2xx + r.errors + r.timeouts;
  if (failed) console.log(`  ${c.name}: ${failed} failed of ${r.requests.total}`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuUs: (cpu / Math.max(1, r.requests.total - failed)) * 1e6 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
console.log(`POST /api/v1/assessments on ${provider}: ${connections} connections, ${seconds} s per run, ${rounds} rounds; load ${load()}`);
for (const c of competitors) await measure(c, 2); // warm-up: JIT, lazy modules, database files
const results: Record<string, Awaited<ReturnType<typeof measure>>[]> = { hello: [], yardstick: [], kexiao: [] };
for (let round = 0; round < rounds; round++) {
  const order = competitors.map((_, i) => competitors[(i + round) % competitors.length]!);
  for (const c of order) results[c.name]!.push(await measure(c, seconds));
  console.log(`  round ${round + 1}: ${competitors.map((c) => `${c.name} ${Math.round(results[c.name]!.at(-1)!.rps)}`).join(', ')} req/s; load ${load()}`);
}
for (const c of competitors) await stop(c.child);
for (const c of competitors) await c.drop?.();

console.log('');
for (const c of competitors) {
  const r = results[c.name]!;
  console.log(
    `${c.name.padEnd(10)} ${Math.round(median(r.map((x) => x.rps))).toLocaleString('en-US').padStart(7)} req/s   p50 ${median(r.map((x) => x.p50))} ms   p99 ${median(r.map((x) => x.p99))} ms   ${Math.round(median(r.map((x) => x.cpuUs)))} µs CPU/request`,
  );
}
const ratio = (a: string, b: string) => median(results[a]!.map((x, i) => x.rps / results[b]![i]!.rps)) * 100;
const cpuRatio = (a: string, b: string) => median(results[a]!.map((x, i) => results[b]![i]!.cpuUs / x.cpuUs)) * 100;
console.log(`                    req/s   CPU-efficiency (requests per CPU-second)`);
console.log(`kexiao / yardstick: ${ratio('kexiao', 'yardstick').toFixed(0).padStart(3)} %   ${cpuRatio('kexiao', 'yardstick').toFixed(0).padStart(3)} %   (target ≥ 60 %)`);
console.log(`kexiao / hello:     ${ratio('kexiao', 'hello').toFixed(0).padStart(3)} %   ${cpuRatio('kexiao', 'hello').toFixed(0).padStart(3)} %   (target ≥ 25 %)`);
console.log(`yardstick / hello:  ${ratio('yardstick', 'hello').toFixed(0).padStart(3)} %   ${cpuRatio('yardstick', 'hello').toFixed(0).padStart(3)} %`);
console.log(`load at the end: ${load()}`);
