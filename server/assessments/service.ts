// input → validate → score → store: the one path both the API and batch tools use.
import { assess } from '../domain/assess.ts';
import { AssessmentInputSchema } from '../domain/schemas/assessment.ts';
import { validate, type Validated } from '../domain/validate.ts';
import type { AssessmentRepository, CreatedAssessment } from '../db/assessments.ts';

export async function createAssessment(
  repo: AssessmentRepository,
  body: unknown,
  ownerId: string | null = null,
): Promise<Validated<CreatedAssessment>> {
  const v = validate(AssessmentInputSchema, body);
  if (!v.ok) return v;
  return { ok: true, value: await repo.create(v.value, assess(v.value), ownerId) };
}
