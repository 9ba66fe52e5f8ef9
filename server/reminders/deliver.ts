// Sends due reminders, each exactly once (docs/reminders.md, "Exactly once").
//
// A row is delivered through one of two channels:
// - In-app notice: the notice row is written in the same transaction that moves the reminder out of
//   `scheduled`, so it exists once or not at all, whatever crashes.
// - WeChat: claim → send → confirm. The claim (status `claimed`, a fresh claimToken, one consent reserved) is a
//   conditional update in a transaction, so only one process ever holds it. Only then does the message go out;
//   the confirmation moves it to `sent` and the consent to `spent`. WeChat has no idempotency key, so a claim
//   whose outcome is unknown — no answer to the send, or a process that died holding it (claim older than
//   the lease) — is never sent again: it becomes `uncertain` and the owner gets an in-app notice instead.
//   At most once on WeChat, never lost, and the record says which rows might not have arrived.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Reminder } from '../db/generated/sqlite/client.ts';
import type { WechatClient } from '../wechat/client.ts';
import { WechatError } from '../wechat/errors.ts';
import { reminderMessage, templateData } from './message.ts';
import { syncAll } from './sync.ts';

export interface RunContext {
  prisma: Db;
  config: Config;
  wechat: WechatClient | null;
  logger: Logger;
  /** Wall-clock time for claims, leases and back-off; the business time `at` of a run may be simulated. */
  wall?: () => Date;
}

export interface RunSummary {
  /** Due rows looked at. */
  due: number;
  sent: number;
  notices: number;
  uncertain: number;
  /** Older offsets of a deadline superseded by a later one due at the same time. */
  skipped: number;
  /** Left for later (rate limit, transient error). */
  deferred: number;
  /** Claims of dead processes resolved as uncertain. */
  recovered: number;
}

type Outcome = 'sent' | 'notice' | 'uncertain' | 'deferred' | 'lost';

