// The API hot path's shortcuts give exactly what the plain path would: the POST answer put together from the JSON
// the insert made is byte for byte JSON.stringify of the stored view, on every table case.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { view, viewJson } from '../../server/http/routes/assessments.ts';
import { VALID_GROUPS } from '../domain/cases/index.ts';

describe('POST /api/v1/assessments answer', () => {
  const cases = Object.values(VALID_GROUPS).flat();

  it.each(cases.map((c, i) => [i, c] as const))('case %i is JSON.stringify(view) exactly', (_, c) => {
    const input = AssessmentInputSchema.parse(c.input);
    const result = assess(input);
    const a = { id: randomUUID(), ownerId: null, createdAt: new Date(), input, result, json: { input: JSON.stringify(input), result: JSON.stringify(result) } };
    expect(viewJson(a)).toBe(JSON.stringify(view(a)));
  });
});
