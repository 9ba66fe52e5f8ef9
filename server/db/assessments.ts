// Stored assessments. Ids are random UUIDs: knowing an id is the only way to read an anonymous assessment.
import { randomUUID } from 'node:crypto';
import type { AssessmentInput, AssessmentResult } from '../domain/schemas/assessment.ts';
import type { Database } from './client.ts';
import { groupCommitInserter } from './groupCommit.ts';

const COLUMNS = ['id', 'ownerId', 'region', 'evaluationYear', 'qualified', 'route', 'total', 'rulesVersion', 'input', 'result', 'createdAt'] as const;

export interface StoredAssessment {
  id: string;
  ownerId: string | null;
  createdAt: Date;
  input: AssessmentInput;
  result: AssessmentResult;
}

export function assessmentRepository({ prisma, provider }: Pick<Database, 'prisma' | 'provider'>) {
  // Scoring is the API's hot path: its inserts are group-committed (see groupCommit.ts).
  const inserter = groupCommitInserter(prisma, provider, 'Assessment', COLUMNS);
  return {
    async create(input: AssessmentInput, result: AssessmentResult, ownerId: string | null = null): Promise<StoredAssessment> {
      const id = randomUUID();
      const createdAt = new Date();
      // Same order as COLUMNS.
      await inserter.insert([
        id,
        ownerId,
        result.region,
        result.evaluationYear,
        result.qualified,
        result.route,
        result.total,
        result.rulesVersion,
        { json: input },
        { json: result },
        createdAt,
      ]);
      return { id, ownerId, createdAt, input, result };
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
