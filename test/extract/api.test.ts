// The documents API over real HTTP, on both databases: upload → id → progress → result; delete removes the file.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedPool } from '../../server/extract/extract.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import { devUser } from '../auth/support.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { documentHtml, incomeStatement } from './fixtures/statements.ts';
import { closeBrowser, htmlToPdf, readBytes } from './fixtures/render.ts';
import { SCAN_CASES, scanImage } from './fixtures/scans.ts';

afterAll(async () => {
  await closeBrowser();
  await closeSharedPool();
});

const upload = (url: string, bytes: Uint8Array, name: string, token?: string, shownName?: string) => {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  if (shownName) form.append('name', shownName);
  return fetch(`${url}/api/v1/documents`, { method: 'POST', body: form, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
};

async function waitFor(done: () => Promise<boolean>) {
  for (let i = 0; i < 600 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
}

const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function waitDone(url: string, id: string, token: string, seen: number[] = []) {
  for (let i = 0; i < 600; i++) {
    const body = await json(await fetch(`${url}/api/v1/documents/${id}`, auth(token)));
    seen.push(body.progress);
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('extraction did not finish');
}

describe.each(PROVIDERS)('documents API on %s', (provider) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(provider);
  });
  afterAll(() => s?.stop());

  it('keeps the name the mini-program sends for a WeChat temporary file', async () => {
    const { token } = await devUser(s.url);
    const sheet = incomeStatement({ format: '2019', unit: '元', seed: 202 });
    const bytes = readBytes(await htmlToPdf(documentHtml([sheet])));
    const res = await upload(s.url, bytes, 'tmp_8f2c1a.pdf', token, '2025年利润表.pdf');
    expect(res.status).toBe(202);
    const created = await json(res);
    expect(created.fileName).toBe('2025年利润表.pdf');
    expect((await waitDone(s.url, created.id, token!)).result.file).toBe('2025年利润表.pdf');
  });

  it('stores an upload with its checksum, extracts it in the background, and deletes it with its file', async () => {
    const sheet = incomeStatement({ format: '2019', unit: '元', seed: 201 });
    const bytes = readBytes(await htmlToPdf(documentHtml([sheet])));
    const { token } = await devUser(s.url);
    const res = await upload(s.url, bytes, '利润表.pdf', token);
    expect(res.status).toBe(202);
    const created = await json(res);
    expect(created).toMatchObject({ fileName: '利润表.pdf', size: bytes.length, status: 'queued', progress: 0 });
    expect(created.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.get('location')).toBe(`/api/v1/documents/${created.id}`);

    const done = await waitDone(s.url, created.id, token!);
    expect(done.status).toBe('done');
    expect(done.progress).toBe(1);
    expect(done.result.documents[0].kind).toBe('income_statement');
    expect(Object.fromEntries(Object.entries(done.result.documents[0].fields).map(([k, f]) => [k, (f as { value: string }).value]))).toEqual(sheet.truth);

    const stored = await s.database.db.prisma.document.findUnique({ where: { id: created.id } });
    expect(stored?.sha256).toBe(created.sha256);
    expect(existsSync(stored!.path)).toBe(true);
    expect((await fetch(`${s.url}/api/v1/documents/${created.id}`, { method: 'DELETE', ...auth(token!) })).status).toBe(204);
    expect(existsSync(stored!.path)).toBe(false);
    expect((await fetch(`${s.url}/api/v1/documents/${created.id}`, auth(token!))).status).toBe(404);
  });

  it('shows a signed-in owner\'s document to that owner only, and deletes it with the account', async () => {
    const owner = await devUser(s.url);
    const other = await devUser(s.url);
    const bytes = readBytes(await htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 202 })])));
    const { id } = await json(await upload(s.url, bytes, '利润表.pdf', owner.token));
    expect((await owner.get(`/api/v1/documents/${id}`)).status).toBe(200);
    expect((await other.get(`/api/v1/documents/${id}`)).status).toBe(404);
    expect((await fetch(`${s.url}/api/v1/documents/${id}`)).status).toBe(401);
    await waitFor(() => owner.get(`/api/v1/documents/${id}`).then((r) => r.body.status === 'done'));
    const path = (await s.database.db.prisma.document.findUnique({ where: { id } }))!.path;
    const gone = await owner.del('/api/v1/me');
    expect(gone.body.deleted).toContain('documents');
    expect(existsSync(path)).toBe(false);
    expect(await s.database.db.prisma.document.count({ where: { id } })).toBe(0);
  });

  it('refuses what is not a statement file with a coded Chinese error, and unknown ids with 404', async () => {
    const { token } = await devUser(s.url);
    const res = await upload(s.url, Buffer.from('MZ\x90\x00 not a pdf'), '报表.pdf', token);
    expect(res.status).toBe(415);
    expect((await json(res)).error).toMatchObject({ code: 'UNSUPPORTED_TYPE', message: expect.stringMatching(/PDF/) });
    const none = await fetch(`${s.url}/api/v1/documents`, { method: 'POST', body: new FormData(), ...auth(token!) });
    expect(none.status).toBe(400);
    expect((await fetch(`${s.url}/api/v1/documents/00000000-0000-4000-8000-000000000000`, auth(token!))).status).toBe(404);
    expect((await fetch(`${s.url}/api/v1/documents/not-an-id`, auth(token!))).status).toBe(404);
  });
});

describe('documents API with OCR', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(() => s?.stop());

  it('reports progress while OCR runs and the result when done', async () => {
    const c = SCAN_CASES.find((x) => x.category === 'degraded')!;
    const { token } = await devUser(s.url);
    const res = await upload(s.url, readBytes(await scanImage(c)), '扫描件.jpg', token);
    const { id } = await json(res);
    const seen: number[] = [];
    const done = await waitDone(s.url, id, token!, seen);
    expect(seen[0]).toBe(0);
    // Seen between the start and the end at least once: progress moves while OCR runs.
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    expect(done.result.method).toBe('ocr');
    expect(done.result.documents[0].seal).toBe(true);
  }, 120_000);

  it('refuses a file over the limit while it streams', async () => {
    const { token } = await devUser(s.url);
    const res = await upload(s.url, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]), '大.pdf', token);
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('FILE_TOO_LARGE');
  }, 60_000);
});
