// Organisations, their members and invitations, and the firms they own. Every read that leads to an
// organisation's data goes through `roleOf`: a user who is not a member gets nothing, as if it did not exist.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';

export type Role = 'admin' | 'member';

const hash = (code: string) => createHash('sha256').update(code).digest('hex');
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'P2002';

export interface FirmKey {
  key: string;
  creditCode: string | null;
  name: string | null;
}

/** A firm's identity within its organisation: its credit code, else its name; neither: none. */
export const firmKeyOf = ({ creditCode, name }: { creditCode: string | null; name: string | null }): FirmKey | null =>
  creditCode ? { key: creditCode, creditCode, name } : name ? { key: `name:${name}`, creditCode, name } : null;

export function organisationRepository(prisma: Db) {
  return {
    async create(name: string, userId: string, now: Date) {
      const id = randomUUID();
      await prisma.$transaction([
        prisma.organisation.create({ data: { id, name, createdAt: now } }),
        prisma.organisationMember.create({ data: { organisationId: id, userId, role: 'admin', createdAt: now } }),
      ]);
      return { id, name, role: 'admin' as Role, createdAt: now };
    },

    async forUser(userId: string) {
      const ms = await prisma.organisationMember.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
      const orgs = await prisma.organisation.findMany({ where: { id: { in: ms.map((m) => m.organisationId) } } });
      return ms.flatMap((m) => {
        const o = orgs.find((x) => x.id === m.organisationId);
        return o ? [{ id: o.id, name: o.name, role: m.role as Role, createdAt: o.createdAt }] : [];
      });
    },

    /** The user's role in the organisation, or null when they are not a member (or it does not exist). */
    async roleOf(organisationId: string, userId: string): Promise<Role | null> {
      const m = await prisma.organisationMember.findUnique({ where: { organisationId_userId: { organisationId, userId } } });
      return (m?.role as Role | undefined) ?? null;
    },

    find: (id: string) => prisma.organisation.findUnique({ where: { id } }),

    members: (organisationId: string) =>
      prisma.organisationMember.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' } }),

    /** A one-time code a new member joins with; only its hash is kept. */
    async invite(organisationId: string, createdById: string, now: Date, ttlDays: number) {
      const code = randomBytes(12).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
      await prisma.organisationInvite.create({ data: { id: randomUUID(), organisationId, codeHash: hash(code), createdById, expiresAt, createdAt: now } });
      return { code, expiresAt };
    },

    /** Joins with a live code (used up by joining); null when the code is unknown or expired. */
    async join(code: string, userId: string, now: Date) {
      const inv = await prisma.organisationInvite.findUnique({ where: { codeHash: hash(code) } });
      if (!inv || inv.expiresAt <= now) return null;
      // Deleting the invitation is the claim: of two joins with one code, one wins.
      const claimed = await prisma.organisationInvite.deleteMany({ where: { id: inv.id } });
      if (claimed.count === 0) return null;
      try {
        await prisma.organisationMember.create({ data: { organisationId: inv.organisationId, userId, role: 'member', createdAt: now } });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e; // already a member
      }
      return prisma.organisation.findUnique({ where: { id: inv.organisationId } });
    },

    removeMember: (organisationId: string, userId: string) =>
      prisma.organisationMember.deleteMany({ where: { organisationId, userId } }),

    /** The organisation's records; its batches (files, statements) are removed by the batch service first. */
    async remove(organisationId: string) {
      await prisma.$transaction([
        prisma.organisationFirm.deleteMany({ where: { organisationId } }),
        prisma.organisationInvite.deleteMany({ where: { organisationId } }),
        prisma.organisationMember.deleteMany({ where: { organisationId } }),
        prisma.organisation.deleteMany({ where: { id: organisationId } }),
      ]);
    },

    firms: (organisationId: string) =>
      prisma.organisationFirm.findMany({ where: { organisationId }, orderBy: [{ name: 'asc' }, { createdAt: 'asc' }] }),

    /** A firm of this organisation only: another organisation's firm id finds nothing. */
    firm: (organisationId: string, id: string) => prisma.organisationFirm.findFirst({ where: { id, organisationId } }),

    /** The organisation's firm ids for these keys, creating the ones it does not have yet. */
    async upsertFirms(organisationId: string, keys: FirmKey[], now: Date): Promise<Map<string, string>> {
      const wanted = [...new Map(keys.map((k) => [k.key, k])).values()];
      const ids = new Map<string, string>();
      const existing = await prisma.organisationFirm.findMany({ where: { organisationId, key: { in: wanted.map((k) => k.key) } } });
      for (const f of existing) ids.set(f.key, f.id);
      const fresh = wanted.filter((k) => !ids.has(k.key)).map((k) => ({ id: randomUUID(), organisationId, ...k, createdAt: now, updatedAt: now }));
      for (let i = 0; i < fresh.length; i += 500) {
        try {
          await prisma.organisationFirm.createMany({ data: fresh.slice(i, i + 500) });
          for (const f of fresh.slice(i, i + 500)) ids.set(f.key, f.id);
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          // Another batch of the same organisation created some of them meanwhile: one by one, then read back.
          const chunk = fresh.slice(i, i + 500);
          for (const f of chunk) await prisma.organisationFirm.create({ data: f }).catch((x) => (isUniqueViolation(x) ? null : Promise.reject(x)));
          const again = await prisma.organisationFirm.findMany({ where: { organisationId, key: { in: chunk.map((f) => f.key) } } });
          for (const f of again) ids.set(f.key, f.id);
        }
      }
      // Names change (a firm renamed, a typo fixed): the latest batch's name is shown.
      for (const k of existing.filter((f) => keys.some((x) => x.key === f.key && x.name && x.name !== f.name)))
        await prisma.organisationFirm.update({ where: { id: k.id }, data: { name: keys.find((x) => x.key === k.key)!.name, updatedAt: now } });
      return ids;
    },
  };
}

export type OrganisationRepository = ReturnType<typeof organisationRepository>;
