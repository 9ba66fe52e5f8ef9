// Setting up owners for the reminder tests: logged in through the API (WeChat stand-in or development
// login), firm saved, consents recorded on both sides (our server and the stand-in's WeChat).
import { pino } from 'pino';
import type { Config } from '../../server/config.ts';
import { createDeliverer } from '../../server/reminders/deliver.ts';
import type { TestServer } from '../helpers/server.ts';
import { randomUUID } from 'node:crypto';
import { sessionRepository } from '../../server/auth/sessions.ts';
import { Client, devUser, wechatUser } from '../auth/support.ts';
import { TEMPLATE, type Standin } from '../wechat/standin.ts';

export type Owner = Client & { userId: string; openid?: string };

/** A WeChat owner with a firm in `region` and `consents` accepted taps. */
export async function wechatOwner(s: TestServer, wx: Standin, openid: string, opts: { region?: string; consents?: number } = {}): Promise<Owner> {
  const u = await wechatUser(s.url, wx, openid);
  await saveFirm(u, opts.region ?? 'national');
  const n = opts.consents ?? 1;
  if (n > 0) {
    for (let i = 0; i < n; i++) {
      const r = await u.post('/api/v1/reminders/consents', { templateIds: [TEMPLATE] });
      if (r.status !== 200) throw new Error(`consent failed: ${r.text}`);
    }
    wx.grantConsent(openid, TEMPLATE, n);
  }
  return Object.assign(u, { openid });
}

/** An owner without WeChat: a development login, or (when WeChat is configured) a development account made before. */
export async function devOwner(s: TestServer, region = 'national'): Promise<Owner> {
  let u: Owner;
  if (s.deps.wechat) {
    const sessions = sessionRepository(s.database.db.prisma);
    const now = s.deps.clock.now();
    const session = await sessions.issue(await sessions.userForOpenid(`dev:${randomUUID()}`, true, now), now, 30);
    u = Object.assign(new Client(s.url, session.token), { userId: session.user.id });
  } else u = await devUser(s.url);
  await saveFirm(u, region);
  return u;
}

async function saveFirm(u: Client, region: string) {
  const r = await u.put('/api/v1/firm', { region });
  if (r.status !== 200) throw new Error(`firm failed: ${r.text}`);
}

/** The deliverer a server would run, on the test server's database and settings; `wall` fakes the wall clock. */
export function deliverer(s: TestServer, wall?: () => Date, config: Config = s.deps.config) {
  return createDeliverer({ prisma: s.database.db.prisma, config, wechat: s.deps.wechat, logger: pino({ level: 'silent' }), ...(wall ? { wall } : {}) });
}

export const JULY = '2026-07-01T10:00:00+08:00';
/** 7 days before 8月31日, 09:30 Beijing time: the 7-day reminder is due (the 30- and 14-day ones are older). */
export const AUG24 = new Date('2026-08-24T09:30:00+08:00');
