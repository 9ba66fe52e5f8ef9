// POST /api/v1/assessments requests per second against a bare Koa hello-world, same machine, same run.
// Each server runs in its own process; autocannon drives it from this one.
// Run: npx tsx bench/api.ts [seconds] [connections]   (DATABASE_URL picks the database; default a temp SQLite file)
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { firm } from '../test/domain/firm.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const body = JSON.stringify(firm());

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

async function run(title: string, url: string): Promise<number> {
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  const non2xx = r.non2xx + r.errors;
  console.log(
    `${title.padEnd(34)} ${Math.round(r.requests.average).toLocaleString('en-US').padStart(8)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms${non2xx ? `   (${non2xx} failed)` : ''}`,
  );
  return r.requests.average;
}

const stop = (p: ChildProcess) => new Promise((r) => (p.once('exit', r), p.kill('SIGTERM')));

const bare = fork(new URL('./bare-koa.mjs', import.meta.url).pathname, ['3901'], { stdio: 'ignore' });
await waitFor('http://127.0.0.1:3901/');
const baseline = await run('bare Koa hello-world', 'http://127.0.0.1:3901/');
await stop(bare);

const databaseUrl = process.env.DATABASE_URL ?? `file:${join(mkdtempSync(join(tmpdir(), 'kexiao-bench-')), 'bench.db')}`;
const api = spawn(process.execPath, [new URL('../bin/kexiao.mjs', import.meta.url).pathname, 'serve', '--port', '3902'], {
  // Request rates off: this measures the API, not the limiter's refusals (docs/limits.md).
  env: { ...process.env, DATABASE_URL: databaseUrl, KEXIAO_RATE_LIMITS: 'off' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitFor('http://127.0.0.1:3902/api/v1/health');
const ours = await run(`POST /api/v1/assessments (${databaseUrl.startsWith('file:') ? 'SQLite' : 'PostgreSQL'})`, 'http://127.0.0.1:3902/api/v1/assessments');
await stop(api);

console.log(`ratio: ${((ours / baseline) * 100).toFixed(1)} % of bare Koa (${connections} connections, ${seconds} s each, logs on)`);
