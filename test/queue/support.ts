// The production topology in one test: PostgreSQL (a fresh database), Redis (its own db number and a key prefix
// per run, removed afterwards), an S3-compatible store (s3rver), and real `kexiao serve` / `kexiao worker`
// processes started and killed by the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { KEXIAO } from '../helpers/cli.ts';
import { freshDatabaseUrl } from '../helpers/databases.ts';
import { startS3, type TestS3 } from '../helpers/s3.ts';
import { until } from '../hardening/support.ts';

process.env.KEXIAO_TEST_PG_PREFIX ??= 'kx_queue_';
/** Redis db 6 is this work's (helpers' roster); KEXIAO_TEST_REDIS_URL overrides. */
export const REDIS_URL = process.env.KEXIAO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/6';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

export interface Proc {
  child: ChildProcess;
  /** Everything it printed on stdout (pino JSON lines). */
  out(): string;
  /** The tail of what it printed on stderr (its Chinese status lines). */
  err(): string;
  /** Its log lines, parsed. */
  logs(): Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

export interface Cluster {
  databaseUrl: string;
  db: Database;
  s3: TestS3;
  prefix: string;
  env: Record<string, string>;
  serve(extra?: Record<string, string>): Promise<Proc & { base: string }>;
  worker(extra?: Record<string, string>, args?: string[]): Promise<Proc>;
  /** Workers a failed test left running are SIGKILLed, so they cannot take the next test's jobs. */
  killWorkers(): Promise<void>;
  /** Every process still running is SIGKILLed; the database, the Redis keys and the bucket go. */
  stop(): Promise<void>;
}

export async function startCluster(env: Record<string, string> = {}): Promise<Cluster> {
  const fresh = await freshDatabaseUrl('postgresql');
  const s3 = await startS3();
  const uploads = mkdtempSync(join(tmpdir(), 'kexiao-cluster-'));
  const prefix = `kxq-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const procs: Proc[] = [];
  const workers: Proc[] = [];
  const killAll = async (ps: Proc[]) => {
    for (const p of ps) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(ps.map((p) => p.exited));
  };
  const base: Record<string, string> = {
    DATABASE_URL: fresh.url,
    REDIS_URL,
    KEXIAO_QUEUE_PREFIX: prefix,
    KEXIAO_REDIS_PREFIX: `${prefix}:rl:`,
    KEXIAO_RATE_LIMITS: 'off',
    KEXIAO_UPLOAD_DIR: uploads,
    KEXIAO_REMINDERS: 'off',
    KEXIAO_SHUTDOWN_GRACE_S: '2',
    KEXIAO_JOB_LOCK_S: '3',
    KEXIAO_JOB_BACKOFF_MS: '200',
    KEXIAO_OCR_WORKERS: '1',
    LOG_LEVEL: 'info',
    ...s3.env,
    ...env,
  };
  const spawnKexiao = (args: string[], extra: Record<string, string>): Proc => {
    const child = spawn(process.execPath, [KEXIAO, ...args], { env: { ...process.env, ...base, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err = (err + d).slice(-20_000)));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const p: Proc = {
      child,
      out: () => out,
      err: () => err,
      logs: () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>),
      exited,
    };
    procs.push(p);
    return p;
  };
  let db: Database | undefined;
  const cluster: Cluster = {
    databaseUrl: fresh.url,
    get db() {
      return db!;
    },
    s3,
    prefix,
    env: base,
    async serve(extra = {}) {
      const port = await freePort();
      const p = spawnKexiao(['serve', '--port', String(port)], extra);
      const url = `http://127.0.0.1:${port}`;
      await until(async () => (await fetch(`${url}/api/v1/health`).catch(() => null))?.status === 200, 60_000, 200);
      db ??= await openDatabase(fresh.url);
      return { ...p, base: url };
    },
    async worker(extra = {}, args = ['--concurrency', '1']) {
      const p = spawnKexiao(['worker', ...args], extra);
      workers.push(p);
      await until(() => p.err().includes('识别 worker 已启动') || p.child.exitCode !== null, 60_000, 100);
      if (p.child.exitCode !== null) throw new Error(`worker exited: ${p.err()}`);
      return p;
    },
    killWorkers: () => killAll(workers),
    async stop() {
      await killAll(procs);
      await db?.close();
      await fresh.drop().catch(() => undefined);
      await dropRedisKeys(prefix);
      await s3.stop();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
  return cluster;
}

export async function dropRedisKeys(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

export async function login(base: string, user: string): Promise<Record<string, string>> {
  const r = await fetch(`${base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ privacyConsent: true, user }) });
  const { token } = (await r.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

export async function upload(base: string, auth: Record<string, string>, bytes: Uint8Array, name: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return fetch(`${base}/api/v1/documents`, { method: 'POST', body: form, headers: auth });
}

export async function uploadOk(base: string, auth: Record<string, string>, bytes: Uint8Array, name: string): Promise<string> {
  const r = await upload(base, auth, bytes, name);
  if (r.status !== 202) throw new Error(`upload ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}
