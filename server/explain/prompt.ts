// Versioned prompts (prompts/<name>.md): a "## system" and a "## user" section; {{facts}} in the user section
// is replaced by the facts as JSON. Read once per process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../db/url.ts';
import type { ExplainFacts } from './facts.ts';

export const PROMPT = 'explain.v2';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

const cache = new Map<string, { system: string; user: string }>();

export function loadPrompt(name = PROMPT): { system: string; user: string } {
  let p = cache.get(name);
  if (!p) {
    const text = readFileSync(join(REPO_ROOT, 'prompts', `${name}.md`), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const section = (title: string) => {
      const m = new RegExp(`^## ${title}\\s*\\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(text);
      if (!m?.[1]?.trim()) throw new Error(`prompts/${name}.md has no "## ${title}" section`);
      return m[1].trim();
    };
    p = { system: section('system'), user: section('user') };
    if (!p.user.includes('{{facts}}')) throw new Error(`prompts/${name}.md: the user section must contain {{facts}}`);
    cache.set(name, p);
  }
  return p;
}

export function promptMessages(facts: ExplainFacts, name = PROMPT): ChatMessage[] {
  const p = loadPrompt(name);
  return [
    { role: 'system', content: p.system },
    { role: 'user', content: p.user.replace('{{facts}}', JSON.stringify(facts, null, 1)) },
  ];
}
