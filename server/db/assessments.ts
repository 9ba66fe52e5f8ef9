// Stored assessments. Ids are random UUIDs: knowing an id is the only way to read an anonymous assessment.
import { randomUUID } from 'node:crypto';
import type { AssessmentInput, AssessmentResult } from '../domain/schemas/assessment.ts';
import type { Database } from './client.ts';
import { groupCommitInserter } from './groupCommit.ts';

/** The Assessment table's columns, in the order create() gives the values. */
export const ASSESSMENT_COLUMNS = ['id', 'ownerId', 'region', 'evaluationYear', 'qualified', 'route', 'total', 'rulesVersion', 'input', 'result', 'createdAt'] as const;

export interface StoredAssessment {
  id: string;
  ownerId: string | null;
  createdAt: Date;
  input: AssessmentInput;
  result: AssessmentResult;
}

/** A new assessment, with the JSON text of its input and result as stored: the response reuses it. */
export interface CreatedAssessment extends StoredAssessment {
  json: { input: string; result: string };
}

export function assessmentRepository({ prisma, provider, direct }: Pick<Database, 'prisma' | 'provider' | 'direct'>) {
  // Scoring is the API's hot path: its inserts are group-committed (see groupCommit.ts).
  const inserter = groupCommitInserter(prisma, provider, 'Assessment', ASSESSMENT_COLUMNS, direct);
  return {
    async create(input: AssessmentInput, result: AssessmentResult, ownerId: string | null = null): Promise<CreatedAssessment> {
      const id = randomUUID();
      const createdAt = new Date();
      const json = { input: JSON.stringify(input), result: JSON.stringify(result) };
      // Same order as ASSESSMENT_COLUMNS.
      await inserter.insert([
        id,
        ownerId,
        result.region,
        result.evaluationYear,
        result.qualified,
        result.route,
        result.total,
        result.rulesVersion,
        { jsonText: json.input },
        { jsonText: json.result },
        createdAt,
      ]);
      return { id, ownerId, createdAt, input, result, json };
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
