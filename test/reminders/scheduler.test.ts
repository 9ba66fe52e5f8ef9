// The scheduler against the WeChat stand-in on both databases: every due reminder delivered once, through
// WeChat with a consent or as an in-app notice, whatever WeChat answers.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { startServer } from '../auth/support.ts';
import type { Config } from '../../server/config.ts';
import { startStandin, TEMPLATE, wechatSettings, type Standin } from '../wechat/standin.ts';
import { AUG24, deliverer, devOwner, JULY, wechatOwner } from './support.ts';

describe.each(PROVIDERS)('scheduler on %s', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  let wx: Standin;
  let n = 0;
  const openid = () => `o-${provider}-${++n}`;

  beforeAll(async () => {
    wx = await startStandin();
    s = await startServer(provider, {
      at: JULY,
      config: {
        wechat: { ...wechatSettings(wx), timeoutMs: 400 } as Config['wechat'],
        reminders: { runInServer: false, intervalSeconds: 60, leaseSeconds: 2, maxAttempts: 3 },
      },
    });
  });
  afterAll(async () => {
    await s?.stop();
    await wx?.close();
  });
  beforeEach(async () => {
    // Each test starts from an empty schedule (users and their rows from earlier tests are gone).
    const p = s.database.db.prisma;
    await p.$transaction([p.notice.deleteMany(), p.subscribeConsent.deleteMany(), p.reminder.deleteMany(), p.firm.deleteMany()]);
    wx.deliveries.length = 0;
    wx.sendDelayMs = 0;
  });
  afterEach(() => s.setTime(JULY));

  const rows = (userId: string) => s.database.db.prisma.reminder.findMany({ where: { userId }, orderBy: { dueAt: 'asc' } });
  const consents = (userId: string) => s.database.db.prisma.subscribeConsent.findMany({ where: { userId } });

  it('sends the due reminder once through WeChat, spends one consent, supersedes older offsets, and sends nothing on the next run', async () => {
    const a = await wechatOwner(s, wx, openid(), { consents: 2 });
    const d = deliverer(s);
    const summary = await d.run(AUG24);
    expect(summary).toMatchObject({ due: 1, sent: 1, notices: 0, skipped: 2 });
    expect(wx.deliveries).toHaveLength(1);
    const msg = wx.deliveries[0]!;
    expect(msg).toMatchObject({ touser: a.openid, template_id: TEMPLATE, lang: 'zh_CN', miniprogram_state: 'formal' });
    expect(msg.data).toEqual({
      thing1: { value: '评价系统关闭（还有7天）' },
      time2: { value: '2026年08月31日' },
      thing3: { value: '请在截止前完成自评提交' },
    });
    const byOffset = Object.fromEntries((await rows(a.userId)).map((r) => [r.offsetDays, r.status]));
    expect(byOffset).toEqual({ 30: 'skipped', 14: 'skipped', 7: 'sent', 3: 'scheduled', 1: 'scheduled' });
    expect(msg.reminder).toBe((await rows(a.userId)).find((r) => r.offsetDays === 7)!.id);
    expect((await consents(a.userId)).map((c) => c.status).sort()).toEqual(['available', 'spent']);
    expect((await a.get('/api/v1/reminders/consents')).body).toMatchObject({ templateIds: [TEMPLATE], total: 1 });

    expect(await d.run(AUG24)).toMatchObject({ due: 0, sent: 0 });
    expect(await deliverer(s).run(new Date('2026-08-25T09:30:00+08:00'))).toMatchObject({ due: 0 });
    expect(wx.deliveries).toHaveLength(1);
    // Three days later the 3-day reminder goes, with the second consent.
    expect(await d.run(new Date('2026-08-28T09:30:00+08:00'))).toMatchObject({ sent: 1 });
    expect(wx.deliveries.map((m) => m.data.thing1!.value)).toEqual(['评价系统关闭（还有7天）', '评价系统关闭（还有3天）']);
  });

  it('without a consent, or without WeChat (development user), the reminder becomes an in-app notice', async () => {
    const noConsent = await wechatOwner(s, wx, openid(), { consents: 0 });
    const dev = await devOwner(s);
    expect(await deliverer(s).run(AUG24)).toMatchObject({ due: 2, sent: 0, notices: 2 });
    expect(wx.deliveries).toHaveLength(0);
    for (const u of [noConsent, dev]) {
      const notices = (await u.get('/api/v1/notices')).body;
      expect(notices.unread).toBe(1);
      expect(notices.notices[0]).toMatchObject({
        title: '评价系统关闭提醒',
        body: '评价系统关闭（企业自评提交截止）：2026年08月31日，还有7天。请在截止前完成自评提交。',
        deadline: '2026-08-31',
        read: false,
      });
    }
    const [r] = (await rows(dev.userId)).filter((x) => x.offsetDays === 7);
    expect(r).toMatchObject({ status: 'notice', channel: 'notice' });
  });

  it('43101 (user refused): consent void with the user’s other consents for the template, notice instead, nothing resent', async () => {
    const a = await wechatOwner(s, wx, openid(), { consents: 3 });
    wx.grantConsent(a.openid!, TEMPLATE, -3); // the user switched the messages off in WeChat
    expect(await deliverer(s).run(AUG24)).toMatchObject({ sent: 0, notices: 1 });
    expect((await consents(a.userId)).map((c) => c.status)).toEqual(['void', 'void', 'void']);
    expect((await rows(a.userId)).find((r) => r.offsetDays === 7)).toMatchObject({ status: 'notice', lastError: 'WECHAT_43101' });
    expect((await a.get('/api/v1/notices')).body.notices).toHaveLength(1);
    expect((await a.get('/api/v1/reminders/consents')).body.total).toBe(0);
  });

  it('45011 rate limit: nothing sent, the consent kept, WeChat paused; sent on a later run once the back-off is over', async () => {
    const a = await wechatOwner(s, wx, openid());
    const b = await wechatOwner(s, wx, openid());
    wx.fail('send', { errcode: 45011 });
    const d = deliverer(s);
    const first = await d.run(AUG24);
    expect(first).toMatchObject({ sent: 0, deferred: 2 });
    expect(wx.calls.send).toBeGreaterThan(0);
    expect(wx.deliveries).toHaveLength(0);
    for (const u of [a, b]) expect((await consents(u.userId))[0]!.status).toBe('available');
    const deferred = (await rows(a.userId)).concat(await rows(b.userId)).filter((r) => r.offsetDays === 7);
    expect(deferred.map((r) => r.status)).toEqual(['scheduled', 'scheduled']);
    // Once the minute is over, both go.
    const later = createLater(s, Date.now() + 61_000);
    expect(await later.run(AUG24)).toMatchObject({ sent: 2 });
    expect(wx.deliveries.map((m) => m.touser).sort()).toEqual([a.openid, b.openid].sort());
  });

  it('transient errors (-1, connection refused) retry with back-off up to the limit, then fall back to a notice', async () => {
    const a = await wechatOwner(s, wx, openid());
    wx.fail('send', { errcode: -1 });
    const d = deliverer(s);
    expect(await d.run(AUG24)).toMatchObject({ sent: 0, deferred: 1 });
    let row = (await rows(a.userId)).find((r) => r.offsetDays === 7)!;
    expect(row).toMatchObject({ status: 'scheduled', attempts: 1, lastError: 'WECHAT_-1' });
    expect(row.notBefore!.getTime()).toBeGreaterThan(Date.now());
    expect(await createLater(s, Date.now() + 3_600_000).run(AUG24)).toMatchObject({ sent: 1 });
    expect(wx.deliveries).toHaveLength(1);

    const b = await wechatOwner(s, wx, openid());
    wx.fail('send', { errcode: -1 }, { errcode: -1 }, { errcode: -1 });
    for (let i = 0; i < 3; i++) await createLater(s, Date.now() + (i + 1) * 7_200_000).run(AUG24);
    row = (await rows(b.userId)).find((r) => r.offsetDays === 7)!;
    expect(row).toMatchObject({ status: 'notice', attempts: 3, lastError: 'WECHAT_-1' });
    expect((await consents(b.userId))[0]!.status).toBe('available'); // never used
    expect((await b.get('/api/v1/notices')).body.notices).toHaveLength(1);
  });

  it('a request WeChat rejects (47003 bad data, 40003 bad openid) becomes a notice at once and keeps the consent', async () => {
    const a = await wechatOwner(s, wx, openid());
    wx.fail('send', { errcode: 47003 });
    expect(await deliverer(s).run(AUG24)).toMatchObject({ notices: 1, deferred: 0 });
    expect((await rows(a.userId)).find((r) => r.offsetDays === 7)).toMatchObject({ status: 'notice', lastError: 'WECHAT_47003' });
    expect((await consents(a.userId))[0]!.status).toBe('available');
  });

  it('no answer to a send (timeout, dropped connection, 502): uncertain, a notice, the consent counted as spent, never resent', async () => {
    const a = await wechatOwner(s, wx, openid());
    const b = await wechatOwner(s, wx, openid());
    const c = await wechatOwner(s, wx, openid());
    wx.fail('send', { hang: true }, { drop: true }, { http: 502 });
    const calls = wx.calls.send;
    const d = deliverer(s);
    expect(await d.run(AUG24)).toMatchObject({ uncertain: 3, sent: 0 });
    for (const u of [a, b, c]) {
      const row = (await rows(u.userId)).find((r) => r.offsetDays === 7)!;
      expect(row.status).toBe('uncertain');
      expect(row.lastError).toMatch(/^(NETWORK_|HTTP_502)/);
      expect((await consents(u.userId))[0]!.status).toBe('spent');
      const notice = (await u.get('/api/v1/notices')).body.notices[0];
      expect(notice.body).toContain('微信提醒可能未送达');
    }
    await d.run(AUG24);
    await createLater(s, Date.now() + 86_400_000).run(AUG24);
    expect(wx.calls.send - calls).toBe(3);
  });

  it('an expired or replaced access token is refreshed once and the send retried', async () => {
    const a = await wechatOwner(s, wx, openid());
    await s.deps.wechat!.accessToken();
    wx.invalidateTokens('replaced');
    const before = wx.calls.token;
    expect(await deliverer(s).run(AUG24)).toMatchObject({ sent: 1 });
    expect(wx.calls.token).toBe(before + 1);
    expect(wx.deliveries.map((m) => m.touser)).toEqual([a.openid]);
  });

  it('a claim left by a dead process is resolved as uncertain after the lease, with a notice, and not resent', async () => {
    const a = await wechatOwner(s, wx, openid());
    const d = deliverer(s);
    const p = s.database.db.prisma;
    await d.run(new Date('2026-08-01T00:00:00+08:00')); // plans the rows, nothing due yet
    const row = (await rows(a.userId)).find((r) => r.offsetDays === 7)!;
    // What a sender killed between claim and confirmation leaves behind (the older offsets skipped with it).
    const claimedAt = Date.now();
    await p.reminder.update({ where: { id: row.id }, data: { status: 'claimed', claimToken: 'dead', claimedAt: new Date(claimedAt) } });
    await p.reminder.updateMany({ where: { userId: a.userId, offsetDays: { in: [30, 14] } }, data: { status: 'skipped' } });
    await p.subscribeConsent.updateMany({ where: { userId: a.userId }, data: { status: 'reserved', reminderId: row.id } });
    expect(await createLater(s, claimedAt + 1_900).run(AUG24)).toMatchObject({ recovered: 0, sent: 0 }); // within the 2 s lease
    expect((await p.reminder.findUnique({ where: { id: row.id } }))!.status).toBe('claimed');
    const later = createLater(s, claimedAt + 2_100);
    expect(await later.run(AUG24)).toMatchObject({ recovered: 1, sent: 0 });
    expect(await p.reminder.findUnique({ where: { id: row.id } })).toMatchObject({ status: 'uncertain', lastError: 'CLAIM_EXPIRED' });
    expect((await consents(a.userId))[0]!.status).toBe('spent');
    expect((await a.get('/api/v1/notices')).body.notices).toHaveLength(1);
    expect(wx.deliveries).toHaveLength(0);
  });

  it('two senders on the same database deliver each reminder once', async () => {
    const owners = [];
    for (let i = 0; i < 8; i++) owners.push(await wechatOwner(s, wx, openid()));
    for (let i = 0; i < 4; i++) owners.push(await devOwner(s));
    wx.sendDelayMs = 20;
    const [x, y] = await Promise.all([deliverer(s).run(AUG24), deliverer(s).run(AUG24)]);
    expect(x.sent + y.sent).toBe(8);
    expect(x.notices + y.notices).toBe(4);
    const ids = wx.deliveries.map((m) => m.reminder);
    expect(new Set(ids).size).toBe(8);
    expect(await s.database.db.prisma.notice.count()).toBe(4);
  });
});

/** A deliverer whose wall clock reads `ms` (back-off and leases are wall-clock time). */
const createLater = (s: TestServer, ms: number) => deliverer(s, () => new Date(ms));
