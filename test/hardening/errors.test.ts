// Every error the API gives is JSON with a code and a Chinese message — 405s, requests Node's own parser refuses —
// and the development login opens only where it should, loudly.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/server.ts';
import { Client } from '../auth/support.ts';
import { openTestDatabase } from '../helpers/databases.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { rawRequest } from './support.ts';

describe('error answers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(() => s?.stop());

  it('405 is JSON with a code, a Chinese message and the Allow header', async () => {
    for (const [method, path, allowed] of [
      ['PUT', '/api/v1/assessments', 'POST'],
      ['PATCH', '/api/v1/firm', 'PUT'],
      ['POST', '/api/v1/documents/00000000-0000-4000-8000-000000000000', 'DELETE'],
      ['DELETE', '/api/v1/health', 'GET'],
    ] as const) {
      const res = await fetch(`${s.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('allow')).toContain(allowed);
      expect((await json(res)).error).toEqual({ code: 'METHOD_NOT_ALLOWED', message: '该接口不支持这种请求方法' });
    }
  });

  it('requests the HTTP parser refuses get JSON too', async () => {
    const garbage = await rawRequest(s.url, 'GARBAGE\r\n\r\n', []);
    expect([garbage?.status, garbage?.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    const huge = await rawRequest(s.url, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, []);
    expect([huge?.status, huge?.body.error.code]).toEqual([431, 'HEADERS_TOO_LARGE']);
    expect((await fetch(`${s.url}/api/v1/health`)).status).toBe(200);
  });

  it('a request id is echoed only when it looks like one', async () => {
    expect((await fetch(`${s.url}/api/v1/health`, { headers: { 'x-request-id': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
    const odd = await fetch(`${s.url}/api/v1/health`, { headers: { 'x-request-id': `${'x'.repeat(300)}` } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the development login', () => {
  async function serverWith(env: Record<string, string>) {
    const t = await openTestDatabase('sqlite');
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({ write: (c, _e, done) => void (lines.push(JSON.parse(String(c))), done()) });
    const running = await startServer(loadConfig(env, { port: 0, databaseUrl: t.url, logLevel: 'info' }), { db: t.db, logger: pino({ level: 'info' }, sink) });
    const login = await new Client(running.url).post('/api/v1/auth/dev', { privacyConsent: true });
    await running.close();
    await t.drop();
    return { login, warned: lines.filter((l) => l.level >= 40 && /DEVELOPMENT LOGIN IS OPEN/.test(l.msg)) };
  }

  it('is open on the embedded default, and says so in the log', async () => {
    const { login, warned } = await serverWith({});
    expect(login.status).toBe(200);
    expect(warned).toHaveLength(1);
  });

  it.each([
    ['only WECHAT_APP_ID', { WECHAT_APP_ID: 'wx123' }, /微信/],
    ['only WECHAT_APP_SECRET', { WECHAT_APP_SECRET: 's' }, /微信/],
    ['NODE_ENV=production', { NODE_ENV: 'production' }, /生产环境/],
    ['KEXIAO_DEV_LOGIN=off', { KEXIAO_DEV_LOGIN: 'off' }, /KEXIAO_DEV_LOGIN/],
  ])('is closed with %s', async (_, env, why) => {
    const { login, warned } = await serverWith(env);
    expect(login.status).toBe(403);
    expect(login.body.error).toMatchObject({ code: 'DEV_LOGIN_DISABLED', message: expect.stringMatching(why) });
    expect(warned).toHaveLength(0);
  });

  it('opens when explicitly enabled, logged as an error', async () => {
    const { login, warned } = await serverWith({ NODE_ENV: 'production', WECHAT_APP_ID: 'wx123', KEXIAO_DEV_LOGIN: 'on' });
    expect(login.status).toBe(200);
    expect(warned.map((w) => w.level)).toEqual([50]);
  });

  it('a setting that is not a valid value is refused at start', () => {
    expect(() => loadConfig({ KEXIAO_DEV_LOGIN: 'maybe' })).toThrow();
    expect(() => loadConfig({ KEXIAO_RATE_UPLOAD_USER: 'lots' })).toThrow(/N\/window/);
    expect(() => loadConfig({ KEXIAO_STORAGE_QUOTA_MB: '-1' })).toThrow();
  });
});
