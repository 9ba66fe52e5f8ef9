// What one client may spend, over real HTTP: request rates (koa-ratelimit's memory store, and Redis shared by two
// API instances), the storage quota, the bounds on queued documents counted from the database, and uploads in
// flight. Every refusal is a 429/507/503 with a code, a Chinese message and Retry-After where waiting helps.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/config.ts';
import { Client, devUser } from '../auth/support.ts';
import { baseFirm } from '../domain/firm.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../explain/fake-openai.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { filesIn, multipart, pdfBytes, rawRequest, requestHead, until } from './support.ts';

const limits = (env: Record<string, string>): Config['limits'] => loadConfig(env).limits;

const upload = (url: string, token: string | undefined, bytes = pdfBytes()) => {
  const form = new FormData();
  form.append('file', new Blob([bytes]), '利润表.pdf');
  return fetch(`${url}/api/v1/documents`, { method: 'POST', body: form, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
};

const expectLimited = async (res: Response | { status: number; headers: Headers; body: unknown }, code = 'RATE_LIMITED', status = 429) => {
  const body = res instanceof Response ? await json(res) : (res.body as { error: unknown });
  expect(res.status).toBe(status);
  expect(body.error).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  if (status === 429 || status === 503) {
    const after = Number(res.headers.get('retry-after'));
    expect(after).toBeGreaterThanOrEqual(1);
    expect(after).toBeLessThanOrEqual(3600);
  }
};

describe('request rates with the in-memory store', () => {
  let s: TestServer;
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI(() => ({ text: '按您提供的信息，暂无法判断。' }));
    s = await startTestServer('sqlite', {
      limits: limits({
        KEXIAO_RATE_LOGIN_IP: '3/1m',
        KEXIAO_RATE_UPLOAD_USER: '2/1m',
        KEXIAO_RATE_PRECHECK_USER: '2/1m',
        KEXIAO_RATE_ASSESSMENT_IP: '3/1m',
      }),
      llm: { baseUrl: fake.url, apiKey: 'sk-test', model: 'deepseek-chat', timeoutMs: 2000, maxTokens: 800, stream: false },
    });
  });
  afterAll(async () => {
    await s?.stop();
    await fake?.close();
  });

  it('logins per address: the fourth in a minute is refused and makes no account', async () => {
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await new Client(s.url).post('/api/v1/auth/dev', { privacyConsent: true }));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    await expectLimited(replies[3]!);
    expect(replies[3]!.body.error.message).toMatch(/登录过于频繁/);
    expect(await s.database.db.prisma.user.count()).toBe(3);
  });

  it('uploads per user: the third in a minute is refused; another user still uploads', async () => {
    const [a, b] = await Promise.all([login(s, 'up-a'), login(s, 'up-b')]);
    expect((await upload(s.url, a)).status).toBe(202);
    expect((await upload(s.url, a)).status).toBe(202);
    await expectLimited(await upload(s.url, a));
    expect((await upload(s.url, b)).status).toBe(202);
  });

  it('pre-checks per user: the model is asked at most as often as the budget allows', async () => {
    const u = await login(s, 'pc');
    const c = new Client(s.url, u);
    const before = fake.requests.length;
    const replies = await Promise.all(Array.from({ length: 5 }, () => c.post('/api/v1/prechecks', { staff: { employees: 10, techStaff: 2 } })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 429, 429, 429]);
    await expectLimited(replies.find((r) => r.status === 429)!);
    expect(fake.requests.length - before).toBe(2);
  });

  it('anonymous assessments per address', async () => {
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await new Client(s.url).post('/api/v1/assessments', baseFirm()));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    await expectLimited(replies[3]!);
  });

  // Logins spend the address budget; a test that needs users takes them from a second server's sessions table.
  async function login(server: TestServer, name: string): Promise<string> {
    const p = server.database.db.prisma;
    const { sessionRepository } = await import('../../server/auth/sessions.ts');
    const repo = sessionRepository(p);
    const user = await repo.userForOpenid(`dev:${name}`, true, new Date());
    return (await repo.issue(user, new Date(), 1)).token;
  }
});

