// The real `kexiao remind`, SIGKILLed while it is sending through the WeChat stand-in and restarted, on both
// databases: every due reminder reaches its owner, none is sent twice, and the record says which sends were
// cut off mid-flight.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../helpers/databases.ts';
import { KEXIAO } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/server.ts';
import { startServer } from '../auth/support.ts';
import { startStandin, wechatEnv, type Standin } from '../wechat/standin.ts';
import { AUG24, devOwner, JULY, wechatOwner, type Owner } from './support.ts';

const LEASE_S = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(PROVIDERS)('kexiao remind killed mid-run on %s', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  let wx: Standin;
  const subscribed: Owner[] = [];
  const unsubscribed: Owner[] = [];

  beforeAll(async () => {
    wx = await startStandin();
    s = await startServer(provider, { standin: wx, at: JULY });
    for (let i = 0; i < 10; i++) subscribed.push(await wechatOwner(s, wx, `o-kill-${provider}-${i}`));
    for (let i = 0; i < 3; i++) unsubscribed.push(await devOwner(s));
  });
  afterAll(async () => {
    await s?.stop();
    await wx?.close();
  });

  /** Runs `kexiao remind --at AUG24` as its own process; kills it with SIGKILL once `killAt` messages have arrived. */
  function remind(killAt?: number): Promise<{ code: number | null; signal: string | null; stdout: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [KEXIAO, 'remind', '--at', AUG24.toISOString(), '--json'], {
        env: {
          ...process.env,
          DATABASE_URL: s.database.url,
          LOG_LEVEL: 'silent',
          WECHAT_TIMEOUT_MS: '1500',
          KEXIAO_REMINDERS_LEASE_S: String(LEASE_S),
          ...wechatEnv(wx),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      // Killed the moment the stand-in accepts that message and before it answers: the process is waiting on
      // WeChat right then, however slow the machine.
      wx.onDelivery = killAt === undefined ? undefined : (n) => void (n >= killAt && child.kill('SIGKILL'));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        resolve({ code, signal, stdout });
      });
    });
  }

  it('delivers every due reminder once through a SIGKILL and restarts', async () => {
    // Long enough that a loaded machine's late timer still kills the process while it waits on WeChat.
    wx.sendDelayMs = 800;
    const p = s.database.db.prisma;

    const first = await remind(3);
    expect(first.signal).toBe('SIGKILL');
    const second = await remind(7);
    const secondKilledAt = Date.now();
    expect(second.signal).toBe('SIGKILL');
    expect(wx.deliveries.length).toBeLessThan(10);

    // Each kill left one claim behind: the message it was waiting on WeChat's answer for. Restarted right
    // away, a run leaves claims younger than the lease alone (the first kill's may already be older).
    const third = await remind();
    expect(third.code).toBe(0);
    const claimed = await p.reminder.count({ where: { status: 'claimed' } });
    if (Date.now() - secondKilledAt < LEASE_S * 1000) expect(claimed).toBeGreaterThanOrEqual(1); // unless the machine was slow
    // Every kill's claim is either still held or already resolved as uncertain, by this run or, when a process
    // took longer than the lease to start, by the run after that kill.
    expect((await p.reminder.count({ where: { status: 'uncertain' } })) + claimed).toBe(2);

    // After the lease they are resolved — as uncertain, with a notice, never by sending again.
    await sleep(LEASE_S * 1000 + 200);
    const fourth = await remind();
    expect(fourth.code).toBe(0);
    expect(JSON.parse(fourth.stdout)).toMatchObject({ recovered: claimed, sent: 0 });
    const fifth = await remind();
    expect(JSON.parse(fifth.stdout)).toMatchObject({ due: 0, sent: 0, notices: 0, recovered: 0 });

    const due = await p.reminder.findMany({ where: { offsetDays: 7 } });
    expect(due).toHaveLength(13);
    const perReminder = new Map<string, number>();
    for (const m of wx.deliveries) perReminder.set(m.reminder!, (perReminder.get(m.reminder!) ?? 0) + 1);

    // Every subscribed owner got the 7-day reminder on WeChat exactly once.
    for (const u of subscribed) {
      const row = due.find((r) => r.userId === u.userId)!;
      expect(perReminder.get(row.id), u.openid).toBe(1);
      expect(['sent', 'uncertain']).toContain(row.status);
    }
    expect(wx.deliveries).toHaveLength(10);
    expect(Math.max(...perReminder.values())).toBe(1);
    // The ones cut off mid-send are marked, and their owners also see an in-app notice.
    const uncertain = due.filter((r) => r.status === 'uncertain');
    expect(uncertain).toHaveLength(2);
    for (const r of uncertain) expect(await p.notice.count({ where: { reminderId: r.id } })).toBe(1);
    // Owners without WeChat got exactly one notice each.
    for (const u of unsubscribed) {
      expect(due.find((r) => r.userId === u.userId)!.status).toBe('notice');
      expect(await p.notice.count({ where: { userId: u.userId } })).toBe(1);
    }
    expect(await p.notice.count()).toBe(3 + uncertain.length);
    // Ten consents, ten messages: each consent spent once.
    expect(await p.subscribeConsent.count({ where: { status: 'spent' } })).toBe(10);
    expect(await p.reminder.count({ where: { status: { in: ['claimed', 'scheduled'] }, dueAt: { lte: AUG24 } } })).toBe(0);
  }, 300_000); // six process starts, which a loaded machine makes slow
});
