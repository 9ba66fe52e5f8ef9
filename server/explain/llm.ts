// One chat completion from any OpenAI-compatible endpoint, through the official SDK. Requests stay plain —
// model, messages (system and user only), max_tokens and, when configured, stream — because several Chinese
// providers reject response_format, tools, the developer role and stream_options. No retries: a deadline
// covers the whole exchange and an owner is waiting; the template is the fallback.
import type OpenAIClient from 'openai';
import type { LlmConfig } from './config.ts';
import type { ChatMessage } from './prompt.ts';

export type LlmFailure = 'timeout' | 'rate_limited' | 'server_error' | 'unreachable' | 'rejected' | 'empty_answer' | 'error';

export class LlmError extends Error {
  constructor(
    readonly failure: LlmFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface Completion {
  text: string;
  /** The model that answered, as the endpoint reports it (else the configured name). */
  model: string;
}

type Ready = LlmConfig & { apiKey: string; model: string };

export const llmConfigured = (c: LlmConfig): c is Ready => c.apiKey !== undefined && c.model !== undefined;

/** Reasoning models (DeepSeek-R1, Qwen3) may put their thinking in the answer; only the answer is kept. */
const stripThinking = (s: string) => s.replace(/<think>[\s\S]*?<\/think>/g, '').trim();

/** The SDK loads on the first completion: a server without an LLM key never needs it. */
let sdk: Promise<typeof OpenAIClient> | undefined;
const loadSdk = () => (sdk ??= import('openai').then((m) => m.default));

export async function complete(config: Ready, messages: ChatMessage[]): Promise<Completion> {
  const OpenAI = await loadSdk();
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, timeout: config.timeoutMs, maxRetries: 0 });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), config.timeoutMs);
  const base = { model: config.model, messages, max_tokens: config.maxTokens };
  try {
    let text = '';
    let model = config.model;
    if (config.stream) {
      const stream = await client.chat.completions.create({ ...base, stream: true }, { signal: deadline.signal });
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.model) model = chunk.model;
      }
      // An aborted stream can end quietly with half an answer; half an answer is not an answer.
      if (deadline.signal.aborted) throw new LlmError('timeout', 'the stream passed the deadline');
    } else {
      const res = await client.chat.completions.create(base, { signal: deadline.signal });
      text = res.choices[0]?.message?.content ?? '';
      if (res.model) model = res.model;
    }
    text = stripThinking(text);
    if (!text) throw new LlmError('empty_answer', 'the model returned no text');
    return { text, model };
  } catch (e) {
    throw classify(OpenAI, e, deadline.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

function classify(OpenAI: typeof OpenAIClient, e: unknown, timedOut: boolean): LlmError {
  if (e instanceof LlmError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (timedOut || e instanceof OpenAI.APIConnectionTimeoutError || e instanceof OpenAI.APIUserAbortError)
    return new LlmError('timeout', message, { cause: e });
  if (e instanceof OpenAI.APIConnectionError) return new LlmError('unreachable', message, { cause: e });
  if (e instanceof OpenAI.APIError && e.status !== undefined)
    return new LlmError(e.status === 429 ? 'rate_limited' : e.status >= 500 ? 'server_error' : 'rejected', message, { cause: e });
  return new LlmError('error', message, { cause: e });
}
