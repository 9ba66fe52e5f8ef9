// Over real HTTP on both databases: the owner's documents listed (so uploads survive a refresh), the progress
// detail stored on the row, and the 自评结果 PDF made from a stored pre-check — the owner's only.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devUser, startServer } from '../auth/support.ts';
import { contractExample } from '../explain/support.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { file, income2019 } from '../precheck/statements.ts';

const dir = mkdtempSync(join(tmpdir(), 'kexiao-report-api-'));

describe.each(PROVIDERS)('documents list and report API on %s', (provider) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(provider, { at: '2026-07-01T10:00:00+08:00' });
  });
  afterAll(async () => {
    await s?.stop();
  });

  async function stored(ownerId: string, over: Partial<{ status: string; progressDetail: object; company: string }> = {}): Promise<string> {
    const id = randomUUID();
    const extraction = file('', '2025年度利润表.pdf', income2019({ operatingRevenue: '30999999.99' }, { company: over.company ?? '郑州示例科技有限公司' })).extraction;
    const done = (over.status ?? 'done') === 'done';
    await s.database.db.prisma.document.create({
      data: {
        id, ownerId, fileName: extraction.file, path: `/nonexistent/${id}`, sha256: '0'.repeat(64), size: 1, status: over.status ?? 'done',
        progress: done ? 1 : 0.4, ...(done ? { result: extraction as object } : {}),
        ...(over.progressDetail ? { progressDetail: over.progressDetail } : {}),
      },
    });
    return id;
  }

  it('lists the owner’s documents newest first with the page and step of one still being read; never another owner’s', async () => {
    const owner = await devUser(s.url);
    const other = await devUser(s.url);
    const first = await stored(owner.userId);
    await new Promise((r) => setTimeout(r, 20));
    const reading = await stored(owner.userId, { status: 'processing', progressDetail: { page: 2, pages: 6, step: 'recognizing' } });
    await stored(other.userId);
    const r = await owner.get('/api/v1/documents');
    expect(r.status).toBe(200);
    expect(r.body.documents.map((d: { id: string }) => d.id)).toEqual([reading, first]);
    expect(r.body.documents[0]).toMatchObject({ status: 'processing', progress: 0.4, progressDetail: { page: 2, pages: 6, step: 'recognizing' } });
    expect(r.body.documents[1].result.documents[0].kind).toBe('income_statement');
    expect(r.body.documents[1].progressDetail).toBeUndefined();
    expect(r.body.documents[0]).not.toHaveProperty('ownerId');
    expect(r.body.documents[0]).not.toHaveProperty('path');
    expect((await fetch(`${s.url}/api/v1/documents`)).status).toBe(401);
  });

  it('a complete pre-check gives its report as a PDF download with findings and sources; another owner gets 404', async () => {
    const owner = await devUser(s.url);
    const input = contractExample();
    input.finance!.salesRevenue = '3093.77';
    const doc = await stored(owner.userId);
    const pre = await owner.post('/api/v1/prechecks', { ...input, documents: [doc] });
    expect(pre.status).toBe(201);
    expect(pre.body.findings.map((f: { code: string }) => f.code)).toContain('DECLARED_VS_DOCUMENT');

    const res = await fetch(`${s.url}/api/v1/prechecks/${pre.body.id}/report.pdf`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('自评结果-2026年度.pdf');
    const path = join(dir, `${provider}.pdf`);
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    const t = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    // The firm's name comes from the statements when the owner saved none.
    expect(t).toContain('企业名称：郑州示例科技有限公司');
    expect(t).toContain('比利润表（第1页）少6.23万元');
    expect(t).toContain('利润表「营业收入」');

    const other = await devUser(s.url);
    expect((await other.get(`/api/v1/prechecks/${pre.body.id}/report.pdf`)).status).toBe(404);
    expect((await other.get(`/api/v1/prechecks/not-a-uuid/report.pdf`)).status).toBe(404);
  });

  it('an incomplete pre-check has no report yet, said in Chinese with a stable code', async () => {
    const owner = await devUser(s.url);
    const pre = await owner.post('/api/v1/prechecks', { region: 'national', firstTime: true });
    expect(pre.status).toBe(201);
    const r = await owner.get(`/api/v1/prechecks/${pre.body.id}/report.pdf`);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'REPORT_NOT_READY' });
    expect(r.body.error.message).toMatch(/回答完整后/);
  });

  it('a stored assessment has its report too', async () => {
    const owner = await devUser(s.url);
    const a = await owner.post('/api/v1/assessments', contractExample());
    expect(a.status).toBe(201);
    const res = await fetch(`${s.url}/api/v1/assessments/${a.body.id}/report.pdf`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
