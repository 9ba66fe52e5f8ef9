// The one way every boundary (API, CLI, jobs) checks input: all problems at once, coded, in Chinese.
import type { z } from 'zod';
import { toValidationIssues, type ValidationIssue } from './schemas/issues.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function validate<S extends z.ZodType>(schema: S, data: unknown): Validated<z.output<S>> {
  const r = schema.safeParse(data, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: toValidationIssues(r.error) };
}
