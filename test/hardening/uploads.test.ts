// The upload path under every way it can go wrong, over real sockets to the real server on both databases:
// the process survives, the client gets a coded 400 in Chinese, and no temp file, open handle or row is left.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devUser } from '../auth/support.ts';
import { pino } from 'pino';
import { loadConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { openTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { filesIn, multipart, openHandlesIn, pdfBytes, rawRequest, requestHead, until } from './support.ts';

describe.each(PROVIDERS)('uploads that go wrong on %s', (provider) => {
  let s: TestServer;
  let token: string;
  let dir: string;
  beforeAll(async () => {
    s = await startTestServer(provider);
    dir = s.deps.config.uploadDir;
    token = (await devUser(s.url)).token!;
  });
  afterAll(() => s?.stop());

  const alive = async () => expect((await fetch(`${s.url}/api/v1/health`)).status).toBe(200);
  const clean = async () => {
    await until(() => filesIn(dir).length === 0 && openHandlesIn(dir).length === 0);
    expect(await s.database.db.prisma.document.count()).toBe(0);
  };
  const head = (headers: Record<string, string | number>) =>
    requestHead('POST', '/api/v1/documents', { authorization: `Bearer ${token}`, ...headers });

  it('a body that ends inside the file part (the one-request crash) is a 400 and leaves nothing', async () => {
    const body = '--XB\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 x';
    const res = await rawRequest(s.url, head({ 'content-type': 'multipart/form-data; boundary=XB', 'content-length': body.length }), [body]);
    expect(res?.status).toBe(400);
    expect(res?.body.error).toMatchObject({ code: 'UPLOAD_INCOMPLETE', message: expect.stringMatching(/重新上传/) });
    await alive();
    await clean();
  });

  it('the same body anonymously: 401 before anything is read, and still alive', async () => {
    const body = '--XB\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 x';
    const res = await rawRequest(s.url, requestHead('POST', '/api/v1/documents', { 'content-type': 'multipart/form-data; boundary=XB', 'content-length': body.length }), [body]);
    expect([res?.status, res?.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    await alive();
  });

  it.each([
    ['no boundary', 'multipart/form-data'],
    ['an empty quoted boundary', 'multipart/form-data; boundary="'],
    ['a boundary that never appears', 'multipart/form-data; boundary=NOPE'],
  ])('multipart with %s is a 400 with a code', async (_, type) => {
    const body = pdfBytes(100).toString('latin1');
    const res = await rawRequest(s.url, head({ 'content-type': type, 'content-length': body.length }), [body]);
    expect(res?.status).toBe(400);
    expect(res?.body.error.code).toMatch(/^(BAD_MULTIPART|NO_FILE|UPLOAD_INCOMPLETE)$/);
    expect(res?.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    await clean();
  });

  it('a client that hangs up mid-file leaves no temp file and no open handle', async () => {
    const whole = multipart('XB', pdfBytes(4 * 1024 * 1024));
    const cut = whole.subarray(0, 1024 * 1024);
    let sawTemp = false;
    await rawRequest(s.url, head({ 'content-type': 'multipart/form-data; boundary=XB', 'content-length': whole.length }), [cut, cut.subarray(0, 10)], {
      pauseMs: 200,
      hangUp: true,
      beforeEach: (i) => {
        if (i === 1) sawTemp = filesIn(dir).some((f) => f.startsWith('.upload-'));
      },
    });
    expect(sawTemp).toBe(true); // it was being written…
    await clean(); // …and is gone with its handle
    await alive();
  });

  it('a name that cannot be stored is refused with INVALID_TEXT and its file removed', async () => {
    for (const name of ['利润\u0000表.pdf', '报表\ud800.pdf']) {
      const form = new FormData();
      form.append('name', name);
      form.append('file', new Blob([pdfBytes()]), 'tmp_1.pdf');
      const res = await fetch(`${s.url}/api/v1/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      const body = await json(res);
      // A lone surrogate cannot travel as UTF-8: the client sends U+FFFD, which is a character and is kept.
      if (name.includes('\ud800')) {
        expect(res.status).toBe(202);
        await fetch(`${s.url}/api/v1/documents/${body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
        continue;
      }
      expect(res.status).toBe(400);
      expect(body.error.issues[0]).toMatchObject({ path: 'name', code: 'INVALID_TEXT', message: expect.stringMatching(/无法识别的字符/) });
    }
    await clean();
  });

  it('a file name with U+0000 in filename* is refused the same way', async () => {
    const boundary = 'XB';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''a%00b.pdf\r\n\r\n`),
      pdfBytes(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await rawRequest(s.url, head({ 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length }), [body]);
    expect(res?.status).toBe(400);
    expect(res?.body.error.issues[0]).toMatchObject({ path: 'file', code: 'INVALID_TEXT' });
    await clean();
  });

  it('documents need a session to be read or deleted', async () => {
    const id = randomUUID();
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(`${s.url}/api/v1/documents/${id}`, { method });
      expect([res.status, (await json(res)).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});

describe.each(PROVIDERS)('the start-up sweep on %s', (provider) => {
  let t: TestDatabase;
  let running: RunningServer | undefined;
  beforeAll(async () => {
    t = await openTestDatabase(provider);
  });
  afterAll(async () => {
    await running?.close();
    await t?.drop();
  });

  it('removes stale temp files, files without a row and anonymous documents; keeps fresh uploads and owned files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kexiao-sweep-'));
    const old = (Date.now() - 2 * 3_600_000) / 1000;
    const [stale, fresh, orphan, anonymousFile, ownedFile] = ['.upload-stale', '.upload-fresh', randomUUID(), randomUUID(), randomUUID()].map((n) => join(dir, n));
    for (const p of [stale, fresh, orphan, anonymousFile, ownedFile]) writeFileSync(p!, 'x');
    for (const p of [stale, orphan, ownedFile]) utimesSync(p!, old, old);
    // What an earlier process left: an anonymous (old-style) upload and an owned one.
    const p = t.db.prisma;
    await p.user.create({ data: { id: 'owner-1', openid: 'dev:owner-1', dev: true, privacyConsentAt: new Date() } });
    const row = (path: string, ownerId: string | null) =>
      p.document.create({ data: { id: randomUUID(), ownerId, fileName: 'a.pdf', path, sha256: '0', size: 1, status: 'done' } });
    await row(anonymousFile!, null);
    await row(ownedFile!, 'owner-1');

    running = await startServer(loadConfig({}, { port: 0, databaseUrl: t.url, uploadDir: dir, logLevel: 'silent' }), { db: t.db, logger: pino({ level: 'silent' }) });
    // The sweep walks the folder in readdir's order: wait for all three removals, not for two of them.
    await until(() => !existsSync(stale!) && !existsSync(anonymousFile!) && !existsSync(orphan!));
    expect(existsSync(fresh!)).toBe(true); // may be another instance's upload in flight
    expect(existsSync(ownedFile!)).toBe(true);
    expect(await p.document.count({ where: { ownerId: null } })).toBe(0);
    expect(await p.document.count()).toBe(1);
  });
});
