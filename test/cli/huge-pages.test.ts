// The OCR commands start again on huge pages (bin/huge-pages.mjs): the same process, its streams intact, the tunable
// in its environment; the other commands and KEXIAO_HUGE_PAGES=0 are left as they were.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hugePageMode, hugePageTunables } from '../../bin/huge-pages.mjs';
import { closeBrowser } from '../extract/fixtures/render.ts';
import { SCAN_CASES, scanImage } from '../extract/fixtures/scans.ts';
import { KEXIAO, runKexiao } from '../helpers/cli.ts';

describe('hugePageTunables', () => {
  it.each([
    ['madvise', {}, 'glibc.malloc.hugetlb=1'],
    ['madvise', { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1'],
    ['madvise', { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, undefined], // the operator's own choice stands
    ['madvise', { KEXIAO_HUGE_PAGES: '0' }, undefined],
    ['always', {}, undefined], // huge pages already, nothing to ask for
    ['never', {}, undefined],
    [null, {}, undefined], // no THP (another kernel, another system)
  ])('THP %s, env %j → %s', (mode, env, expected) => {
    expect(hugePageTunables(env, mode)).toBe(expected);
  });
});

const environ = (pid: number) => readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
const onMadvise = process.platform === 'linux' && hugePageMode() === 'madvise';

describe.runIf(onMadvise)('the launcher on this machine (THP madvise)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kexiao-thp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let n = 0;
  async function serve(env: Record<string, string>) {
    const child = spawn(process.execPath, [KEXIAO, 'serve', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: `file:${join(dir, `thp${++n}.db`)}`, KEXIAO_UPLOAD_DIR: join(dir, `uploads${n}`), LOG_LEVEL: 'silent', KEXIAO_REMINDERS: 'off', KEXIAO_OCR_WORKERS: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 60_000;
    while (!/已启动：(http:\S+)/.test(stderr) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const url = /已启动：(http:\S+)/.exec(stderr)?.[1];
    expect(url, stderr).toBeDefined();
    return { child, url: url!, exited };
  }

  it('kexiao serve becomes itself again with the tunable: same pid, its stderr still ours, SIGTERM still stops it', async () => {
    const { child, url, exited } = await serve({ GLIBC_TUNABLES: '' });
    expect(environ(child.pid!)).toContain('GLIBC_TUNABLES=glibc.malloc.hugetlb=1');
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
  }, 90_000);

  it('a scan is read on huge pages (the detector’s activations), and on 4 KB pages with KEXIAO_HUGE_PAGES=0', async () => {
    const scan = readFileSync(await scanImage(SCAN_CASES[0]!));
    await closeBrowser();
    const hugeKbWhileReading = async (env: Record<string, string>) => {
      const { child, url, exited } = await serve(env);
      const hugeKb = () => Number(/AnonHugePages:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      const auth = { authorization: `Bearer ${((await (await fetch(`${url}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ privacyConsent: true }) })).json()) as { token: string }).token}` };
      const form = new FormData();
      form.append('file', new Blob([scan]), '扫描件.png');
      const { id } = (await (await fetch(`${url}/api/v1/documents`, { method: 'POST', body: form, headers: auth })).json()) as { id: string };
      let most = 0;
      let status = '';
      for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
        most = Math.max(most, hugeKb());
        ({ status } = (await (await fetch(`${url}/api/v1/documents/${id}`, { headers: auth })).json()) as { status: string });
        if (status === 'done' || status === 'failed') break;
        await new Promise((r) => setTimeout(r, 10));
      }
      child.kill('SIGTERM');
      await exited;
      return { most, status };
    };
    // Without the tunable only a few MB are on huge pages (V8's own); the detector alone allocates ~100 MB a band.
    // Both runs read the page to the end, so the second figure is not low merely because nothing was read.
    const huge = await hugeKbWhileReading({ GLIBC_TUNABLES: '' });
    expect(huge.status).toBe('done');
    expect(huge.most).toBeGreaterThan(32 * 1024);
    const small = await hugeKbWhileReading({ KEXIAO_HUGE_PAGES: '0' });
    expect(small.status).toBe('done');
    expect(small.most).toBeLessThan(32 * 1024);
  }, 300_000);

  it('kexiao extract keeps its stdout through the restart, and reads the same as on 4 KB pages', async () => {
    const file = fileURLToPath(new URL('../fixtures/one-line.pdf', import.meta.url));
    const huge = await runKexiao(['extract', file, '--json'], { env: { GLIBC_TUNABLES: '' } });
    const small = await runKexiao(['extract', file, '--json'], { env: { KEXIAO_HUGE_PAGES: '0' } });
    expect(huge.stdout.length).toBeGreaterThan(0);
    // Everything but the time taken (`ms`).
    const figures = (out: string) => JSON.parse(out, (k, v: unknown) => (k === 'ms' ? undefined : v)) as unknown;
    expect(figures(huge.stdout)).toEqual(figures(small.stdout));
    expect(huge.code).toBe(small.code);
  }, 90_000);
});
