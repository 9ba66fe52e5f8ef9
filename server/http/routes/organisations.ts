// Organisation accounts. POST /api/v1/organisations creates one (its creator is its admin); GET lists mine.
// An admin makes invitation codes; POST /api/v1/organisations/join joins with one. Members see the
// organisation's firms and their results; a user who is not a member is answered 404, as if it did not exist.
import { z } from 'zod';
import { requireUser } from '../../auth/middleware.ts';
import { validate } from '../../domain/validate.ts';
import { batchesFor } from '../../batch/service.ts';
import { FirmResultSchema } from '../../batch/schemas.ts';
import { organisationRepository, type Role } from '../../organisations/repository.ts';
import { localYear } from '../../reminders/time.ts';
import { documentsOf } from './documents.ts';
import { readJson } from '../body.ts';
import { HttpError, invalidInput, notFound } from '../errors.ts';
import type { AppDeps } from '../../deps.ts';
import type { AppRouter } from '../router.ts';

export const OrganisationSchema = z
  .object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'member']), createdAt: z.string() })
  .meta({ id: 'Organisation', description: '机构账户（评价机构、园区、咨询机构）及我的角色' });

const CreateOrganisationSchema = z
  .object({ name: z.string().trim().min(1).max(100) })
  .meta({ id: 'CreateOrganisation', description: '机构名称' });
const JoinSchema = z.object({ code: z.string().trim().min(8).max(64) }).meta({ id: 'JoinOrganisation', description: '邀请码' });
const InviteSchema = z.object({ code: z.string(), expiresAt: z.string() }).meta({ id: 'OrganisationInvite', description: '邀请码（只显示一次）' });
const MembersSchema = OrganisationSchema.extend({
  members: z.array(z.object({ userId: z.string(), role: z.enum(['admin', 'member']), since: z.string() })),
}).meta({ id: 'OrganisationDetail', description: '机构及成员' });
const FirmSchema = z
  .object({ id: z.string(), name: z.string().nullable(), creditCode: z.string().nullable(), updatedAt: z.string() })
  .meta({ id: 'OrganisationFirm', description: '机构名下的企业' });
const FirmHistorySchema = FirmSchema.extend({
  results: z.array(z.object({ batchId: z.string(), createdAt: z.string(), result: FirmResultSchema })),
}).meta({ id: 'OrganisationFirmDetail', description: '企业及其各批次结果' });

export const openapi = {
  '/api/v1/organisations': {
    get: { summary: '我所在的机构', response: z.array(OrganisationSchema) },
    post: { summary: '创建机构（创建者为管理员）', request: CreateOrganisationSchema, response: OrganisationSchema, status: 201 },
  },
  '/api/v1/organisations/join': { post: { summary: '用邀请码加入机构', request: JoinSchema, response: OrganisationSchema } },
  '/api/v1/organisations/{id}': {
    get: { summary: '机构及成员（仅成员可见）', response: MembersSchema },
    delete: { summary: '删除机构及其全部企业、批次和报表（管理员）', status: 204 },
  },
  '/api/v1/organisations/{id}/invites': { post: { summary: '生成邀请码（管理员，7天内有效，用一次）', response: InviteSchema, status: 201 } },
  '/api/v1/organisations/{id}/members/{userId}': { delete: { summary: '移除成员（管理员），或退出机构（本人）', status: 204 } },
  '/api/v1/organisations/{id}/firms': { get: { summary: '机构名下的企业', response: z.array(FirmSchema) } },
  '/api/v1/organisations/{id}/firms/{firmId}': { get: { summary: '企业及其各批次结果', response: FirmHistorySchema } },
};

const INVITE_TTL_DAYS = 7;
const LABELS: Record<string, string> = { name: '机构名称', code: '邀请码' };

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const v = validate(schema, body);
  if (v.ok) return v.value;
  throw invalidInput(v.issues.map((i) => (LABELS[i.path] ? { ...i, message: i.message.replaceAll(i.path, LABELS[i.path]!) } : i)));
}

/** The caller's role in the organisation; 404 for anyone else, 403 when the role is not enough. */
export async function requireMember(deps: AppDeps, userId: string, organisationId: string | undefined, need: Role = 'member'): Promise<Role> {
  const role = organisationId && z.string().uuid().safeParse(organisationId).success
    ? await organisationRepository(deps.db.prisma).roleOf(organisationId, userId)
    : null;
  if (!role) throw notFound('机构');
  if (need === 'admin' && role !== 'admin') throw new HttpError(403, 'ADMIN_REQUIRED', '只有机构管理员可以这样做');
  return role;
}

