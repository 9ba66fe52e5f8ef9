// POST/GET /api/v1/prechecks over real HTTP, on both real databases, with statements stored the way the
// documents module stores them and a real chat-completions server behind the explanation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../../server/extract/schema.ts';
import { PrecheckResultSchema } from '../../server/precheck/schemas.ts';
import { Client, devUser, startServer } from '../auth/support.ts';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../explain/fake-openai.ts';
import { contractExample } from '../explain/support.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { balance, file, income2019 } from './statements.ts';

describe.each(PROVIDERS)('prechecks API on %s', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  let fake: FakeOpenAI;
  let reply: Reply = { status: 500 };
  // Pre-checks need a session (docs/limits.md); statements belong to the one who uploaded them.
  let me: Client & { userId: string };
  beforeAll(async () => {
    fake = await startFakeOpenAI(() => reply);
    s = await startServer(provider, {
      at: '2026-07-01T10:00:00+08:00',
      config: { llm: { baseUrl: fake.url, apiKey: 'sk-test', model: 'deepseek-chat', timeoutMs: 2000, maxTokens: 800, stream: false } },
    });
    me = await devUser(s.url, 'precheck-owner');
  });
  afterAll(async () => {
    await s?.stop();
    await fake?.close();
  });

  /** A statement as the documents module leaves it once extracted. */
  async function stored(extraction: ExtractionResult, ownerId: string = me.userId, status = 'done'): Promise<string> {
    const id = randomUUID();
    await s.database.db.prisma.document.create({
      data: {
        id, ownerId, fileName: extraction.file, path: `/nonexistent/${id}`, sha256: '0'.repeat(64), size: 1, status,
        progress: status === 'done' ? 1 : 0.5, ...(status === 'done' ? { result: extraction as object } : {}),
      },
    });
    return id;
  }

  const anonymous = () => new Client(s.url);
  const owner = () => me;

  it('reconciles the declared form with stored statements, stores the result and returns it again', async () => {
    const input = contractExample();
    input.finance!.salesRevenue = '3100';
    const ids = [await stored(file('', '利润表.pdf', income2019()).extraction), await stored(file('', '资产负债表.pdf', balance()).extraction)];
    const res = await owner().post('/api/v1/prechecks', { ...input, documents: ids });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/prechecks/${res.body.id}`);
    PrecheckResultSchema.parse(res.body);
    expect(res.body.figures.find((f: { key: string }) => f.key === 'salesRevenue')).toMatchObject({
      value: '3000',
      origin: { kind: 'document', documentId: ids[0], file: '利润表.pdf', page: 1 },
    });
    expect(res.body.discrepancies).toEqual([expect.objectContaining({ figure: 'salesRevenue', declared: '3100', document: '3000' })]);
    expect(res.body.assessment.qualified).toBe(true);
    expect(res.body.documents.map((d: { id: string }) => d.id)).toEqual(ids);
    expect(res.body.explanation).toMatchObject({ source: 'template', fallbackReason: 'server_error' });
    const again = await owner().get(`/api/v1/prechecks/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    const row = await s.database.db.prisma.precheck.findUnique({ where: { id: res.body.id } });
    expect(row).toMatchObject({ verdict: 'qualified', explanationSource: 'template', evaluationYear: 2026 });
  });

  it('an incomplete form: the evaluation year is the year of filing, conditions unknown, questions in form order', async () => {
    const res = await owner().post('/api/v1/prechecks', { staff: { employees: '44.75', techStaff: '13.625' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ verdict: 'undetermined', evaluationYear: 2026, assessment: null, gaps: null });
    expect(res.body.questions[0]).toMatchObject({ path: 'basic.registeredInMainland', section: '企业基本信息', neededForVerdict: true });
    expect(res.body.explanation.text).toContain('暂无法判断');
  });

  it('the model’s explanation when it passes the guard; the template when it invents a figure', async () => {
    const input = contractExample();
    reply = { text: '按您提供的信息，企业符合科技型中小企业评价条件，综合得分74分，其中科技人员20分、研发投入30分、科技成果24分。首次参加评价，可能被列为现场核查对象。' };
    const good = await owner().post('/api/v1/prechecks', input);
    expect(good.body.explanation).toMatchObject({ source: 'llm', model: 'deepseek-chat', prompt: 'explain.v2' });
    reply = { text: '按您提供的信息，企业符合科技型中小企业评价条件，综合得分76分，请放心申报。' };
    const bad = await owner().post('/api/v1/prechecks', input);
    expect(bad.body.explanation).toMatchObject({ source: 'template', fallbackReason: 'guard:invented_number' });
    const sent = fake.requests.at(-1)!.body;
    expect(JSON.stringify(sent)).not.toContain('利润表.pdf');
    reply = { status: 500 };
  });

  it('answers 400 with every issue, an unknown document among them', async () => {
    const res = await owner().post('/api/v1/prechecks', { finance: { salesRevenue: 'abc' }, region: 'mars' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['finance.salesRevenue', 'INVALID_AMOUNT'],
        ['region', 'UNKNOWN_REGION'],
      ]),
    );
    const missing = await owner().post('/api/v1/prechecks', { documents: [randomUUID(), 'not-an-id'] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual([
      ['documents[0]', 'DOCUMENT_NOT_FOUND'],
      ['documents[1]', 'DOCUMENT_NOT_FOUND'],
    ]);
  });

  it('a statement still being read is 409; a failed one is reported as unreadable', async () => {
    const pending = await stored(file('', '扫描件.pdf').extraction, me.userId, 'processing');
    const res = await owner().post('/api/v1/prechecks', { documents: [pending] });
    expect([res.status, res.body.error.code]).toEqual([409, 'DOCUMENT_NOT_READY']);
    const failedId = randomUUID();
    await s.database.db.prisma.document.create({
      data: { id: failedId, ownerId: me.userId, fileName: '坏文件.pdf', path: '/x', sha256: '0', size: 1, status: 'failed', error: { code: 'PDF_BROKEN', message: 'PDF 文件已损坏' } },
    });
    const failed = await owner().post('/api/v1/prechecks', { documents: [failedId] });
    expect(failed.status).toBe(201);
    expect(failed.body.warnings).toContainEqual(expect.objectContaining({ code: 'DOCUMENT_PDF_BROKEN' }));
  });

  it('one owner never reads another’s statements or pre-checks; deleting the account deletes them', async () => {
    const a = await devUser(s.url, 'owner-a');
    const b = await devUser(s.url, 'owner-b');
    const doc = await stored(file('', '利润表.pdf', income2019()).extraction, a.userId);
    expect((await b.post('/api/v1/prechecks', { documents: [doc] })).status).toBe(400);
    expect((await anonymous().post('/api/v1/prechecks', { documents: [doc] })).status).toBe(401);
    const mine = await a.post('/api/v1/prechecks', { documents: [doc] });
    expect(mine.status).toBe(201);
    expect((await b.get(`/api/v1/prechecks/${mine.body.id}`)).status).toBe(404);
    expect((await a.get(`/api/v1/prechecks/${mine.body.id}`)).status).toBe(200);
    const deleted = await a.del('/api/v1/me');
    expect(deleted.body.deleted).toContain('prechecks');
    expect(await s.database.db.prisma.precheck.count({ where: { ownerId: a.userId } })).toBe(0);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await anonymous().get('/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/prechecks', '/api/v1/prechecks/{id}']));
  });
});
