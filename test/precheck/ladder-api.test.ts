// POST /api/v1/prechecks on both real databases with stored statements: the ladder figures read from the
// comparative column come back with their document and page, and the stored result keeps them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractionResult } from '../../server/extract/schema.ts';
import { PrecheckResultSchema } from '../../server/precheck/schemas.ts';
import { Client, devUser, startServer } from '../auth/support.ts';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../explain/fake-openai.ts';
import { contractExample } from '../explain/support.ts';
import { PROVIDERS } from '../helpers/databases.ts';
import type { TestServer } from '../helpers/server.ts';
import { balance, file, incomeWithPrevious } from './statements.ts';

describe.each(PROVIDERS)('ladder figures through the prechecks API on %s', (provider) => {
  let s: TestServer & { setTime(at: string): void };
  let me: Client & { userId: string };
  let fake: FakeOpenAI;
  let reply: Reply = { status: 500 };
  beforeAll(async () => {
    fake = await startFakeOpenAI(() => reply);
    s = await startServer(provider, {
      at: '2026-07-01T10:00:00+08:00',
      config: { llm: { baseUrl: fake.url, apiKey: 'sk-test', model: 'deepseek-chat', timeoutMs: 2000, maxTokens: 800, stream: false } },
    });
    me = await devUser(s.url, 'ladder-owner');
  });
  afterAll(async () => {
    await s?.stop();
    await fake?.close();
  });

  async function stored(extraction: ExtractionResult): Promise<string> {
    const id = randomUUID();
    await s.database.db.prisma.document.create({
      data: { id, ownerId: me.userId, fileName: extraction.file, path: `/nonexistent/${id}`, sha256: '0'.repeat(64), size: 1, status: 'done', progress: 1, result: extraction as object },
    });
    return id;
  }

  it('offers the previous year from the statement, uses it in the ladder and returns the same on GET', async () => {
    const ids = [await stored(file('', '利润表.pdf', incomeWithPrevious()).extraction), await stored(file('', '资产负债表.pdf', balance()).extraction)];
    const res = await me.post('/api/v1/prechecks', { ...contractExample(), ladder: { nicheYears: 4 }, documents: ids });
    expect(res.status).toBe(201);
    PrecheckResultSchema.parse(res.body);
    expect(res.body.ladderFigures[0]).toMatchObject({ path: 'ladder.previousYear.operatingRevenue', value: '2600', used: true, origin: { documentId: ids[0], page: 1 } });
    expect(res.body.assessment.ladder.specialized.conditions.find((c: { code: string }) => c.code === 'RD').state).toBe('met');
    const again = await me.get(`/api/v1/prechecks/${res.body.id}`);
    expect(again.body.ladderFigures).toEqual(res.body.ladderFigures);
    expect(again.body.assessment.ladder).toEqual(res.body.assessment.ladder);
  });

  it('sends the ladder to the model and keeps its words only when they agree with each rung’s verdict', async () => {
    const body = { ...contractExample(), ladder: { nicheYears: 4, previousYear: { operatingRevenue: '2600', rdTotal: '80' }, innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: false, equity500: false } } };
    reply = { text: '按您提供的信息，企业符合科技型中小企业评价条件，综合得分74分。更高一级方面，目前不符合专精特新中小企业认定标准，前一年研发费用未达标。' };
    const good = await me.post('/api/v1/prechecks', body);
    expect(good.status).toBe(201);
    expect(good.body.explanation).toMatchObject({ source: 'llm', prompt: 'explain.v2' });
    const sent = JSON.parse(fake.requests.at(-1)!.body.messages.at(-1)!.content.split('\n').slice(1).join('\n').replace(/\n请据此[\s\S]*$/, ''));
    expect(sent.ladder.rungs.map((r: { rung: string; verdict: string }) => [r.rung, r.verdict])).toContainEqual(['specialized', 'not_qualified']);
    // Claiming the rung the engine says is not met: the template is used instead.
    reply = { text: '按您提供的信息，企业符合科技型中小企业评价条件，综合得分74分，并且已经符合专精特新中小企业认定标准。' };
    const bad = await me.post('/api/v1/prechecks', body);
    expect(bad.body.explanation.source).toBe('template');
    expect(bad.body.explanation.text).toContain('不符合专精特新中小企业认定标准');
  });
});
