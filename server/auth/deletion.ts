// DELETE /api/v1/me: everything we hold about a user goes. Modules that keep their own user data (documents,
// pre-checks) add a hook here; hooks run first, so a failing hook leaves the account in place to retry.
// Requests of the user that are still in flight cannot leave anything behind: the sessions go first (nothing new
// gets in), every user-owned row must name an existing user (server/db/owner.ts), and the user row cannot be
// deleted while a row of theirs remains — when one arrived meanwhile, the deletion runs again.
import type { AppDeps } from '../http/app.ts';
import { isOwnerMissing } from '../db/owner.ts';
import { documentsOf } from '../http/routes/documents.ts';

export interface UserDataHook {
  /** What it deletes, for the response and the log. */
  name: string;
  deleteFor(userId: string, deps: AppDeps): Promise<void>;
}

/** Add a module's deletion here (e.g. server/extract's uploaded documents). */
export const USER_DATA_HOOKS: UserDataHook[] = [
  { name: 'prechecks', deleteFor: (userId, deps) => deps.db.prisma.precheck.deleteMany({ where: { ownerId: userId } }).then(() => undefined) },
  { name: 'documents', deleteFor: (userId, deps) => documentsOf(deps).removeByOwner(userId) },
];

/** Rounds of deletion when rows keep arriving from requests that were in flight (each round removes them). */
const ROUNDS = 5;

export async function deleteUserData(userId: string, deps: AppDeps, hooks: UserDataHook[] = USER_DATA_HOOKS): Promise<string[]> {
  const p = deps.db.prisma;
  await p.session.deleteMany({ where: { userId } });
  for (let round = 1; ; round++) {
    try {
      await deleteOnce(userId, deps, hooks);
      break;
    } catch (e) {
      if (!isOwnerMissing(e) || round === ROUNDS) throw e;
    }
  }
  return [...hooks.map((h) => h.name), 'notices', 'consents', 'reminders', 'drafts', 'firm', 'assessments', 'sessions', 'account'];
}

async function deleteOnce(userId: string, deps: AppDeps, hooks: UserDataHook[]): Promise<void> {
  for (const hook of hooks) await hook.deleteFor(userId, deps);
  const p = deps.db.prisma;
  const where = { userId };
  await p.$transaction([
    p.notice.deleteMany({ where }),
    p.subscribeConsent.deleteMany({ where }),
    p.reminder.deleteMany({ where }),
    p.checkDraft.deleteMany({ where }),
    p.firm.deleteMany({ where }),
    p.assessment.deleteMany({ where: { ownerId: userId } }),
    p.session.deleteMany({ where }),
    p.user.deleteMany({ where: { id: userId } }),
  ]);
}
