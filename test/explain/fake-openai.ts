// A small HTTP server that speaks the OpenAI chat-completions protocol (JSON and server-sent events), so the
// real SDK and our client are tested over a real socket. Each test says how it should answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> & { messages: { role: string; content: string }[] };
}

export interface Reply {
  /** HTTP status; errors answer with OpenAI's error body. */
  status?: number;
  text?: string;
  /** Answer as server-sent events in this many pieces (the client asked for stream: true). */
  stream?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Streamed answers: send the first piece, then stall this long before the rest. */
  stallMidStreamMs?: number;
  model?: string;
}

export interface FakeOpenAI {
  /** Base URL to give the SDK (…/v1). */
  url: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

const sleep = (ms: number, res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(t);
      resolve();
    });
  });

export async function startFakeOpenAI(answer: (req: ChatRequest) => Reply): Promise<FakeOpenAI> {
  const requests: ChatRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const request: ChatRequest = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
    requests.push(request);
    const r = answer(request);
    if (r.delayMs) await sleep(r.delayMs, res);
    if (res.destroyed || res.writableEnded) return;
    const status = r.status ?? 200;
    const model = r.model ?? String(request.body.model);
    if (status !== 200) {
      res
        .writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '1' } : {}) })
        .end(JSON.stringify({ error: { message: status === 429 ? 'Rate limit reached' : 'Internal error', type: 'server_error', code: null } }));
      return;
    }
    const created = Math.floor(Date.now() / 1000);
    if (r.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chars = [...(r.text ?? '')];
      const pieces = Array.from({ length: Math.ceil(chars.length / 7) }, (_, i) => chars.slice(i * 7, i * 7 + 7).join(''));
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }, null));
      for (const [i, p] of pieces.entries()) {
        res.write(chunk({ content: p }, null));
        if (i === 0 && r.stallMidStreamMs) await sleep(r.stallMidStreamMs, res);
        if (res.destroyed) return;
      }
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: r.text ?? '' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
