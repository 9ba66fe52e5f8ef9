// The explainer against a real HTTP server speaking the chat-completions protocol, through the real SDK:
// what is sent, and what the owner gets back for every way a model can answer or fail.
import { afterEach, describe, expect, it } from 'vitest';
import { createExplainer } from '../../server/explain/explain.ts';
import { TEMPLATE_VERSION, templateText } from '../../server/explain/template.ts';
import { factsOf } from '../../server/explain/facts.ts';
import { ExplanationSchema } from '../../server/precheck/schemas.ts';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from './fake-openai.ts';
import { failingExample } from './support.ts';

const result = failingExample();
const template = templateText(factsOf(result));
const GOOD =
  '您的企业目前不符合科技型中小企业评价条件。综合得分54分，其中科技人员指标为0分：科技人员占职工总数的比例为8.94%，低于10%。' +
  '如果新增4名全年在岗的科技人员，综合得分可达62分；按估算成本，更省的做法是新增1名科技人员并取得1项Ⅰ类知识产权，估算约15万元。';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function explainWith(reply: Reply | ((n: number) => Reply), config: Record<string, unknown> = {}) {
  let n = 0;
  fake = await startFakeOpenAI(() => (typeof reply === 'function' ? reply(n++) : reply));
  const explainer = createExplainer({ baseUrl: fake.url, apiKey: 'sk-test', model: 'qwen-plus', timeoutMs: 2000, ...config });
  const started = Date.now();
  const explanation = ExplanationSchema.parse(await explainer.explain(result));
  return { explanation, ms: Date.now() - started, requests: fake.requests };
}

describe('explanations with a model', () => {
  it('sends a plain request: model, system and user messages with the facts, max_tokens — nothing else', async () => {
    const { requests } = await explainWith({ text: GOOD });
    expect(requests).toHaveLength(1);
    const { headers, body } = requests[0]!;
    expect(headers.authorization).toBe('Bearer sk-test');
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model']);
    expect(body.model).toBe('qwen-plus');
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]!.content).toContain('"verdict": "not_qualified"');
    expect(body.messages[1]!.content).toContain('"text": "新增4名全年在岗的科技人员（职工总数随之增加）"');
    expect(JSON.stringify(body)).not.toMatch(/response_format|tools|developer|stream_options/);
  });

  it('a normal reply that passes the guard is shown as the model’s, with the model that wrote it', async () => {
    const { explanation } = await explainWith({ text: GOOD, model: 'qwen-plus-2025-09-11' });
    expect(explanation).toEqual({ text: GOOD, source: 'llm', model: 'qwen-plus-2025-09-11', prompt: 'explain.v2' });
  });

  it('a streamed reply is put together and guarded whole; the request adds only stream: true', async () => {
    const { explanation, requests } = await explainWith({ text: GOOD, stream: true }, { stream: true });
    expect(explanation).toMatchObject({ text: GOOD, source: 'llm' });
    expect(Object.keys(requests[0]!.body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream']);
  });

  it('a reasoning model’s <think> block is dropped before the guard', async () => {
    const { explanation } = await explainWith({ text: `<think>先算一下：52+…</think>\n${GOOD}` });
    expect(explanation).toMatchObject({ text: GOOD, source: 'llm' });
  });

  it.each([
    ['429 rate limit', { status: 429 }, 'rate_limited'],
    ['500 server error', { status: 500 }, 'server_error'],
    ['401 rejected key', { status: 401 }, 'rejected'],
    ['an empty answer', { text: '' }, 'empty_answer'],
    ['an invented figure', { text: GOOD.replace('54分', '56分') }, 'guard:invented_number'],
    ['a contradicted verdict', { text: GOOD.replace('目前不符合', '已经符合') }, 'guard:contradicts_verdict'],
    ['an answer that never states the verdict', { text: GOOD.replace('您的企业目前不符合科技型中小企业评价条件。', '') }, 'guard:verdict_missing'],
    ['an answer far too long', { text: GOOD.repeat(8) }, 'guard:too_long'],
  ] as [string, Reply, string][])('%s → the template, saying why', async (_, reply, reason) => {
    const { explanation, requests } = await explainWith(reply);
    expect(requests).toHaveLength(1); // no retries behind the owner's back
    expect(explanation).toEqual({ text: template, source: 'template', model: TEMPLATE_VERSION, fallbackReason: reason });
  });

  it('a reply slower than the timeout falls back within the timeout', async () => {
    const { explanation, ms } = await explainWith({ text: GOOD, delayMs: 5000 }, { timeoutMs: 400 });
    expect(explanation).toMatchObject({ source: 'template', fallbackReason: 'timeout' });
    expect(ms).toBeLessThan(2000);
  });

  it('a stream that stalls halfway past the timeout falls back too', async () => {
    const { explanation, ms } = await explainWith({ text: GOOD, stream: true, stallMidStreamMs: 5000 }, { timeoutMs: 400, stream: true });
    expect(explanation).toMatchObject({ source: 'template', fallbackReason: 'timeout' });
    expect(ms).toBeLessThan(2000);
  });

  it('an endpoint that does not answer at all is unreachable', async () => {
    const explainer = createExplainer({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-test', model: 'm', timeoutMs: 2000 });
    expect(await explainer.explain(result)).toMatchObject({ source: 'template', fallbackReason: 'unreachable' });
  });

  it('without a key or a model no request is made and the template answers', async () => {
    fake = await startFakeOpenAI(() => ({ text: GOOD }));
    for (const config of [{ baseUrl: fake.url, model: 'm' }, { baseUrl: fake.url, apiKey: 'k' }, {}])
      expect(await createExplainer(config).explain(result)).toEqual({
        text: template,
        source: 'template',
        model: TEMPLATE_VERSION,
        fallbackReason: 'not_configured',
      });
    expect(fake.requests).toHaveLength(0);
  });
});
