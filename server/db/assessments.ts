// Stored assessments. Ids are random UUIDs: knowing an id is the only way to read an anonymous assessment.
import { randomUUID } from 'node:crypto';
import type { AssessmentInput, AssessmentResult } from '../domain/schemas/assessment.ts';
import type { Db } from './client.ts';

export interface StoredAssessment {
  id: string;
  ownerId: string | null;
  createdAt: Date;
  input: AssessmentInput;
  result: AssessmentResult;
}

export function assessmentRepository(prisma: Db) {
  return {
    async create(input: AssessmentInput, result: AssessmentResult, ownerId: string | null = null): Promise<StoredAssessment> {
      const row = await prisma.assessment.create({
        data: {
          id: randomUUID(),
          ownerId,
          region: result.region,
          evaluationYear: result.evaluationYear,
          qualified: result.qualified,
          route: result.route,
          total: result.total,
          rulesVersion: result.rulesVersion,
          input,
          result,
        },
      });
      return { id: row.id, ownerId: row.ownerId, createdAt: row.createdAt, input, result };
    },

    async find(id: string): Promise<StoredAssessment | null> {
      const row = await prisma.assessment.findUnique({ where: { id } });
      if (!row) return null;
      return {
        id: row.id,
        ownerId: row.ownerId,
        createdAt: row.createdAt,
        input: row.input as AssessmentInput,
        result: row.result as AssessmentResult,
      };
    },

    async deleteByOwner(ownerId: string): Promise<number> {
      return (await prisma.assessment.deleteMany({ where: { ownerId } })).count;
    },
  };
}

export type AssessmentRepository = ReturnType<typeof assessmentRepository>;
