// Reminders at scale: two `kexiao serve` processes on one PostgreSQL, both running the reminder runner every
// second, through the WeChat stand-in that answers slowly (so their passes overlap). The claim → send → confirm
// on the database keeps every due reminder to exactly one message or notice.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEXIAO } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/server.ts';
import { startServer } from '../auth/support.ts';
import { startStandin, wechatEnv, type Standin } from '../wechat/standin.ts';
import { AUG24, devOwner, JULY, wechatOwner, type Owner } from '../reminders/support.ts';
import { until } from '../hardening/support.ts';
import { freePort } from './support.ts';

process.env.KEXIAO_TEST_PG_PREFIX ??= 'kx_queue_';

describe('two API instances, one PostgreSQL', () => {
  let s: TestServer;
  let wx: Standin;
  const subscribed: Owner[] = [];
  const unsubscribed: Owner[] = [];
  const children: { child: ChildProcess; out: () => string; exited: Promise<unknown> }[] = [];

  beforeAll(async () => {
    wx = await startStandin();
    s = await startServer('postgresql', { standin: wx, at: JULY });
    for (let i = 0; i < 12; i++) subscribed.push(await wechatOwner(s, wx, `o-two-${i}`));
    for (let i = 0; i < 4; i++) unsubscribed.push(await devOwner(s));
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await s?.stop();
    await wx?.close();
  });

  const serve = async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [KEXIAO, 'serve', '--port', String(port)], {
      env: {
        ...process.env,
        DATABASE_URL: s.database.url,
        KEXIAO_UPLOAD_DIR: s.deps.config.uploadDir,
        LOG_LEVEL: 'info',
        KEXIAO_REMINDERS: 'on',
        KEXIAO_REMINDERS_INTERVAL_S: '1',
        KEXIAO_REMINDERS_AT: AUG24.toISOString(),
        WECHAT_TIMEOUT_MS: '3000',
        ...wechatEnv(wx),
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    const c = { child, out: () => out, exited: new Promise((r) => child.once('exit', r)) };
    children.push(c);
    return c;
  };

  it('every due reminder is delivered exactly once while both run their passes', async () => {
    wx.sendDelayMs = 150; // passes of the two processes overlap
    const p = s.database.db.prisma;
    const [a, b] = await Promise.all([serve(), serve()]);
    await until(async () => (await p.reminder.count({ where: { offsetDays: 7, status: { in: ['sent', 'notice'] } } })) === 16, 90_000, 200);
    // A few more passes of each: nothing more goes out.
    await new Promise((r) => setTimeout(r, 3500));
    const due = await p.reminder.findMany({ where: { offsetDays: 7 } });
    expect(due).toHaveLength(16);
    const perReminder = new Map<string, number>();
    for (const m of wx.deliveries) perReminder.set(m.reminder!, (perReminder.get(m.reminder!) ?? 0) + 1);
    for (const u of subscribed) {
      const row = due.find((r) => r.userId === u.userId)!;
      expect(row.status, u.openid).toBe('sent');
      expect(perReminder.get(row.id), u.openid).toBe(1);
    }
    expect(wx.deliveries).toHaveLength(12);
    for (const u of unsubscribed) {
      expect(due.find((r) => r.userId === u.userId)!.status).toBe('notice');
      expect(await p.notice.count({ where: { userId: u.userId } })).toBe(1);
    }
    expect(await p.subscribeConsent.count({ where: { status: 'spent' } })).toBe(12);
    // Both processes were running passes; what each sent adds up to the twelve messages.
    const sentBy = [a, b].map((c) =>
      c.out().split('\n').filter((l) => l.includes('"reminders delivered"')).reduce((n, l) => n + Number((JSON.parse(l) as { sent?: number }).sent ?? 0), 0),
    );
    expect(sentBy[0]! + sentBy[1]!).toBe(12);
    console.log(`[two APIs] messages sent by each instance: ${sentBy.join(' + ')}`);
    for (const c of [a, b]) c.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
  }, 180_000);
});
