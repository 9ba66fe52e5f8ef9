// 1,000 firms scored from a spreadsheet, as `kexiao batch` does it (read, find the header, convert every cell,
// validate, assess, write the result sheet), without statements. Each run is a fresh child process that
// reports its own wall time, CPU time and peak memory (maxRSS), so generating the input does not count.
// Run: npx tsx bench/batch.ts [firms=1000] [runs=3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFirms, writeCsv, writeXlsx } from '../test/batch/generate.ts';

interface Figures {
  /** Batch work only, inside the command (reading to writing). */
  batchMs: number;
  cpuMs: number;
  /** The whole process: start-up, module loading and the batch. */
  processMs: number;
  maxRssMB: number;
}

async function child(args: string[]): Promise<void> {
  const { run } = await import('../server/cli/commands/batch.ts');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const code = await run(args, { stdout: () => undefined, stderr: () => undefined, readStdin: async () => '' });
  const cpu = process.cpuUsage(c0);
  const figures = {
    code,
    batchMs: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    processMs: performance.now(),
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function measure(input: string, out: string): Figures {
  const line = execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', input, '--out', out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const f = JSON.parse(line.trim().split('\n').at(-1)!) as Figures & { code: number };
  if (f.code !== 0) throw new Error(`kexiao batch exited ${f.code}`);
  return f;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const runs = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'kexiao-bench-batch-'));
  const firms = generateFirms(n, 1000);
  writeFileSync(join(dir, 'firms.xlsx'), (await writeXlsx(firms, { mergedHeader: true, blankEvery: 100 })).bytes);
  writeFileSync(join(dir, 'firms.csv'), writeCsv(generateFirms(n, 1000)).bytes);
  writeFileSync(join(dir, 'firms.jsonl'), firms.map((f) => JSON.stringify({ firm: { name: f.name, creditCode: f.creditCode }, ...f.input })).join('\n'));
  console.log(`${n} firms (${firms.filter((f) => f.spoiled).length} invalid rows), ${runs} runs each, median; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('input → output           batch (wall)   CPU     process (wall)   peak RSS');
  for (const [input, out] of [['firms.xlsx', 'result.xlsx'], ['firms.csv', 'result.csv'], ['firms.jsonl', 'result.xlsx']] as const) {
    const fs = Array.from({ length: runs }, () => measure(join(dir, input), join(dir, out)));
    const m = (k: keyof Figures) => median(fs.map((f) => f[k]));
    console.log(
      `${`${input} → ${out}`.padEnd(24)} ${`${(m('batchMs') / 1000).toFixed(2)} s`.padStart(9)} ${`${(m('cpuMs') / 1000).toFixed(2)} s`.padStart(8)} ${`${(m('processMs') / 1000).toFixed(2)} s`.padStart(12)} ${`${m('maxRssMB').toFixed(0)} MB`.padStart(12)}`,
    );
  }
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await main();
