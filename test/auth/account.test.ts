// The account plumbing the mini-program uses, over real HTTP on both databases: the firm profile, the
// unfinished check, deleting everything, and one user never seeing another's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { baseFirm } from '../domain/firm.ts';
import { randomUUID } from 'node:crypto';
import { deliverer } from '../reminders/support.ts';
import { Client, devUser, startServer } from './support.ts';

describe.each(PROVIDERS)('account API on %s', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  beforeAll(async () => {
    s = await startServer(provider, { at: '2026-07-01T10:00:00+08:00' });
  });
  afterAll(() => s?.stop());

  it('firm: 404 until saved, region required first, merged updates, submitted flag for the current year only', async () => {
    const u = await devUser(s.url, 'firm-owner');
    const none = await u.get('/api/v1/firm');
    expect([none.status, none.body.error.code]).toEqual([404, 'FIRM_NOT_FOUND']);
    expect((await u.put('/api/v1/firm', { name: '郑州某科技有限公司' })).body.error.code).toBe('REGION_REQUIRED');
    const unknown = await u.put('/api/v1/firm', { region: 'atlantis' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0]).toMatchObject({ path: 'region', code: 'UNKNOWN_REGION' });

    const saved = await u.put('/api/v1/firm', { region: 'henan', name: ' 郑州某科技有限公司 ' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: '郑州某科技有限公司', region: 'henan', regionName: '河南省', submitted: false, tiered: false });
    const marked = await u.put('/api/v1/firm', { submitted: true });
    expect(marked.body).toMatchObject({ region: 'henan', name: '郑州某科技有限公司', submitted: true, submittedYear: 2026 });
    expect((await u.get('/api/v1/firm')).body).toEqual(marked.body);

    s.setTime('2027-01-05T10:00:00+08:00');
    try {
      const nextYear = await devUser(s.url, 'firm-owner'); // the July session has expired by then
      expect((await nextYear.get('/api/v1/firm')).body).toMatchObject({ submitted: false, submittedYear: 2026 });
    } finally {
      s.setTime('2026-07-01T10:00:00+08:00');
    }
    expect((await u.put('/api/v1/firm', { submitted: false, tiered: true })).body).toMatchObject({ submitted: false, submittedYear: null, tiered: true });
  });

  it('checks/current: saves partial answers with field checks, paths under answers and Chinese messages; resumes them', async () => {
    const u = await devUser(s.url);
    expect((await u.get('/api/v1/checks/current')).body).toEqual({ answers: null, updatedAt: null });
    const partial = {
      evaluationYear: 2026,
      finance: { totalAssets: 1500, salesRevenue: '0' },
      rdProjects: [{ name: '智能检测算法' }],
      staff: { quarters: [{ startEmployees: 40 }] },
      ip: { invention: 1 },
    };
    const put = await u.put('/api/v1/checks/current', { answers: partial });
    expect(put.status).toBe(200);
    // Amounts come back as decimal strings; nothing is filled in that the owner did not give (no defaults).
    const expected = { ...partial, finance: { totalAssets: '1500', salesRevenue: '0' } };
    expect(put.body.answers).toEqual(expected);
    expect(put.body.updatedAt).toBe('2026-07-01T02:00:00.000Z');
    expect((await u.get('/api/v1/checks/current')).body).toEqual(put.body);

    const bad = await u.put('/api/v1/checks/current', {
      answers: { finance: { totalAssets: '15,00万' }, rdProjects: [{ form: 'bought' }], region: 'atlantis' },
    });
    expect(bad.status).toBe(400);
    const issues = bad.body.error.issues;
    expect(issues).toContainEqual(expect.objectContaining({ path: 'answers.finance.totalAssets', code: 'INVALID_AMOUNT' }));
    expect(issues.find((i: { path: string }) => i.path === 'answers.finance.totalAssets').message).toContain('资产总额');
    expect(issues).toContainEqual(expect.objectContaining({ path: 'answers.rdProjects[0].form', code: 'INVALID_VALUE' }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'answers.region', code: 'UNKNOWN_REGION' }));
    expect((await u.get('/api/v1/checks/current')).body.answers).toEqual(expected); // unchanged
    expect((await u.put('/api/v1/checks/current', { draft: {} })).status).toBe(400);
  });

  it('one user never sees or changes another user’s firm, check or assessment', async () => {
    const a = await devUser(s.url);
    const b = await devUser(s.url);
    await a.put('/api/v1/firm', { region: 'ningbo', name: '宁波甲公司' });
    await a.put('/api/v1/checks/current', { answers: { evaluationYear: 2026 } });
    const assessment = await a.post('/api/v1/assessments', baseFirm());
    expect(assessment.status).toBe(201);

    expect((await b.get('/api/v1/firm')).status).toBe(404);
    expect((await b.get('/api/v1/checks/current')).body.answers).toBeNull();
    expect((await b.get(`/api/v1/assessments/${assessment.body.id}`)).status).toBe(404);
    expect((await new Client(s.url).get(`/api/v1/assessments/${assessment.body.id}`)).status).toBe(404);
    await b.put('/api/v1/firm', { region: 'henan' });
    expect((await a.get('/api/v1/firm')).body).toMatchObject({ region: 'ningbo', name: '宁波甲公司' });
    expect((await a.get(`/api/v1/assessments/${assessment.body.id}`)).status).toBe(200);
  });

  it('DELETE /api/v1/me deletes the user’s firm, check, assessments, reminders, consents, notices and sessions — nobody else’s', async () => {
    const a = await devUser(s.url);
    const b = await devUser(s.url);
    for (const u of [a, b]) {
      await u.put('/api/v1/firm', { region: 'henan' });
      await u.put('/api/v1/checks/current', { answers: { evaluationYear: 2026 } });
      expect((await u.post('/api/v1/assessments', baseFirm())).status).toBe(201);
    }
    const p = s.database.db.prisma;
    // A delivered reminder (an in-app notice) and a recorded consent for each.
    await deliverer(s).run(new Date('2026-08-24T09:30:00+08:00'));
    for (const u of [a, b]) await p.subscribeConsent.create({ data: { id: randomUUID(), userId: u.userId, templateId: 'TPL' } });
    const counts = async (userId: string) => ({
      firm: await p.firm.count({ where: { userId } }),
      draft: await p.checkDraft.count({ where: { userId } }),
      assessments: await p.assessment.count({ where: { ownerId: userId } }),
      reminders: await p.reminder.count({ where: { userId } }),
      notices: await p.notice.count({ where: { userId } }),
      consents: await p.subscribeConsent.count({ where: { userId } }),
      sessions: await p.session.count({ where: { userId } }),
      users: await p.user.count({ where: { id: userId } }),
    });
    const before = await counts(a.userId);
    expect(before).toMatchObject({ firm: 1, draft: 1, assessments: 1, notices: 2, consents: 1, sessions: 1, users: 1 }); // henan: 8月31日 and 9月18日
    expect(before.reminders).toBeGreaterThan(0); // henan from July 2026: 8月31日 and 9月18日 still ahead
    const bBefore = await counts(b.userId);

    const del = await a.del('/api/v1/me');
    expect(del.status).toBe(200);
    expect(del.body.deleted).toEqual(expect.arrayContaining(['firm', 'drafts', 'assessments', 'reminders', 'consents', 'notices', 'sessions', 'account']));
    expect(await counts(a.userId)).toEqual({ firm: 0, draft: 0, assessments: 0, reminders: 0, notices: 0, consents: 0, sessions: 0, users: 0 });
    expect((await a.get('/api/v1/firm')).body.error.code).toBe('SESSION_EXPIRED');
    expect(await counts(b.userId)).toEqual(bBefore);
  });
});