describe('request rates in Redis, shared by two API instances', () => {
  const REDIS = 'redis://127.0.0.1:6379/1';
  const prefix = `kexiao-test-${randomUUID()}:`;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const shared = { redisUrl: REDIS, limits: { ...limits({ KEXIAO_RATE_LOGIN_IP: '3/1m' }), redisPrefix: prefix } };
    [a, b] = await Promise.all([startTestServer('postgresql', shared), startTestServer('postgresql', shared)]);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    const r = new Redis(REDIS);
    const keys = await r.keys(`${prefix}*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
  });

  it('counts logins from one address on both instances against one budget', async () => {
    const first = await new Client(a.url).post('/api/v1/auth/dev', { privacyConsent: true });
    const second = await new Client(b.url).post('/api/v1/auth/dev', { privacyConsent: true });
    const third = await new Client(a.url).post('/api/v1/auth/dev', { privacyConsent: true });
    const fourth = await new Client(b.url).post('/api/v1/auth/dev', { privacyConsent: true });
    expect([first, second, third, fourth].map((r) => r.status)).toEqual([200, 200, 200, 429]);
    await expectLimited(fourth);
    const r = new Redis(REDIS);
    expect((await r.keys(`${prefix}login:ip:*`)).length).toBe(1);
    await r.quit();
  });

  it('a Redis that cannot be reached skips the limit instead of taking the API down', async () => {
    const s = await startTestServer('sqlite', { redisUrl: 'redis://127.0.0.1:1/1', limits: limits({ KEXIAO_RATE_LOGIN_IP: '1/1m' }) });
    try {
      for (let i = 0; i < 3; i++) expect((await new Client(s.url).post('/api/v1/auth/dev', { privacyConsent: true })).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

describe.each(PROVIDERS)('storage quota and queue bounds on %s', (provider) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(provider, {
      limits: { ...limits({}), ratesOn: false, storageQuotaBytes: 1024 * 1024, queuePerUser: 2, queueTotal: 4, uploadsInFlight: 1 },
    });
  });
  afterAll(() => s?.stop());
  afterEach(() => s.database.db.prisma.document.deleteMany({ where: { status: 'queued', path: '/queued-elsewhere' } }));

  /** Rows another worker has not picked up yet: the bounds count rows, not this process's queue. */
  const queued = (ownerId: string, n: number) =>
    s.database.db.prisma.document.createMany({
      data: Array.from({ length: n }, () => ({ id: randomUUID(), ownerId, fileName: 'q.pdf', path: '/queued-elsewhere', sha256: '0', size: 1, status: 'queued' })),
    });

  it('a user over the quota gets 507 and the file is not kept', async () => {
    const u = await devUser(s.url);
    expect((await upload(s.url, u.token, pdfBytes(600 * 1024))).status).toBe(202);
    const over = await upload(s.url, u.token, pdfBytes(600 * 1024));
    await expectLimited(over, 'STORAGE_QUOTA_EXCEEDED', 507);
    expect(await s.database.db.prisma.document.count({ where: { ownerId: u.userId } })).toBe(1);
    await until(() => filesIn(s.deps.config.uploadDir).filter((f) => f.startsWith('.upload-')).length === 0);
    expect(filesIn(s.deps.config.uploadDir)).toHaveLength(1);
  });

  it('a user with documents waiting gets 429 TOO_MANY_PENDING_DOCUMENTS; everyone gets DOCUMENT_QUEUE_FULL when the queue is full', async () => {
    const [u, v, w] = await Promise.all([devUser(s.url), devUser(s.url), devUser(s.url)]);
    await queued(u.userId, 2);
    await expectLimited(await upload(s.url, u.token), 'TOO_MANY_PENDING_DOCUMENTS');
    expect((await upload(s.url, v.token)).status).toBe(202); // 3 waiting in all (or fewer, if it was read already)
    await queued(v.userId, 1);
    await queued(w.userId, 1);
    await expectLimited(await upload(s.url, w.token), 'DOCUMENT_QUEUE_FULL');
    expect(await s.database.db.prisma.document.count({ where: { ownerId: w.userId } })).toBe(1);
  });

  it('uploads received at once are bounded: the next one is told to come back', async () => {
    const [u, v] = await Promise.all([devUser(s.url), devUser(s.url)]);
    const body = multipart('XB', pdfBytes(64 * 1024));
    let second: Response | undefined;
    const first = rawRequest(
      s.url,
      requestHead('POST', '/api/v1/documents', { authorization: `Bearer ${u.token}`, 'content-type': 'multipart/form-data; boundary=XB', 'content-length': body.length }),
      [body.subarray(0, 1000), body.subarray(1000)],
      { pauseMs: 300, beforeEach: async (i) => void (i === 1 && (second = await upload(s.url, v.token))) },
    );
    expect((await first)?.status).toBe(202);
    await expectLimited(second!, 'UPLOADS_BUSY', 503);
  });
});
