// The explanation of a pre-check (contracts.md §2b): the model words it when one is configured and its answer
// passes the guard; otherwise the template does. Which one, and why, is part of the answer.
import type { Logger } from 'pino';
import type { Explanation, PrecheckResult } from '../precheck/schemas.ts';
import { LlmConfigSchema, type LlmConfig } from './config.ts';
import { factsOf } from './facts.ts';
import { guard } from './guard.ts';
import { complete, LlmError, llmConfigured } from './llm.ts';
import { PROMPT, promptMessages } from './prompt.ts';
import { TEMPLATE_VERSION, templateText } from './template.ts';

export interface Explainer {
  explain(result: PrecheckResult): Promise<Explanation>;
}

export function createExplainer(config: Partial<LlmConfig> = {}, logger?: Pick<Logger, 'warn'>): Explainer {
  const llm = LlmConfigSchema.parse(config);
  return {
    async explain(result) {
      const facts = factsOf(result);
      const template = (fallbackReason: string): Explanation => ({
        text: templateText(facts),
        source: 'template',
        model: TEMPLATE_VERSION,
        fallbackReason,
      });
      if (!llmConfigured(llm)) return template('not_configured');
      try {
        const answer = await complete(llm, promptMessages(facts));
        const checked = guard(answer.text, facts);
        if (!checked.ok) {
          // The detail may quote the answer; it is logged, not shown.
          logger?.warn({ failure: checked.failure, detail: checked.detail, model: answer.model }, 'explanation failed the guard');
          return template(`guard:${checked.failure}`);
        }
        return { text: answer.text, source: 'llm', model: answer.model, prompt: PROMPT };
      } catch (e) {
        const failure = e instanceof LlmError ? e.failure : 'error';
        logger?.warn({ failure, model: llm.model }, 'explanation model unavailable');
        return template(failure);
      }
    },
  };
}