const BATCH = 100;
/** Statuses of a reminder that reached (or may have reached) the owner. */
const DELIVERED = ['claimed', 'sent', 'notice', 'uncertain'];
/** Back-off after WeChat's per-minute (45011) and daily (45009) quota errors. */
const RATE_LIMIT_PAUSE_MS: Record<number, number> = { 45011: 60_000, 45009: 3_600_000 };
const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** Due rows that are to be sent now: per user and deadline, only the latest offset (the others are stale news). */
export function supersede<T extends { userId: string; kind: string; deadline: string; offsetDays: number }>(rows: T[]) {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.userId}|${r.kind}|${r.deadline}`;
    const b = best.get(k);
    if (!b || r.offsetDays < b.offsetDays) best.set(k, r);
  }
  const keep = new Set(best.values());
  return { keep: rows.filter((r) => keep.has(r)), skip: rows.filter((r) => !keep.has(r)) };
}

export function createDeliverer(ctx: RunContext) {
  const { prisma, config, logger } = ctx;
  const wall = ctx.wall ?? (() => new Date());
  const templateId = config.wechat.deadlineTemplateId;
  // A live sender must never look dead: its lease has to outlast a send (token fetch + two attempts).
  if (ctx.wechat && config.reminders.leaseSeconds * 1000 < 3 * config.wechat.timeoutMs)
    throw new Error('KEXIAO_REMINDERS_LEASE_S 必须大于 WECHAT_TIMEOUT_MS 的三倍');
  /** No WeChat sends before this (after a quota error); notices still go out. */
  let pausedUntil = 0;

  type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
  /** The state a row must still be in for a move to apply: unclaimed, or claimed by this very claim. */
  type From = { status: 'scheduled' } | { status: 'claimed'; claimToken: string };

  /** Inside a transaction: moves the row out of `expect` and writes its notice; false if the row had moved on. */
  async function writeNotice(
    tx: Tx,
    row: Reminder,
    at: Date,
    status: 'notice' | 'uncertain',
    expect: From,
    lastError: string | null,
  ): Promise<boolean> {
    const msg = reminderMessage(row, at);
    const now = wall();
    const moved = await tx.reminder.updateMany({
      where: { id: row.id, ...expect },
      data: { status, channel: status === 'uncertain' ? 'wechat' : 'notice', deliveredAt: now, lastError, claimToken: null, updatedAt: now },
    });
    if (!moved.count) return false;
    const body = status === 'uncertain' ? `${msg.body}（微信提醒可能未送达，特此在小程序内提醒。）` : msg.body;
    await tx.notice.create({ data: { id: randomUUID(), userId: row.userId, reminderId: row.id, title: msg.title, body, deadline: row.deadline, createdAt: now } });
    return true;
  }

  /** A notice instead of (or after) WeChat, settling the reserved consent in the same transaction. */
  const toNotice = (
    row: Reminder,
    at: Date,
    status: 'notice' | 'uncertain',
    expect: From,
    lastError: string | null,
    consent: 'spent' | 'available' | 'void' | null,
  ): Promise<boolean> =>
    prisma.$transaction(async (tx) => {
      if (!(await writeNotice(tx, row, at, status, expect, lastError))) return false;
      if (consent) await settleConsent(tx, row, consent, wall());
      return true;
    });

  /** The consent reserved for this reminder: spent (used), back to available (not used) or void (refused). */
  async function settleConsent(tx: Tx | Db, row: Reminder, to: 'spent' | 'available' | 'void', now: Date) {
    await tx.subscribeConsent.updateMany({
      where: { reminderId: row.id, status: 'reserved' },
      data: to === 'available' ? { status: 'available', reminderId: null } : { status: to, spentAt: now },
    });
  }

  /** Takes the row for WeChat and reserves one of the user's consents; without one, it becomes a notice. */
  async function claim(row: Reminder, at: Date, token: string): Promise<'claimed' | 'notice' | 'lost'> {
    const now = wall();
    return prisma.$transaction(async (tx) => {
      // The conditional update comes first: on SQLite it takes the write lock, on PostgreSQL the row lock.
      const taken = await tx.reminder.updateMany({
        where: { id: row.id, status: 'scheduled' },
        data: { status: 'claimed', channel: 'wechat', claimToken: token, claimedAt: now, attempts: { increment: 1 }, updatedAt: now },
      });
      if (!taken.count) return 'lost';
      for (;;) {
        const consent = await tx.subscribeConsent.findFirst({
          where: { userId: row.userId, templateId: templateId!, status: 'available' },
          orderBy: { createdAt: 'asc' },
        });
        if (!consent) return (await writeNotice(tx, row, at, 'notice', { status: 'claimed', claimToken: token }, 'NO_CONSENT')) ? 'notice' : 'lost';
        const reserved = await tx.subscribeConsent.updateMany({
          where: { id: consent.id, status: 'available' },
          data: { status: 'reserved', reminderId: row.id },
        });
        if (reserved.count) return 'claimed';
      }
    });
  }

  /** Gives a claim back for a later try; nothing was sent. */
  async function release(row: Reminder, token: string, notBefore: Date, lastError: string) {
    await prisma.$transaction(async (tx) => {
      const back = await tx.reminder.updateMany({
        where: { id: row.id, status: 'claimed', claimToken: token },
        data: { status: 'scheduled', claimToken: null, claimedAt: null, notBefore, lastError, updatedAt: wall() },
      });
      if (back.count) await settleConsent(tx, row, 'available', wall());
    });
  }

  async function viaWechat(row: Reminder, at: Date, openid: string): Promise<Outcome> {
    const token = randomUUID();
    const claimed = await claim(row, at, token);
    if (claimed !== 'claimed') return claimed;
    const msg = reminderMessage(row, at);
    try {
      await ctx.wechat!.sendSubscribeMessage({
        touser: openid,
        templateId: templateId!,
        page: `${config.wechat.page}?reminder=${row.id}`,
        data: templateData(config.wechat.deadlineTemplateFields, msg.values),
      });
    } catch (e) {
      if (!(e instanceof WechatError)) throw e;
      return failed(row, at, token, e);
    }
    const now = wall();
    const confirmed = await prisma.$transaction(async (tx) => {
      const done = await tx.reminder.updateMany({
        where: { id: row.id, status: 'claimed', claimToken: token },
        data: { status: 'sent', deliveredAt: now, claimToken: null, lastError: null, updatedAt: now },
      });
      if (done.count) await settleConsent(tx, row, 'spent', now);
      return done.count > 0;
    });
    // Only if this process outlived its lease and another resolved the claim as uncertain.
    if (!confirmed) logger.warn({ reminder: row.id }, 'reminder sent after its claim was recovered');
    return 'sent';
  }

  async function failed(row: Reminder, at: Date, token: string, e: WechatError): Promise<Outcome> {
    const claimed = { status: 'claimed' as const, claimToken: token };
    logger[e.kind === 'config' ? 'error' : 'warn']({ reminder: row.id, code: e.code }, 'wechat send failed');
    switch (e.kind) {
      case 'ambiguous':
        return (await toNotice(row, at, 'uncertain', claimed, e.code, 'spent')) ? 'uncertain' : 'lost';
      case 'refused':
        // 43101: the user turned these messages off; their other consents for the template are void too.
        await prisma.subscribeConsent.updateMany({
          where: { userId: row.userId, templateId: templateId!, status: 'available' },
          data: { status: 'void', spentAt: wall() },
        });
        return (await toNotice(row, at, 'notice', claimed, e.code, 'void')) ? 'notice' : 'lost';
      case 'rate_limited': {
        pausedUntil = wall().getTime() + (RATE_LIMIT_PAUSE_MS[e.errcode!] ?? 60_000);
        await release(row, token, new Date(pausedUntil), e.code);
        return 'deferred';
      }
      case 'retry':
      case 'config': {
        if (row.attempts + 1 < config.reminders.maxAttempts) {
          await release(row, token, new Date(wall().getTime() + retryDelayMs(row.attempts + 1)), e.code);
          return 'deferred';
        }
        return (await toNotice(row, at, 'notice', claimed, e.code, 'available')) ? 'notice' : 'lost';
      }
      default:
        // The request is wrong (openid, template, data): WeChat sent nothing and never will; the app shows it.
        return (await toNotice(row, at, 'notice', claimed, e.code, 'available')) ? 'notice' : 'lost';
    }
  }

  /** Claims whose process died: resolved as uncertain (maybe sent), never resent. */
  async function recoverStale(at: Date): Promise<number> {
    const stale = await prisma.reminder.findMany({
      where: { status: 'claimed', claimedAt: { lt: new Date(wall().getTime() - config.reminders.leaseSeconds * 1000) } },
    });
    let n = 0;
    for (const row of stale)
      if (await toNotice(row, at, 'uncertain', { status: 'claimed', claimToken: row.claimToken! }, 'CLAIM_EXPIRED', 'spent')) n++;
    if (n) logger.warn({ count: n }, 'claims of a stopped sender resolved as uncertain');
    return n;
  }

  async function deliver(row: Reminder, at: Date): Promise<Outcome | 'paused'> {
    const user = await prisma.user.findUnique({ where: { id: row.userId } });
    const wechatUser = ctx.wechat && templateId && user && !user.dev;
    if (!wechatUser) return (await toNotice(row, at, 'notice', { status: 'scheduled' }, null, null)) ? 'notice' : 'lost';
    if (wall().getTime() < pausedUntil) return 'paused';
    return viaWechat(row, at, user.openid);
  }

  return {
    /** One pass: plan, recover dead claims, deliver everything due at `at`. */
    async run(at: Date): Promise<RunSummary> {
      const summary: RunSummary = { due: 0, sent: 0, notices: 0, uncertain: 0, skipped: 0, deferred: 0, recovered: 0 };
      await syncAll(prisma, at);
      summary.recovered = await recoverStale(at);
      const passed = new Set<string>(); // paused this run: looked at again next run
      for (;;) {
        const due = await prisma.reminder.findMany({
          where: {
            status: 'scheduled',
            dueAt: { lte: at },
            OR: [{ notBefore: null }, { notBefore: { lte: wall() } }],
            ...(passed.size ? { id: { notIn: [...passed] } } : {}),
          },
          orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
          take: BATCH,
        });
        if (!due.length) break;
        const { keep: latest, skip } = supersede(due);
        const keep: Reminder[] = [];
        // A later offset of the same deadline already went out (this one was held back): old news too.
        for (const row of latest) {
          const newer = await prisma.reminder.count({
            where: { userId: row.userId, kind: row.kind, deadline: row.deadline, offsetDays: { lt: row.offsetDays }, status: { in: DELIVERED } },
          });
          (newer ? skip : keep).push(row);
        }
        if (skip.length) {
          const r = await prisma.reminder.updateMany({
            where: { id: { in: skip.map((s) => s.id) }, status: 'scheduled' },
            data: { status: 'skipped', updatedAt: wall() },
          });
          summary.skipped += r.count;
        }
        for (const row of keep) {
          const outcome = await deliver(row, at);
          if (outcome === 'paused') {
            passed.add(row.id);
            continue;
          }
          summary.due++;
          if (outcome === 'notice') summary.notices++;
          else if (outcome !== 'lost') summary[outcome]++;
        }
      }
      summary.deferred += passed.size;
      return summary;
    },
  };
}

export type Deliverer = ReturnType<typeof createDeliverer>;
