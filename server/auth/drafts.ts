// The owner's unfinished check: the assessment input (contracts.md §1) with every field optional, saved as it
// is being filled in and resumed on another visit or device. Field values are still checked (an amount must be
// an amount); cross-field rules (four quarters, revenue and cost not both zero) wait for the real submission.
import { z } from 'zod';
import { AssessmentInputSchema } from '../domain/schemas/assessment.ts';
import type { Db } from '../db/client.ts';

/** The same shape with every field, at every depth, optional; defaults and object-level refinements dropped. */
function loosen(s: z.ZodType): z.ZodType {
  if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) return loosen(s.unwrap() as z.ZodType);
  if (s instanceof z.ZodObject)
    return z.object(Object.fromEntries(Object.entries(s.shape as Record<string, z.ZodType>).map(([k, v]) => [k, loosen(v).optional()])));
  if (s instanceof z.ZodArray) return z.array(loosen(s.element as z.ZodType)).max(500);
  return s;
}

export const AssessmentDraftSchema = loosen(AssessmentInputSchema).meta({
  id: 'AssessmentDraft',
  description: '未完成的自评填写（评价输入的各字段均可省略）',
});
export type AssessmentDraft = z.output<typeof AssessmentDraftSchema>;

export function draftRepository(prisma: Db) {
  return {
    find: (userId: string) => prisma.checkDraft.findUnique({ where: { userId } }),
    save: (userId: string, answers: AssessmentDraft, now: Date) =>
      prisma.checkDraft.upsert({
        where: { userId },
        create: { userId, answers: answers as object, updatedAt: now },
        update: { answers: answers as object, updatedAt: now },
      }),
  };
}
