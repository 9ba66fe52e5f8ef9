// The production path for real: `kexiao serve` with REDIS_URL only stores (in the object store) and enqueues on
// BullMQ; `kexiao worker` processes run the jobs against the same PostgreSQL. A worker SIGKILLed mid-OCR loses
// nothing (another finishes the job); a file that kills every worker ends failed after the attempt limit; a file
// that cannot be read is retried with backoff, then failed with a code; two workers at once never both complete a
// document; SIGTERM hands the job back; the health check and `kexiao queue` show the queue.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { s3Store } from '../../server/files/store.ts';
import { runKexiao } from '../helpers/cli.ts';
import { until } from '../hardening/support.ts';
import { closeBrowser, htmlToPdf, readBytes } from '../extract/fixtures/render.ts';
import { SCAN_CASES, scanImage } from '../extract/fixtures/scans.ts';
import { balanceSheet, documentHtml, incomeStatement } from '../extract/fixtures/statements.ts';
import { dropRedisKeys, login, startCluster, upload, uploadOk, type Cluster, type Proc } from './support.ts';

let scan: Uint8Array;
const pdfs: Uint8Array[] = [];
let c: Cluster;
let api: Proc & { base: string };

beforeAll(async () => {
  scan = readBytes(await scanImage(SCAN_CASES.find((x) => x.category === 'degraded')!));
  for (let i = 0; i < 3; i++) pdfs.push(readBytes(await htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 300 + i })]))));
  pdfs.push(readBytes(await htmlToPdf(documentHtml([balanceSheet({ format: '2019', unit: '元', seed: 310 })]))));
  await closeBrowser();
  c = await startCluster({ KEXIAO_JOB_MAX_ATTEMPTS: '3' });
  api = await c.serve();
}, 240_000);
afterEach(async () => c?.killWorkers(), 30_000);
afterAll(async () => c?.stop(), 60_000);

const row = (id: string) => c.db.prisma.document.findUniqueOrThrow({ where: { id } });
// Inside the page's recognition (progress 0.15 until 0.7, 'checking'), not at its tail: a page is read in ~2.5 s of
// CPU now, and on a loaded machine a worker seen at 0.7 had finished the page before the signal reached it.
const midOcr = (id: string, attempt: number) =>
  until(async () => {
    const r = await row(id);
    return r.status === 'processing' && r.attempts === attempt && r.progress > 0 && r.progress < 0.5;
  }, 120_000, 20);
// A worker logs a job's outcome after the row is settled, and the line reaches us through a pipe: wait for it.
const logged = (p: Proc, want: (l: Record<string, unknown>) => boolean, n = 1) =>
  until(() => p.logs().filter((l) => l.outcome !== undefined && want(l)).length >= n, 10_000, 50);
const health = async () => (await (await fetch(`${api.base}/api/v1/health`)).json()) as { queue: Record<string, number | boolean> };
const kill = async (p: Proc, signal: NodeJS.Signals = 'SIGKILL') => {
  p.child.kill(signal);
  return p.exited;
};

