// The file store behind uploads and extraction: the local folder (embedded default) and an S3-compatible object
// store (s3rver, the S3 protocol, started here). The same contract on both, then the real API on the object store:
// an upload lands in the bucket (nothing of it left in the upload folder), is read from there and extracted, and
// deleting the document deletes the object.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStore, s3Store, type FileStore } from '../../server/files/store.ts';
import { startS3, type TestS3 } from '../helpers/s3.ts';
import { json, startTestServer, type TestServer } from '../helpers/server.ts';
import { until } from '../hardening/support.ts';
import { closeBrowser, htmlToPdf, readBytes } from '../extract/fixtures/render.ts';
import { documentHtml, incomeStatement } from '../extract/fixtures/statements.ts';

let s3: TestS3;
let dir: string;
beforeAll(async () => {
  s3 = await startS3();
  dir = mkdtempSync(join(tmpdir(), 'kexiao-store-'));
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['local', 's3'] as const)('%s file store', (kind) => {
  const store = (): FileStore => (kind === 'local' ? localStore(dir) : s3Store(s3.config));

  it('put takes the file over, read gives the same bytes, remove deletes it (twice is fine), a missing file rejects', async () => {
    const s = store();
    const temp = join(dir, `.upload-${kind}`);
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256));
    writeFileSync(temp, bytes);
    const ref = await s.put(`00000000-0000-4000-8000-00000000000${kind === 'local' ? 1 : 2}`, temp);
    expect(existsSync(temp)).toBe(false);
    expect(ref).toMatch(kind === 'local' ? new RegExp(`^${dir}/`) : /^s3:\/\/kexiao-test\/uploads\//);
    const back = await s.read(ref);
    expect(createHash('sha256').update(back).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    await s.remove(ref);
    await s.remove(ref);
    await expect(s.read(ref)).rejects.toThrow();
    await s.close();
  });
});

describe('the API with its uploads in the object store', () => {
  let server: TestServer;
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = readBytes(await htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 7 })])));
    await closeBrowser();
    server = await startTestServer('sqlite', { files: s3.config });
  }, 120_000);
  afterAll(async () => server?.stop());

  it('stores the upload as an object, extracts it from there, and deleting the document deletes the object', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ privacyConsent: true, user: 's3-user' }) });
    const { token } = await json(login);
    const auth = { authorization: `Bearer ${token}` };
    const form = new FormData();
    form.append('file', new Blob([pdf]), '利润表.pdf');
    const up = await fetch(`${server.url}/api/v1/documents`, { method: 'POST', body: form, headers: auth });
    expect(up.status).toBe(202);
    const { id } = await json(up);
    const row = await server.database.db.prisma.document.findUniqueOrThrow({ where: { id } });
    expect(row.path).toBe(`s3://kexiao-test/uploads/${id}`);
    expect(readdirSync(server.deps.config.uploadDir)).toEqual([]); // the temp file went to the bucket
    const store = s3Store(s3.config);
    expect((await store.read(row.path)).equals(Buffer.from(pdf))).toBe(true);
    await until(async () => (await json(await fetch(`${server.url}/api/v1/documents/${id}`, { headers: auth }))).status === 'done', 60_000, 100);
    const done = await json(await fetch(`${server.url}/api/v1/documents/${id}`, { headers: auth }));
    expect(done.result.method).toBe('text');
    expect(done.result.documents[0].kind).toBe('income_statement');
    expect((await fetch(`${server.url}/api/v1/documents/${id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    await expect(store.read(row.path)).rejects.toThrow();
    await store.close();
  }, 120_000);
});