const firmView = (f: { id: string; name: string | null; creditCode: string | null; updatedAt: Date }) => ({
  id: f.id, name: f.name, creditCode: f.creditCode, updatedAt: f.updatedAt.toISOString(),
});

export function register(router: AppRouter, deps: AppDeps): void {
  const orgs = organisationRepository(deps.db.prisma);
  const batches = () => batchesFor(deps.db, documentsOf(deps), () => localYear(deps.clock.now()), (err) => deps.logger.error({ err }, 'batch failed'));

  router.get('/api/v1/organisations', async (ctx) => {
    ctx.body = (await orgs.forUser(requireUser(ctx))).map((o) => ({ ...o, createdAt: o.createdAt.toISOString() }));
  });

  router.post('/api/v1/organisations', async (ctx) => {
    const userId = requireUser(ctx);
    const { name } = parseBody(CreateOrganisationSchema, await readJson(ctx, deps.config.jsonLimit));
    const o = await orgs.create(name, userId, deps.clock.now());
    ctx.status = 201;
    ctx.body = { ...o, createdAt: o.createdAt.toISOString() };
  });

  router.post('/api/v1/organisations/join', async (ctx) => {
    const userId = requireUser(ctx);
    const { code } = parseBody(JoinSchema, await readJson(ctx, deps.config.jsonLimit));
    const o = await orgs.join(code, userId, deps.clock.now());
    if (!o) throw new HttpError(404, 'INVITE_INVALID', '邀请码无效、已使用或已过期，请向机构管理员重新索取');
    const role = (await orgs.roleOf(o.id, userId))!;
    ctx.body = { id: o.id, name: o.name, role, createdAt: o.createdAt.toISOString() };
  });

  router.get('/api/v1/organisations/:id', async (ctx) => {
    const role = await requireMember(deps, requireUser(ctx), ctx.params.id);
    const o = (await orgs.find(ctx.params.id!))!;
    const members = await orgs.members(o.id);
    ctx.body = {
      id: o.id, name: o.name, role, createdAt: o.createdAt.toISOString(),
      members: members.map((m) => ({ userId: m.userId, role: m.role, since: m.createdAt.toISOString() })),
    };
  });

  router.delete('/api/v1/organisations/:id', async (ctx) => {
    await requireMember(deps, requireUser(ctx), ctx.params.id, 'admin');
    await batches().removeOrganisation(ctx.params.id!);
    ctx.status = 204;
  });

  router.post('/api/v1/organisations/:id/invites', async (ctx) => {
    const userId = requireUser(ctx);
    await requireMember(deps, userId, ctx.params.id, 'admin');
    const inv = await orgs.invite(ctx.params.id!, userId, deps.clock.now(), INVITE_TTL_DAYS);
    ctx.status = 201;
    ctx.body = { code: inv.code, expiresAt: inv.expiresAt.toISOString() };
  });

  router.delete('/api/v1/organisations/:id/members/:userId', async (ctx) => {
    const userId = requireUser(ctx);
    const self = ctx.params.userId === userId;
    await requireMember(deps, userId, ctx.params.id, self ? 'member' : 'admin');
    const members = await orgs.members(ctx.params.id!);
    const leaving = members.find((m) => m.userId === ctx.params.userId);
    if (!leaving) throw notFound('成员');
    // An organisation always keeps an admin: the last one cannot leave (delete the organisation instead).
    if (leaving.role === 'admin' && members.filter((m) => m.role === 'admin').length === 1)
      throw new HttpError(409, 'LAST_ADMIN', '机构至少需要一名管理员；如不再使用，请删除机构');
    await orgs.removeMember(ctx.params.id!, ctx.params.userId!);
    ctx.status = 204;
  });

  router.get('/api/v1/organisations/:id/firms', async (ctx) => {
    await requireMember(deps, requireUser(ctx), ctx.params.id);
    ctx.body = (await orgs.firms(ctx.params.id!)).map(firmView);
  });

  router.get('/api/v1/organisations/:id/firms/:firmId', async (ctx) => {
    await requireMember(deps, requireUser(ctx), ctx.params.id);
    const f = z.string().uuid().safeParse(ctx.params.firmId).success ? await orgs.firm(ctx.params.id!, ctx.params.firmId!) : null;
    if (!f) throw notFound('企业');
    ctx.body = { ...firmView(f), results: await batches().historyOf(f.id) };
  });
}
