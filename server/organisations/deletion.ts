// DELETE /api/v1/me for organisation accounts: the user's memberships go; an organisation left with no member
// goes too, with its firms, batches and statements (no one could reach them any more). An organisation that
// keeps members keeps its data: it belongs to the organisation, not to the member who uploaded it.
import { batchesFor } from '../batch/service.ts';
import type { AppDeps } from '../deps.ts';
import { documentsOf } from '../http/routes/documents.ts';
import { localYear } from '../reminders/time.ts';

export async function deleteMemberships(userId: string, deps: AppDeps): Promise<void> {
  const p = deps.db.prisma;
  const mine = await p.organisationMember.findMany({ where: { userId } });
  await p.organisationMember.deleteMany({ where: { userId } });
  for (const m of mine) {
    const left = await p.organisationMember.findMany({ where: { organisationId: m.organisationId } });
    if (left.length === 0) await batchesFor(deps.db, documentsOf(deps), () => localYear(deps.clock.now())).removeOrganisation(m.organisationId);
    // The last admin leaving hands the organisation to its longest-standing member.
    else if (!left.some((x) => x.role === 'admin')) {
      const next = left.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]!;
      await p.organisationMember.updateMany({ where: { organisationId: m.organisationId, userId: next.userId }, data: { role: 'admin' } });
    }
  }
}
