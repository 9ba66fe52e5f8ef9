// U+0000 and unpaired surrogates in every text field, over real HTTP on both databases: a coded 400 in Chinese,
// never a 500 from PostgreSQL. And group commit: a row the database refuses fails its own request only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { Client, devUser } from '../auth/support.ts';
import { baseFirm } from '../domain/firm.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const NUL = 'a\u0000b';
const LONE = 'a\ud800b';

describe.each(PROVIDERS)('text that cannot be stored, on %s', (provider) => {
  let s: TestServer;
  let u: Client & { userId: string };
  beforeAll(async () => {
    s = await startTestServer(provider);
    u = await devUser(s.url);
  });
  afterAll(() => s?.stop());

  const expectInvalidText = (r: { status: number; body: { error: { code: string; issues?: { path: string; code: string; message: string }[] } } }, path?: string) => {
    expect(r.status).toBe(400);
    const issue = r.body.error.issues?.find((i) => i.code === 'INVALID_TEXT');
    if (path) expect(issue).toMatchObject({ path, message: expect.stringMatching(/无法识别的字符/) });
    else expect(r.body.error.code).toBe('INVALID_TEXT');
  };

  const withProject = (name: string) => {
    const f = baseFirm();
    f.rdProjects = [{ ...f.rdProjects![0]!, name }];
    return f;
  };

  it.each([
    ['U+0000', NUL],
    ['an unpaired surrogate', LONE],
  ])('%s is refused in every text field', async (_, bad) => {
    expectInvalidText(await u.put('/api/v1/firm', { region: 'national', name: bad }), 'name');
    expectInvalidText(await u.put('/api/v1/checks/current', { answers: { rdProjects: [{ name: bad }] } }), 'answers.rdProjects[0].name');
    expectInvalidText(await u.post('/api/v1/assessments', withProject(bad)), 'rdProjects[0].name');
    expectInvalidText(await new Client(s.url).post('/api/v1/assessments', withProject(bad)), 'rdProjects[0].name');
    expectInvalidText(await u.post('/api/v1/prechecks', { documents: [bad] }), 'documents[0]');
    expectInvalidText(await u.post('/api/v1/prechecks', { rdProjects: [{ ...baseFirm().rdProjects![0]!, code: bad }] }), 'rdProjects[0].code');
    expectInvalidText(await u.post('/api/v1/auth/wechat', { code: bad, privacyConsent: true }), 'code');
    expect((await u.get('/api/v1/health')).status).toBe(200);
  });

  it('under a key no schema reads: refused too, not silently stripped', async () => {
    expectInvalidText(await u.post('/api/v1/prechecks', { x: NUL }), 'x');
    expectInvalidText(await u.post('/api/v1/prechecks', { finance: {}, note: [LONE] }), 'note[0]');
    expectInvalidText(await u.post('/api/v1/assessments', { ...baseFirm(), [NUL]: 1 }), 'a\uFFFDb');
    // An emoji is a surrogate pair, not a lone one: still stored.
    expect((await u.post('/api/v1/prechecks', { x: '研发😀' })).status).toBe(201);
  });

  it('route parameters: /notices/a%00b/read and friends are a 400, not a database error', async () => {
    for (const path of ['/api/v1/notices/a%00b/read', '/api/v1/documents/a%00b', '/api/v1/reminders/a%00b', '/api/v1/assessments/%00', '/api/v1/prechecks/x%00']) {
      const method = path.includes('/read') ? 'POST' : path.includes('reminders') ? 'DELETE' : 'GET';
      const r = await u.call(method, path);
      expect([r.status, r.body.error.code], path).toEqual([400, 'INVALID_TEXT']);
    }
  });

  it('20 valid and 1 bad assessment sent together: the 20 are stored, the bad one alone is refused', async () => {
    const bodies = Array.from({ length: 21 }, (_, i) => (i === 13 ? withProject(NUL) : baseFirm()));
    const replies = await Promise.all(bodies.map((b) => u.post('/api/v1/assessments', b)));
    expect(replies.map((r) => r.status)).toEqual(bodies.map((_, i) => (i === 13 ? 400 : 201)));
    expect(await s.database.db.prisma.assessment.count({ where: { id: { in: replies.flatMap((r) => (r.body.id ? [r.body.id] : [])) } } })).toBe(20);
  });

  it('group commit: a row the database itself refuses (past the schema) fails alone; the 20 beside it are stored', async () => {
    // What a future field that forgot text() would send: the same 21 writes land in one batch.
    const input = AssessmentInputSchema.parse(baseFirm());
    const result = assess(input);
    const poisoned = { ...input, rdProjects: [{ ...input.rdProjects[0]!, name: provider === 'postgresql' ? NUL : 'x' }] };
    const badOwner = randomUUID(); // a user who does not exist: refused by both databases
    const settled = await Promise.allSettled(
      Array.from({ length: 21 }, (_, i) =>
        i === 7 ? s.deps.assessments.create(poisoned, result, provider === 'postgresql' ? null : badOwner) : s.deps.assessments.create(input, result, u.userId),
      ),
    );
    expect(settled.map((x) => x.status)).toEqual(settled.map((_, i) => (i === 7 ? 'rejected' : 'fulfilled')));
    const ids = settled.flatMap((x) => (x.status === 'fulfilled' ? [x.value.id] : []));
    expect(await s.database.db.prisma.assessment.count({ where: { id: { in: ids } } })).toBe(20);
  });
});
