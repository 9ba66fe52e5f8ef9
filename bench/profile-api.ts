// Where a POST /api/v1/assessments request's time goes: the compiled server, loaded by autocannon and profiled by
// V8's CPU profiler (what `node --cpu-prof` runs) over the load only, after a warm-up; the profile read back as areas, heaviest functions and a top-down tree (docs/performance.md),
// and drawn as an SVG flame graph.
// Run: npm run build && npx tsx bench/profile-api.ts [seconds] [connections] [out-dir]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { firm } from '../test/domain/firm.ts';
import { flameSvg, foldedStacks, report, type CpuProfile } from './cpuprofile.ts';
import { stop, waitFor } from './servers.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const out = process.argv[4] ?? 'artifacts/profile';
const port = 3911;

const work = mkdtempSync(join(tmpdir(), 'kexiao-profile-'));
const profileFile = join(work, 'api.cpuprofile');
const server = spawn(
  process.execPath,
  ['--import', new URL('./profile-window.mjs', import.meta.url).pathname, new URL('../bin/kexiao.mjs', import.meta.url).pathname, 'serve', '--port', String(port)],
  {
    env: { ...process.env, DATABASE_URL: `file:${join(work, 'profile.db')}`, KEXIAO_REMINDERS: 'off', KEXIAO_PROFILE_OUT: profileFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
await waitFor(`http://127.0.0.1:${port}/api/v1/health`, server);
const load = (duration: number) =>
  autocannon({
    url: `http://127.0.0.1:${port}/api/v1/assessments`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(firm()),
    connections,
    duration,
  });
await load(Math.min(3, seconds)); // warm-up: JIT, lazy modules, the database file
server.kill('SIGUSR2');
const r = await load(seconds);
server.kill('SIGUSR2');
for (let i = 0; i < 100 && !existsSync(profileFile); i++) await new Promise((done) => setTimeout(done, 100));
await stop(server);
const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
mkdirSync(out, { recursive: true });
const title = `POST /api/v1/assessments, ${Math.round(r.requests.average)} req/s, ${connections} connections, ${seconds} s`;
writeFileSync(join(out, 'api.cpuprofile'), JSON.stringify(profile));
writeFileSync(join(out, 'api.folded'), foldedStacks(profile));
writeFileSync(join(out, 'api-flame.svg'), flameSvg(profile, title));
console.log(`${title} (${r.non2xx + r.errors} failed)\n`);
console.log(report(profile));
console.log(`\nprofile, folded stacks and flame graph in ${out}/`);
