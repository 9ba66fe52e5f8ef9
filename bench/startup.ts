// Start-up of the kexiao command against a bare `node -e 0`, in the same run, interleaved: wall time and CPU with
// hyperfine (Debian's package; a timing loop here when it is missing), peak memory with GNU time. Targets (issue 11):
// `kexiao score FILE --json` and `kexiao --help` within 4× the wall time of `node -e 0` and 120 MB peak.
// Also: `kexiao serve` from spawn until /api/v1/health answers. Measures the compiled build: run `npm run build`.
// Run: npx tsx bench/startup.ts [rounds] [runs per round]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { firm } from '../test/domain/firm.ts';
import { stop } from './servers.ts';

const rounds = Number(process.argv[2] ?? 5);
const runs = Number(process.argv[3] ?? 5);
const root = new URL('..', import.meta.url).pathname;
const kexiao = join(root, 'bin/kexiao.mjs');
const work = mkdtempSync(join(tmpdir(), 'kexiao-startup-'));
const firmFile = join(work, 'firm.json');
writeFileSync(firmFile, JSON.stringify(firm()));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (!existsSync(join(root, 'dist/BUILD')) || spawnSync('sh', ['-c', `find ${root}server -newer ${root}dist/BUILD -print -quit | grep -q .`]).status === 0)
  console.log('warning: dist/ is missing or older than server/ — this measures the tsx fallback; run `npm run build` first');

const COMMANDS: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['kexiao --help', [kexiao, '--help']],
  ['kexiao score FILE --json', [kexiao, 'score', firmFile, '--json']],
];
const quote = (args: string[]) => [process.execPath, ...args].map((a) => `'${a}'`).join(' ');

interface Round { wall: number; cpu: number }
const perRound: Record<string, Round[]> = Object.fromEntries(COMMANDS.map(([n]) => [n, []]));
const hyperfine = has('hyperfine');
console.log(`start-up, ${rounds} rounds × ${runs} runs, ${hyperfine ? 'hyperfine' : 'timing loop'}; load ${load()}`);
for (let round = 0; round < rounds; round++) {
  const order = COMMANDS.map((_, i) => COMMANDS[(i + round) % COMMANDS.length]!);
  if (hyperfine) {
    const out = join(work, `round-${round}.json`);
    execFileSync('hyperfine', ['-N', '--warmup', '1', '--runs', String(runs), '--export-json', out, ...order.map(([, a]) => quote(a))], { stdio: 'ignore' });
    const { results } = JSON.parse(readFileSync(out, 'utf8')) as { results: { times: number[]; user: number; system: number }[] };
    results.forEach((r, i) => perRound[order[i]![0]]!.push({ wall: median(r.times) * 1e3, cpu: (r.user + r.system) * 1e3 }));
  } else
    for (const [name, args] of order) {
      const walls: number[] = [];
      const cpus: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { encoding: 'utf8' });
        walls.push(Number(process.hrtime.bigint() - t0) / 1e6);
        const [u, s] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
        cpus.push((u! + s!) * 1e3);
      }
      perRound[name]!.push({ wall: median(walls), cpu: median(cpus) });
    }
}

// Peak memory (maximum resident set), interleaved too.
const rss: Record<string, number[]> = Object.fromEntries(COMMANDS.map(([n]) => [n, []]));
if (has('/usr/bin/time'))
  for (let i = 0; i < runs; i++)
    for (const [name, args] of COMMANDS) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' });
      rss[name]!.push(Number(r.stderr.trim().split('\n').at(-1)) / 1024);
    }

// `kexiao serve` until its health check answers, on a fresh SQLite file each time.
const serveMs: number[] = [];
const serveCpuMs: number[] = [];
for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
  const t0 = process.hrtime.bigint();
  const port = 3931 + i;
  const child = spawn(process.execPath, [kexiao, 'serve', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: `file:${join(work, `serve-${i}.db`)}`, KEXIAO_REMINDERS: 'off', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  serveMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  serveCpuMs.push((Number(stat[11]) + Number(stat[12])) * 10); // utime + stime, 100 ticks a second
  await stop(child);
}

const base = perRound['node -e 0']!;
console.log('');
console.log(`${'command'.padEnd(26)} ${'wall'.padStart(8)} ${'× node'.padStart(7)} ${'CPU'.padStart(8)} ${'× node'.padStart(7)} ${'peak RSS'.padStart(9)}`);
for (const [name] of COMMANDS) {
  const r = perRound[name]!;
  const wallRatio = median(r.map((x, i) => x.wall / base[i]!.wall));
  const cpuRatio = median(r.map((x, i) => x.cpu / base[i]!.cpu));
  const mem = rss[name]!.length ? `${median(rss[name]!).toFixed(0)} MB` : 'n/a';
  console.log(
    `${name.padEnd(26)} ${median(r.map((x) => x.wall)).toFixed(0).padStart(5)} ms ${wallRatio.toFixed(2).padStart(6)}× ${median(r.map((x) => x.cpu)).toFixed(0).padStart(5)} ms ${cpuRatio.toFixed(2).padStart(6)}× ${mem.padStart(9)}`,
  );
}
console.log(`${'kexiao serve → health'.padEnd(26)} ${median(serveMs).toFixed(0).padStart(5)} ms ${''.padStart(7)} ${median(serveCpuMs).toFixed(0).padStart(5)} ms   (fresh SQLite file: migrations included)`);
console.log(`targets: score and --help ≤ 4.00× node -e 0 wall, ≤ 120 MB peak; load at the end ${load()}`);