describe('serve enqueues, workers process', () => {
  it('with no worker running the upload is stored in the bucket and waits in the queue; a worker then reads it', async () => {
    const auth = await login(api.base, 'firm-a');
    const id = await uploadOk(api.base, auth, pdfs[0]!, '利润表.pdf');
    await new Promise((r) => setTimeout(r, 1500));
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0, path: `s3://${c.s3.bucket}/uploads/${id}` });
    expect((await health()).queue).toMatchObject({ ok: true, waiting: 1, active: 0, failed: 0 });
    const q = await runKexiao(['queue', '--json'], { env: c.env });
    expect(q.code).toBe(0);
    expect(JSON.parse(q.stdout)).toMatchObject({ queue: { waiting: 1, active: 0 }, documents: { queued: 1 } });

    const w = await c.worker();
    await until(async () => (await row(id)).status === 'done', 60_000, 100);
    const done = await json(await fetch(`${api.base}/api/v1/documents/${id}`, { headers: auth }));
    expect(done).toMatchObject({ status: 'done', progress: 1, result: { method: 'text' } });
    expect((await row(id)).attempts).toBe(1);
    await logged(w, (l) => l.document === id);
    expect(w.logs().filter((l) => l.document === id).map((l) => l.outcome)).toEqual(['done']);
    await until(async () => (await health()).queue.waiting === 0, 5000);
    expect(await kill(w, 'SIGTERM')).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('Redis lost the queue (restarted without persistence): a worker adds the jobs of pending documents again and reads them', async () => {
    const auth = await login(api.base, 'firm-lost-redis');
    const id = await uploadOk(api.base, auth, pdfs[2]!, '利润表.pdf');
    await dropRedisKeys(c.prefix); // every job, lock and counter of this deployment gone
    expect((await health()).queue).toMatchObject({ ok: true, waiting: 0, active: 0 });
    expect((await row(id)).status).toBe('queued');
    const w = await c.worker();
    await until(async () => (await row(id)).status === 'done', 60_000, 100);
    expect((await row(id)).attempts).toBe(1);
    await kill(w, 'SIGTERM');
  }, 120_000);

  it('fair across firms: a firm that queued many documents does not make the next firm wait behind all of them', async () => {
    const many = await login(api.base, 'firm-many-docs');
    const one = await login(api.base, 'firm-one-doc');
    const theirs: string[] = [];
    for (let i = 0; i < 5; i++) theirs.push(await uploadOk(api.base, many, pdfs[i % pdfs.length]!, `报表${i}.pdf`));
    const mine = await uploadOk(api.base, one, pdfs[0]!, '利润表.pdf');
    const w = await c.worker(); // one job at a time: the order is the queue's
    await until(async () => (await c.db.prisma.document.count({ where: { id: { in: [...theirs, mine] }, status: 'done' } })) === 6, 60_000, 100);
    await logged(w, (l) => l.outcome === 'done', 6);
    const order = w.logs().filter((l) => l.outcome === 'done').map((l) => l.document);
    // BullMQ priorities by the owner's documents waiting: each firm's first document, then each one's second, …
    expect(order.indexOf(mine)).toBe(1);
    expect(order.filter((d) => d !== mine)).toEqual(theirs);
    await kill(w, 'SIGTERM');
  }, 120_000);

  it('a worker SIGKILLed mid-OCR: its job is recovered from the expired lock and finished by another worker', async () => {
    const auth = await login(api.base, 'firm-b');
    const w1 = await c.worker();
    const id = await uploadOk(api.base, auth, scan, '扫描件.jpg');
    await midOcr(id, 1);
    expect(await kill(w1)).toEqual({ code: null, signal: 'SIGKILL' });
    const w2 = await c.worker();
    await until(async () => (await row(id)).status === 'done', 180_000, 100);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'done', attempts: 2, claim: null });
    expect((r.result as { method: string }).method).toBe('ocr');
    await logged(w2, (l) => l.document === id);
    expect(w2.logs().filter((l) => l.document === id).map((l) => l.outcome)).toEqual(['done']);
    await kill(w2, 'SIGTERM');
  }, 300_000);

  it('a file that kills every worker that reads it is failed after KEXIAO_JOB_MAX_ATTEMPTS starts, with a code', async () => {
    const auth = await login(api.base, 'firm-c');
    const id = await uploadOk(api.base, auth, scan, '会崩溃的扫描件.jpg');
    for (let attempt = 1; attempt <= 3; attempt++) {
      const w = await c.worker();
      await midOcr(id, attempt);
      await kill(w);
    }
    const last = await c.worker();
    await until(async () => (await row(id)).status === 'failed', 60_000, 100);
    const failed = await row(id);
    expect(failed.attempts).toBe(4);
    expect(failed.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/已停止处理/) });
    const doc = await json(await fetch(`${api.base}/api/v1/documents/${id}`, { headers: auth }));
    expect(doc).toMatchObject({ status: 'failed', error: { code: 'TOO_MANY_ATTEMPTS' } });
    await until(async () => Number((await health()).queue.failed) >= 1, 5000);
    await kill(last, 'SIGTERM');
  }, 400_000);

  it('a stored file that cannot be read is retried with backoff, then failed with FILE_UNAVAILABLE after the attempts', async () => {
    const auth = await login(api.base, 'firm-d');
    const id = await uploadOk(api.base, auth, pdfs[1]!, '利润表.pdf');
    const store = s3Store(c.s3.config);
    await store.remove((await row(id)).path); // the object is gone from the bucket
    await store.close();
    const w = await c.worker();
    await until(async () => (await row(id)).status === 'failed', 60_000, 100);
    expect(await row(id)).toMatchObject({ attempts: 3, error: { code: 'FILE_UNAVAILABLE' } });
    await logged(w, (l) => l.document === id);
    const attempts = w.logs().filter((l) => l.document === id);
    expect(attempts.map((l) => l.outcome)).toEqual(['failed']); // the two retries threw before an outcome
    expect(attempts[0]!.attempt).toBe(3);
    const q = JSON.parse((await runKexiao(['queue', '--json'], { env: c.env })).stdout);
    expect(q.failedJobs.find((j: { id: string }) => j.id === id)).toMatchObject({ reason: 'FILE_UNAVAILABLE', attempts: 3 });
    await kill(w, 'SIGTERM');
  }, 120_000);

  it('two workers at once: every document is completed exactly once, each worker takes a share', async () => {
    const [w1, w2] = [await c.worker({}, ['--concurrency', '2']), await c.worker({}, ['--concurrency', '2'])];
    const ids: string[] = [];
    for (let u = 0; u < 3; u++) {
      const auth = await login(api.base, `firm-many-${u}`);
      for (let i = 0; i < 5; i++) ids.push(await uploadOk(api.base, auth, i === 4 ? scan : pdfs[(u + i) % pdfs.length]!, `报表${u}-${i}.pdf`));
    }
    await until(async () => (await c.db.prisma.document.count({ where: { id: { in: ids }, status: 'done' } })) === ids.length, 300_000, 200);
    const done = () => [...w1.logs(), ...w2.logs()].filter((l) => ids.includes(l.document as string) && l.outcome === 'done');
    await until(() => done().length >= ids.length, 10_000, 50);
    const completions = done();
    expect(completions.length).toBe(ids.length);
    expect(new Set(completions.map((l) => l.document)).size).toBe(ids.length);
    expect(w1.logs().some((l) => l.outcome === 'done') && w2.logs().some((l) => l.outcome === 'done')).toBe(true);
    await Promise.all([kill(w1, 'SIGTERM'), kill(w2, 'SIGTERM')]);
  }, 400_000);

  it('SIGTERM mid-OCR: the worker exits within its bound, the job finished or handed back uncounted, and another worker finishes it', async () => {
    const auth = await login(api.base, 'firm-e');
    const w1 = await c.worker();
    const id = await uploadOk(api.base, auth, scan, '扫描件.jpg');
    await midOcr(id, 1);
    const t0 = Date.now();
    expect(await kill(w1, 'SIGTERM'), w1.err()).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan((2 * 2 + 5) * 1000);
    const back = await row(id);
    if (back.status !== 'done') expect(back).toMatchObject({ status: 'queued', attempts: 0, progress: 0, claim: null });
    const w2 = await c.worker();
    await until(async () => (await row(id)).status === 'done', 180_000, 100);
    expect((await row(id)).attempts).toBe(1);
    await kill(w2, 'SIGTERM');
  }, 300_000);
});

