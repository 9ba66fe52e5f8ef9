// Every table case through the pure engine.
import { describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { validate } from '../../server/domain/validate.ts';
import { invalid, VALID_GROUPS, type Case } from './cases/index.ts';
import { expectCase } from './expect.ts';

for (const [group, cases] of Object.entries(VALID_GROUPS))
  describe(group, () => {
    it.each(cases.map((c) => [c.name, c] as [string, Case]))('%s', (_, c) => {
      const v = validate(AssessmentInputSchema, c.input);
      if (!v.ok) throw new Error(JSON.stringify(v.issues));
      expectCase(assess(v.value), c);
    });
  });

describe('输入错误', () => {
  it.each(invalid.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const v = validate(AssessmentInputSchema, c.input);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    for (const [path, code] of c.issues) expect(v.issues).toContainEqual(expect.objectContaining({ path, code }));
    for (const issue of v.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
