// The real `kexiao serve` as its own process, on both databases, with OCR running: SIGKILL mid-OCR resumes the job
// and the queue behind it on restart; a file that kills the process on every try is failed after the attempt
// limit; SIGTERM mid-OCR ends the process within its bound and hands the job back; idle OCR workers are let go.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { KEXIAO } from '../helpers/cli.ts';
import { freshDatabaseUrl, PROVIDERS } from '../helpers/databases.ts';
import { closeBrowser, htmlToPdf, readBytes } from '../extract/fixtures/render.ts';
import { SCAN_CASES, scanImage } from '../extract/fixtures/scans.ts';
import { documentHtml, incomeStatement } from '../extract/fixtures/statements.ts';
import { until } from './support.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** Threads and resident memory of a process, from /proc. */
function procStatus(pid: number): { threads: number; rssMb: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
  return { threads: field('Threads'), rssMb: Math.round(field('VmRSS') / 1024) };
}

let scan: Uint8Array;
let pdf: Uint8Array;
beforeAll(async () => {
  scan = readBytes(await scanImage(SCAN_CASES.find((c) => c.category === 'degraded')!));
  pdf = readBytes(await htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 901 })])));
  await closeBrowser();
}, 180_000);

describe.each(PROVIDERS)('kexiao serve stopped mid-OCR on %s', (provider) => {
  let url: string;
  let dropDb: () => Promise<void>;
  let db: Database;
  let uploads: string;
  let child: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(provider);
    url = fresh.url;
    dropDb = fresh.drop;
    uploads = mkdtempSync(join(tmpdir(), 'kexiao-restart-'));
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.close();
    await dropDb?.();
    rmSync(uploads, { recursive: true, force: true });
  });

  async function serve(env: Record<string, string> = {}): Promise<ChildProcess> {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [KEXIAO, 'serve', '--port', String(port)], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        KEXIAO_UPLOAD_DIR: uploads,
        LOG_LEVEL: 'silent',
        KEXIAO_OCR_WORKERS: '1',
        KEXIAO_REMINDERS: 'off',
        KEXIAO_SHUTDOWN_GRACE_S: '2',
        KEXIAO_OCR_IDLE_S: '1',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const started = child;
    await until(async () => (await fetch(`${base}/api/v1/health`).catch(() => null))?.status === 200, 60_000, 200);
    db ??= await openDatabase(url);
    return started;
  }

  const exited = (c: ChildProcess) =>
    new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      c.exitCode !== null || c.signalCode !== null ? resolve({ code: c.exitCode, signal: c.signalCode }) : c.once('exit', (code, signal) => resolve({ code, signal })),
    );

  async function login(): Promise<string> {
    const r = await fetch(`${base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ privacyConsent: true, user: `restart-${provider}` }) });
    return ((await r.json()) as { token: string }).token;
  }

  async function upload(token: string, bytes: Uint8Array, name: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const r = await fetch(`${base}/api/v1/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(202);
    return ((await r.json()) as { id: string }).id;
  }

  const row = (id: string) => db.prisma.document.findUniqueOrThrow({ where: { id } });
  /** OCR is under way on this document: it is being read and has moved past its first step. */
  const midOcr = (id: string) => until(async () => {
    const r = await row(id);
    return r.status === 'processing' && r.progress > 0 && r.progress < 0.5; // inside the recognition, not its tail (distributed.test.ts midOcr)
  }, 120_000, 20);

  it('SIGKILL mid-OCR: on restart the job resumes and the nine queued behind it all finish; idle OCR workers are then let go', async () => {
    let proc = await serve();
    const token = await login();
    const first = await upload(token, scan, '扫描件.jpg');
    const rest: string[] = [];
    for (let i = 0; i < 9; i++) rest.push(await upload(token, pdf, `利润表${i}.pdf`));
    await midOcr(first);
    proc.kill('SIGKILL');
    await exited(proc);
    expect((await db.prisma.document.count({ where: { id: { in: rest }, status: 'queued' } }))).toBeGreaterThan(0);

    proc = await serve();
    let peak = { threads: 0, rssMb: 0 };
    await until(async () => {
      const now = procStatus(proc.pid!);
      if (now.threads > peak.threads) peak = now;
      return (await db.prisma.document.count({ where: { id: { in: [first, ...rest] }, status: 'done' } })) === 10;
    }, 300_000, 100);
    const resumed = await row(first);
    expect(resumed).toMatchObject({ status: 'done', attempts: 2 });
    expect((resumed.result as { method: string }).method).toBe('ocr');
    // Idle for KEXIAO_OCR_IDLE_S: the OCR workers (threads of their own, hundreds of MB) are terminated.
    await until(() => procStatus(proc.pid!).threads < peak.threads, 15_000, 200);
    const idle = procStatus(proc.pid!);
    console.log(`[${provider}] while reading: ${peak.threads} threads, ${peak.rssMb} MB RSS; idle: ${idle.threads} threads, ${idle.rssMb} MB RSS`);
    proc.kill('SIGTERM');
    expect(await exited(proc)).toEqual({ code: 0, signal: null });
  }, 600_000);

  it('a file that kills the process on every try is failed after KEXIAO_JOB_MAX_ATTEMPTS starts, with a code', async () => {
    const env = { KEXIAO_JOB_MAX_ATTEMPTS: '1' };
    let proc = await serve(env);
    const id = await upload(await login(), scan, '会崩溃的扫描件.jpg');
    await midOcr(id);
    proc.kill('SIGKILL');
    await exited(proc);
    proc = await serve(env);
    await until(async () => (await row(id)).status === 'failed', 60_000, 100);
    const failed = await row(id);
    expect(failed.attempts).toBe(2);
    expect(failed.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/已停止处理/) });
    proc.kill('SIGTERM');
    await exited(proc);
    // Not tried again on the next start.
    proc = await serve(env);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2 });
    proc.kill('SIGTERM');
    await exited(proc);
  }, 600_000);

  it('SIGTERM mid-OCR ends the process within its bound, hands the job back uncounted, and it finishes after a restart', async () => {
    let proc = await serve();
    const id = await upload(await login(), scan, '扫描件.jpg');
    await midOcr(id);
    const t0 = Date.now();
    proc.kill('SIGTERM');
    const end = await exited(proc);
    const took = Date.now() - t0;
    expect(end).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan((2 * 2 + 5) * 1000); // KEXIAO_SHUTDOWN_GRACE_S × 2 + 5 s: the hard bound
    const back = await row(id);
    // Either it finished within the grace period, or it was handed back with its start not counted.
    if (back.status !== 'done') expect(back).toMatchObject({ status: 'queued', attempts: 0, progress: 0 });
    proc = await serve();
    await until(async () => (await row(id)).status === 'done', 120_000, 100);
    expect((await row(id)).attempts).toBe(1);
    proc.kill('SIGINT');
    expect(await exited(proc)).toEqual({ code: 0, signal: null });
  }, 600_000);
});
