// Users and login sessions. The client holds a random opaque token; we keep only its SHA-256, so the table
// alone cannot be used to log in.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  user: { id: string; dev: boolean; privacyConsentAt: Date };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'P2002';

export function sessionRepository(prisma: Db) {
  return {
    /**
     * The user with this openid, created on first login. The privacy consent time is that of the first
     * login: the mini-program asks for consent before it logs in at all.
     */
    async userForOpenid(openid: string, dev: boolean, now: Date) {
      const find = () => prisma.user.findUnique({ where: { openid } });
      const existing = await find();
      if (existing) return existing;
      try {
        return await prisma.user.create({ data: { id: randomUUID(), openid, dev, privacyConsentAt: now, createdAt: now } });
      } catch (e) {
        // Two first logins at once: the other one created it.
        if (isUniqueViolation(e)) return (await find())!;
        throw e;
      }
    },

    async issue(user: { id: string; dev: boolean; privacyConsentAt: Date }, now: Date, ttlDays: number): Promise<IssuedSession> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
      await prisma.session.create({ data: { id: randomUUID(), tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt } });
      return { token, expiresAt, user: { id: user.id, dev: user.dev, privacyConsentAt: user.privacyConsentAt } };
    },

    /** The user a live token belongs to, or null. */
    async userIdFor(token: string, now: Date): Promise<string | null> {
      const s = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) } });
      return s && s.expiresAt > now ? s.userId : null;
    },

    async revoke(token: string): Promise<void> {
      await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
    },
  };
}
