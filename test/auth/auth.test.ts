// Login over real HTTP on both databases: the development login, WeChat login through the stand-in's
// code2Session, opaque session tokens stored as hashes, the bearer middleware, privacy consent recorded.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/config.ts';
import { startServer as startRealServer } from '../../server/server.ts';
import { openTestDatabase, PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { startStandin, wechatSettings, type Standin } from '../wechat/standin.ts';
import { Client, devUser, startServer } from './support.ts';

describe.each(PROVIDERS)('login on %s', (provider) => {
  describe('without WeChat credentials (embedded default)', () => {
    let s: TestServer & { setTime(at: string): void };
    beforeAll(async () => {
      s = await startServer(provider, { at: '2026-07-01T10:00:00+08:00' });
    });
    afterAll(() => s?.stop());

    it('development login issues an opaque token whose hash alone is stored, and records the privacy consent', async () => {
      const c = new Client(s.url);
      const r = await c.post('/api/v1/auth/dev', { privacyConsent: true });
      expect(r.status).toBe(200);
      expect(r.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(r.body.user).toMatchObject({ dev: true, privacyConsentAt: '2026-07-01T02:00:00.000Z' });
      expect(r.body.expiresAt).toBe('2026-07-31T02:00:00.000Z');
      const rows = await s.database.db.prisma.session.findMany({ where: { userId: r.body.user.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(r.body.token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(r.body.token);
      const user = await s.database.db.prisma.user.findUnique({ where: { id: r.body.user.id } });
      expect(user?.privacyConsentAt.toISOString()).toBe('2026-07-01T02:00:00.000Z');
    });

    it('the same development user name is the same user; without a name every login is a new user', async () => {
      const a = await devUser(s.url, 'alice');
      const a2 = await devUser(s.url, 'alice');
      const anon1 = await devUser(s.url);
      const anon2 = await devUser(s.url);
      expect(a2.userId).toBe(a.userId);
      expect(a2.token).not.toBe(a.token);
      expect(new Set([a.userId, anon1.userId, anon2.userId]).size).toBe(3);
    });

    it('refuses to log in without the privacy consent, in Chinese, naming the field', async () => {
      const r = await new Client(s.url).post('/api/v1/auth/dev', {});
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('INVALID_INPUT');
      expect(r.body.error.issues[0]).toMatchObject({ path: 'privacyConsent', code: 'REQUIRED', message: '缺少隐私政策同意' });
      const no = await new Client(s.url).post('/api/v1/auth/dev', { privacyConsent: false });
      expect(no.status).toBe(400);
      expect(no.body.error.issues[0]).toMatchObject({ code: 'PRIVACY_CONSENT_REQUIRED', message: '请先阅读并同意隐私政策' });
    });

    it('WeChat login answers 503 WECHAT_NOT_CONFIGURED', async () => {
      const r = await new Client(s.url).post('/api/v1/auth/wechat', { code: 'abc', privacyConsent: true });
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('WECHAT_NOT_CONFIGURED');
    });

    it('the bearer middleware: none → 401 UNAUTHENTICATED, malformed → SESSION_INVALID, expired → SESSION_EXPIRED, logout revokes', async () => {
      expect((await new Client(s.url).get('/api/v1/firm')).body.error.code).toBe('UNAUTHENTICATED');
      const bad = await new Client(s.url).call('GET', '/api/v1/firm', undefined, { authorization: 'Basic dXNlcjpwYXNz' });
      expect([bad.status, bad.body.error.code]).toEqual([401, 'SESSION_INVALID']);
      const unknown = await new Client(s.url, 'x'.repeat(43)).get('/api/v1/firm');
      expect([unknown.status, unknown.body.error.code]).toEqual([401, 'SESSION_EXPIRED']);

      const u = await devUser(s.url);
      expect((await u.get('/api/v1/firm')).status).toBe(404); // authenticated, no firm yet
      s.setTime('2026-07-31T10:00:01+08:00'); // 30 days and a second later
      const late = await u.get('/api/v1/firm');
      expect([late.status, late.body.error.code]).toEqual([401, 'SESSION_EXPIRED']);
      s.setTime('2026-07-01T10:00:00+08:00');

      const v = await devUser(s.url);
      expect((await v.del('/api/v1/auth/session')).status).toBe(204);
      expect((await v.get('/api/v1/firm')).body.error.code).toBe('SESSION_EXPIRED');
      // Anonymous requests still work where they always did.
      expect((await new Client(s.url).get('/api/v1/health')).status).toBe(200);
    });
  });

  describe('with WeChat credentials (stand-in)', () => {
    let s: TestServer & { setTime(at: string): void };
    let wx: Standin;
    beforeAll(async () => {
      wx = await startStandin();
      s = await startServer(provider, { standin: wx });
    });
    afterAll(async () => {
      await s?.stop();
      await wx?.close();
    });

    const login = (code: string) => new Client(s.url).post('/api/v1/auth/wechat', { code, privacyConsent: true });

    it('exchanges a wx.login code through code2Session; the same openid is the same user', async () => {
      const first = await login(wx.issueCode('o-owner-1'));
      expect(first.status).toBe(200);
      expect(first.body.user.dev).toBe(false);
      const again = await login(wx.issueCode('o-owner-1'));
      expect(again.body.user.id).toBe(first.body.user.id);
      const other = await login(wx.issueCode('o-owner-2'));
      expect(other.body.user.id).not.toBe(first.body.user.id);
      const user = await s.database.db.prisma.user.findUnique({ where: { id: first.body.user.id } });
      expect(user?.openid).toBe('o-owner-1');
      // Our token is not WeChat's: it works against our API.
      expect((await new Client(s.url, first.body.token).get('/api/v1/checks/current')).status).toBe(200);
    });

    it('maps WeChat refusals: used or unknown code → 401, 45011 → 429, 40226 → 403, -1 or no answer → 503', async () => {
      const code = wx.issueCode('o-owner-3');
      expect((await login(code)).status).toBe(200);
      const reused = await login(code); // 40163 code been used
      expect([reused.status, reused.body.error.code]).toEqual([401, 'WECHAT_CODE_INVALID']);
      const unknown = await login('not-a-code'); // 40029
      expect([unknown.status, unknown.body.error.code]).toEqual([401, 'WECHAT_CODE_INVALID']);
      wx.fail('code2session', { errcode: 45011 }, { errcode: 40226 }, { errcode: -1 }, { drop: true });
      expect((await login(wx.issueCode('o-x'))).body.error.code).toBe('WECHAT_RATE_LIMITED');
      expect((await login(wx.issueCode('o-x'))).body.error.code).toBe('WECHAT_LOGIN_BLOCKED');
      expect((await login(wx.issueCode('o-x'))).body.error.code).toBe('WECHAT_UNAVAILABLE');
      expect((await login(wx.issueCode('o-x'))).body.error.code).toBe('WECHAT_UNAVAILABLE');
    });

    it('requires the privacy consent before asking WeChat at all', async () => {
      const before = wx.calls.code2session;
      const r = await new Client(s.url).post('/api/v1/auth/wechat', { code: wx.issueCode('o-y') });
      expect(r.status).toBe(400);
      expect(wx.calls.code2session).toBe(before);
    });

    it('turns the development login off', async () => {
      const r = await new Client(s.url).post('/api/v1/auth/dev', { privacyConsent: true });
      expect([r.status, r.body.error.code]).toEqual([403, 'DEV_LOGIN_DISABLED']);
    });
  });
});

describe('logs', () => {
  it('never contain the openid, the login code or the token', async () => {
    const wx = await startStandin({ appSecret: 'wrong-secret-for-this-test' });
    const database = await openTestDatabase('sqlite');
    let logged = '';
    const sink = new Writable({ write: (chunk, _e, cb) => ((logged += String(chunk)), cb()) });
    const config = loadConfig({}, {
      port: 0,
      databaseUrl: database.url,
      logLevel: 'trace',
      wechat: { ...wechatSettings(wx), appSecret: wx.appSecret } as Config['wechat'],
    });
    const running = await startRealServer(config, { db: database.db, logger: pino({ level: 'trace' }, sink) });
    try {
      const code = wx.issueCode('o-secret-openid');
      const ok = await new Client(running.url).post('/api/v1/auth/wechat', { code, privacyConsent: true });
      expect(ok.status).toBe(200);
      await new Client(running.url, ok.body.token).get('/api/v1/firm');
      const refused = await new Client(running.url).post('/api/v1/auth/wechat', { code, privacyConsent: true });
      expect(refused.status).toBe(401);
      expect(logged).toContain('wechat login failed');
      for (const secret of ['o-secret-openid', code, ok.body.token, wx.appSecret]) expect(logged).not.toContain(secret);
    } finally {
      await running.close();
      await database.drop().catch(() => {});
      await wx.close();
    }
  });
});
