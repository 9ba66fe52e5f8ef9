// The reminder API, notices, consents and the `kexiao remind` command over real HTTP and real databases,
// without WeChat (the embedded default) and with the stand-in. One owner never sees another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerReminders } from '../../server/reminders/runner.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import { runKexiao } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/server.ts';
import { startServer } from '../auth/support.ts';
import { startStandin, TEMPLATE, wechatEnv, type Standin } from '../wechat/standin.ts';
import { AUG24, deliverer, devOwner, JULY, wechatOwner } from './support.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(PROVIDERS)('reminder API on %s without WeChat', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  beforeAll(async () => {
    s = await startServer(provider, { at: JULY });
  });
  afterAll(() => s?.stop());

  it('lists the owner’s upcoming reminders from the pack; submitting stops the submission ones', async () => {
    const a = await devOwner(s, 'henan');
    const list = await a.get('/api/v1/reminders');
    expect(list.status).toBe(200);
    expect(list.body.consents).toEqual({ templateIds: [], available: {}, total: 0 });
    const rs = list.body.reminders;
    expect(rs.map((r: { date: string; offsetDays: number }) => `${r.date}-${r.offsetDays}`)).toEqual([
      '2026-08-31-30',
      '2026-08-31-14',
      '2026-09-18-30', // 8月19日
      '2026-08-31-7',
      '2026-08-31-3',
      '2026-08-31-1',
      '2026-09-18-14',
      '2026-09-18-7',
      '2026-09-18-3',
      '2026-09-18-1',
    ]);
    expect(rs[0]).toMatchObject({ kind: 'systemCloses', title: '评价系统关闭（企业自评提交截止）', sendAt: '2026-08-01T01:30:00.000Z', status: 'scheduled' });
    await a.put('/api/v1/firm', { submitted: true });
    const after = (await a.get('/api/v1/reminders')).body.reminders;
    expect(new Set(after.map((r: { kind: string }) => r.kind))).toEqual(new Set(['reviewDeadline']));
    await a.put('/api/v1/firm', { region: 'national' });
    expect((await a.get('/api/v1/reminders')).body.reminders).toEqual([]);
  });

  it('cancels only the owner’s own reminder, only before it is sent; a cancelled reminder never goes out', async () => {
    const a = await devOwner(s);
    const b = await devOwner(s);
    const [first, second] = (await a.get('/api/v1/reminders')).body.reminders;
    expect((await b.del(`/api/v1/reminders/${first.id}`)).status).toBe(404);
    expect((await b.del('/api/v1/reminders/not-a-uuid')).status).toBe(404);
    expect((await a.del(`/api/v1/reminders/${first.id}`)).status).toBe(204);
    expect((await a.del(`/api/v1/reminders/${first.id}`)).status).toBe(204);
    const ids = (await a.get('/api/v1/reminders')).body.reminders.map((r: { id: string }) => r.id);
    expect(ids).not.toContain(first.id);
    expect(ids).toContain(second.id);

    // Run at the first one's time (8月1日 09:30): nothing for A, B gets its notice.
    await deliverer(s).run(new Date(first.sendAt));
    expect((await a.get('/api/v1/notices')).body.notices).toEqual([]);
    expect((await b.get('/api/v1/notices')).body.notices).toHaveLength(1);
    const bFirst = (await s.database.db.prisma.reminder.findFirst({ where: { userId: b.userId, offsetDays: 30 } }))!;
    const late = await b.del(`/api/v1/reminders/${bFirst.id}`);
    expect([late.status, late.body.error.code]).toEqual([409, 'REMINDER_ALREADY_SENT']);
  });

  it('notices: newest first with the unread count; marking read is the owner’s alone', async () => {
    const a = await devOwner(s);
    const b = await devOwner(s);
    await deliverer(s).run(AUG24);
    const mine = (await a.get('/api/v1/notices')).body;
    expect(mine.unread).toBe(1);
    const id = mine.notices[0].id;
    expect((await b.get('/api/v1/notices')).body.notices.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await b.post(`/api/v1/notices/${id}/read`, {})).status).toBe(404);
    expect((await a.post(`/api/v1/notices/${id}/read`, {})).status).toBe(204);
    expect((await a.get('/api/v1/notices')).body).toMatchObject({ unread: 0, notices: [{ id, read: true }] });
    expect((await b.get('/api/v1/notices')).body.unread).toBe(1);
  });

  it('consents need a configured template', async () => {
    const a = await devOwner(s);
    const r = await a.post('/api/v1/reminders/consents', { templateIds: ['TPL_X'] });
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0]).toMatchObject({ path: 'templateIds', code: 'UNKNOWN_TEMPLATE', message: '不是本服务使用的订阅消息模板' });
  });

  it('needs a login for every reminder route', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/reminders'],
      ['DELETE', '/api/v1/reminders/00000000-0000-0000-0000-000000000000'],
      ['GET', '/api/v1/reminders/consents'],
      ['GET', '/api/v1/notices'],
      ['GET', '/api/v1/calendar.ics'],
    ] as const) {
      const r = await fetch(`${s.url}${path}`, { method });
      expect(r.status, path).toBe(401);
    }
  });

  it('kexiao remind --dry-run lists what would be delivered without writing; kexiao remind delivers it as notices', async () => {
    const p = s.database.db.prisma;
    await p.$transaction([p.notice.deleteMany(), p.reminder.deleteMany(), p.firm.deleteMany()]);
    const a = await devOwner(s, 'henan');
    const b = await devOwner(s, 'ningbo');
    const env = { DATABASE_URL: s.database.url, LOG_LEVEL: 'silent' };
    const before = await p.reminder.findMany({ orderBy: { id: 'asc' } });

    const dry = await runKexiao(['remind', '--dry-run', '--at', '2026-08-24T09:30+08:00'], { env });
    expect(dry.code).toBe(0);
    // Henan: the 7-day one for 8月31日 and the 30-day one for 9月18日 (due 8月19日); Ningbo: the 7-day one.
    expect(dry.stdout).toContain('2026-08-24T01:30:00.000Z 将发送 3 条提醒');
    expect(dry.stdout).toContain(`[站内] 评价系统关闭（企业自评提交截止） 2026年08月31日（提前7天） 用户 ${a.userId}`);
    const json = JSON.parse((await runKexiao(['remind', '--dry-run', '--json', '--at', '2026-08-24T09:30+08:00'], { env })).stdout);
    expect(json.items.map((i: { userId: string; kind: string; offsetDays: number; channel: string }) => [i.userId, i.kind, i.offsetDays, i.channel]).sort()).toEqual(
      [[a.userId, 'systemCloses', 7, 'notice'], [a.userId, 'reviewDeadline', 30, 'notice'], [b.userId, 'systemCloses', 7, 'notice']].sort(),
    );
    expect(await p.reminder.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect(await p.notice.count()).toBe(0);

    const run = await runKexiao(['remind', '--at', '2026-08-24T09:30+08:00'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('到期 3 条：微信 0，站内 3');
    expect(await p.notice.count()).toBe(3);
    const again = await runKexiao(['remind', '--dry-run', '--at', '2026-08-24T09:30+08:00'], { env });
    expect(again.stdout).toContain('将发送 0 条提醒');

    expect((await runKexiao(['remind', '--at', '2026-08-24 09:30'], { env })).code).toBe(2);
    expect((await runKexiao(['remind', '--now'], { env })).code).toBe(2);
  });

  it('the in-process runner of kexiao serve delivers due reminders on its own, and is off with KEXIAO_REMINDERS=off', async () => {
    s.setTime(AUG24.toISOString());
    const a = await devOwner(s);
    const runner = startServerReminders({ ...s.deps, config: { ...s.deps.config, reminders: { ...s.deps.config.reminders, runInServer: true, intervalSeconds: 1 } } });
    try {
      for (let i = 0; i < 100 && !(await a.get('/api/v1/notices')).body.notices?.length; i++) await sleep(100);
      expect((await a.get('/api/v1/notices')).body.notices).toHaveLength(1);
    } finally {
      await runner!.stop();
      s.setTime(JULY);
    }
    expect(startServerReminders({ ...s.deps, config: { ...s.deps.config, reminders: { ...s.deps.config.reminders, runInServer: false } } })).toBeNull();
  });
});

describe.each(PROVIDERS)('reminder API on %s with WeChat', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  let wx: Standin;
  beforeAll(async () => {
    wx = await startStandin();
    s = await startServer(provider, { standin: wx, at: JULY });
  });
  afterAll(async () => {
    await s?.stop();
    await wx?.close();
  });

  it('records accepted consents per template, counts the unspent ones, per user', async () => {
    const a = await wechatOwner(s, wx, 'o-api-a', { consents: 0 });
    const b = await wechatOwner(s, wx, 'o-api-b', { consents: 0 });
    expect((await a.get('/api/v1/reminders/consents')).body).toEqual({ templateIds: [TEMPLATE], available: { [TEMPLATE]: 0 }, total: 0 });
    expect((await a.post('/api/v1/reminders/consents', { templateIds: [TEMPLATE] })).body.total).toBe(1);
    expect((await a.post('/api/v1/reminders/consents', { templateIds: [TEMPLATE, TEMPLATE] })).body.available).toEqual({ [TEMPLATE]: 3 });
    expect((await a.post('/api/v1/reminders/consents', { templateIds: ['TPL_OTHER'] })).status).toBe(400);
    expect((await a.post('/api/v1/reminders/consents', { templateIds: [] })).status).toBe(400);
    expect((await b.get('/api/v1/reminders/consents')).body.total).toBe(0);
    expect((await a.get('/api/v1/reminders')).body.consents.total).toBe(3);
  });

  it('kexiao remind sends through WeChat for consenting owners (dry run says which channel)', async () => {
    const p = s.database.db.prisma;
    await p.$transaction([p.notice.deleteMany(), p.reminder.deleteMany(), p.firm.deleteMany(), p.subscribeConsent.deleteMany()]);
    const a = await wechatOwner(s, wx, 'o-api-c');
    const b = await wechatOwner(s, wx, 'o-api-d', { consents: 0 });
    const env = { DATABASE_URL: s.database.url, LOG_LEVEL: 'silent', ...wechatEnv(wx) };
    const dry = JSON.parse((await runKexiao(['remind', '--dry-run', '--json', '--at', AUG24.toISOString()], { env })).stdout);
    const channel = Object.fromEntries(dry.items.map((i: { userId: string; channel: string }) => [i.userId, i.channel]));
    expect(channel).toEqual({ [a.userId]: 'wechat', [b.userId]: 'notice' });
    const run = await runKexiao(['remind', '--json', '--at', AUG24.toISOString()], { env });
    expect(JSON.parse(run.stdout)).toMatchObject({ due: 2, sent: 1, notices: 1 });
    expect(wx.deliveries.map((d) => d.touser)).toEqual(['o-api-c']);
  });
});
