// The model that words explanations: any OpenAI-compatible endpoint (DeepSeek, Qwen, a local vLLM, OpenAI).
// Without a key and a model name the template is used; nothing else depends on a model being there.
import { z } from 'zod';

const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

export const LlmConfigSchema = z.object({
  baseUrl: z.string().url().optional(),
  apiKey: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  /** The whole request, streamed or not: past it the template answers (an owner is waiting). */
  timeoutMs: z.coerce.number().int().min(100).max(120_000).default(5000),
  /** Chinese runs about 1–1.5 tokens a character; the guard allows 900 characters. */
  maxTokens: z.coerce.number().int().min(64).max(8192).default(1200),
  /** Ask for a streamed answer (some gateways answer faster that way); the guard still sees the whole text. */
  stream: flag.default(false),
});
export type LlmConfig = z.infer<typeof LlmConfigSchema>;

export function llmConfigFromEnv(env: NodeJS.ProcessEnv): z.input<typeof LlmConfigSchema> {
  return {
    baseUrl: env.OPENAI_BASE_URL || undefined,
    apiKey: env.OPENAI_API_KEY || undefined,
    model: env.KEXIAO_LLM_MODEL || undefined,
    timeoutMs: env.KEXIAO_LLM_TIMEOUT_MS || undefined,
    maxTokens: env.KEXIAO_LLM_MAX_TOKENS || undefined,
    stream: (env.KEXIAO_LLM_STREAM || undefined) as z.input<typeof flag> | undefined,
  };
}
