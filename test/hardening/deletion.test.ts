// DELETE /api/v1/me while requests of the same user are still in flight, over real sockets on both databases:
// an upload (and a firm update, an assessment) that started before the deletion and ends after it is refused
// with ACCOUNT_DELETED, and nothing of the user remains — no row, no file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devUser } from '../auth/support.ts';
import { baseFirm } from '../domain/firm.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { filesIn, multipart, pdfBytes, rawRequest, requestHead } from './support.ts';

describe.each(PROVIDERS)('deleting an account while its requests are in flight on %s', (provider) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(provider);
  });
  afterAll(() => s?.stop());

  /** Sends the head and the first part of the body, deletes the account, then sends the rest. */
  const racing = (token: string, method: string, path: string, type: string, body: Buffer, del: () => Promise<unknown>) =>
    rawRequest(s.url, requestHead(method, path, { authorization: `Bearer ${token}`, 'content-type': type, 'content-length': body.length }), [
      body.subarray(0, Math.floor(body.length / 2)),
      body.subarray(Math.floor(body.length / 2)),
    ], { pauseMs: 150, beforeEach: async (i) => void (i === 1 && (await del())) });

  it('an upload that began before the deletion is refused when it ends, and leaves no file or row', async () => {
    const u = await devUser(s.url);
    // Something of theirs is already stored, so the deletion has work to do too.
    const form = new FormData();
    form.append('file', new Blob([pdfBytes()]), 'a.pdf');
    expect((await fetch(`${s.url}/api/v1/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${u.token}` } })).status).toBe(202);

    let deleted: { status: number } | undefined;
    const res = await racing(u.token!, 'POST', '/api/v1/documents', 'multipart/form-data; boundary=XB', multipart('XB', pdfBytes(256 * 1024)), async () => {
      deleted = await u.del('/api/v1/me');
    });
    expect(deleted?.status).toBe(200);
    expect(res?.status).toBe(401);
    expect(res?.body.error).toMatchObject({ code: 'ACCOUNT_DELETED', message: expect.stringMatching(/已删除/) });
    const p = s.database.db.prisma;
    expect(await p.document.count({ where: { ownerId: u.userId } })).toBe(0);
    expect(await p.user.count({ where: { id: u.userId } })).toBe(0);
    expect(filesIn(s.deps.config.uploadDir)).toEqual([]);
    // And the token is dead for anything new.
    expect((await u.get('/api/v1/firm')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('a firm update and an assessment in flight are refused the same way; nothing is created for the deleted user', async () => {
    const u = await devUser(s.url);
    const firm = await racing(u.token!, 'PUT', '/api/v1/firm', 'application/json', Buffer.from(JSON.stringify({ region: 'henan', name: '郑州某科技有限公司' })), () => u.del('/api/v1/me'));
    expect([firm?.status, firm?.body.error.code]).toEqual([401, 'ACCOUNT_DELETED']);
    const v = await devUser(s.url);
    const scored = await racing(v.token!, 'POST', '/api/v1/assessments', 'application/json', Buffer.from(JSON.stringify(baseFirm())), () => v.del('/api/v1/me'));
    expect([scored?.status, scored?.body.error.code]).toEqual([401, 'ACCOUNT_DELETED']);
    const p = s.database.db.prisma;
    for (const userId of [u.userId, v.userId]) {
      expect(await p.firm.count({ where: { userId } })).toBe(0);
      expect(await p.reminder.count({ where: { userId } })).toBe(0);
      expect(await p.assessment.count({ where: { ownerId: userId } })).toBe(0);
    }
  });

  it('the user row cannot be deleted while rows of theirs remain (the deletion retries instead)', async () => {
    const u = await devUser(s.url);
    await u.put('/api/v1/firm', { region: 'national' });
    await expect(s.database.db.prisma.user.deleteMany({ where: { id: u.userId } })).rejects.toThrow();
    expect((await u.del('/api/v1/me')).status).toBe(200);
    expect(await s.database.db.prisma.user.count({ where: { id: u.userId } })).toBe(0);
  });
});