describe('backpressure with the distributed queue', () => {
  it('per user and overall bounds answer 429 with Retry-After and a Chinese message; the counts hold across API instances', async () => {
    const env = { KEXIAO_QUEUE_PER_USER: '2', KEXIAO_QUEUE_TOTAL: '3' };
    const [a, b] = [await c.serve(env), await c.serve(env)];
    // Nothing pending from the earlier tests; no worker runs, so uploads stay queued.
    expect(await c.db.prisma.document.count({ where: { status: { in: ['queued', 'processing'] } } })).toBe(0);
    const u1 = await login(a.base, 'bp-1');
    await uploadOk(a.base, u1, pdfs[0]!, '1.pdf');
    await uploadOk(b.base, u1, pdfs[1]!, '2.pdf');
    const mine = await upload(a.base, u1, pdfs[2]!, '3.pdf');
    expect(mine.status).toBe(429);
    expect(mine.headers.get('retry-after')).toBe('60');
    expect((await json(mine)).error).toMatchObject({ code: 'TOO_MANY_PENDING_DOCUMENTS', message: expect.stringMatching(/正在排队识别/) });
    await uploadOk(b.base, await login(b.base, 'bp-2'), pdfs[0]!, '1.pdf');
    const all = await upload(a.base, await login(a.base, 'bp-3'), pdfs[0]!, '1.pdf');
    expect(all.status).toBe(429);
    expect(all.headers.get('retry-after')).toBe('60');
    expect((await json(all)).error).toMatchObject({ code: 'DOCUMENT_QUEUE_FULL', message: expect.stringMatching(/请稍后再上传/) });
    expect((await health()).queue).toMatchObject({ waiting: 3 });
    await Promise.all([kill(a, 'SIGTERM'), kill(b, 'SIGTERM')]);
  }, 120_000);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(res: Response): Promise<any> {
  return res.json();
}
