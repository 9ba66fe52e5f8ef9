// Stored pre-checks. Ids are random UUIDs; one with an owner is visible to that owner only.
import { randomUUID } from 'node:crypto';
import type { PrecheckInput, PrecheckResult } from '../precheck/schemas.ts';
import type { Db } from './client.ts';

export interface StoredPrecheck {
  id: string;
  ownerId: string | null;
  createdAt: Date;
  input: PrecheckInput;
  result: PrecheckResult;
}

export function precheckRepository(prisma: Db) {
  const view = (row: { id: string; ownerId: string | null; createdAt: Date; input: unknown; result: unknown }): StoredPrecheck => ({
    id: row.id,
    ownerId: row.ownerId,
    createdAt: row.createdAt,
    input: row.input as PrecheckInput,
    result: row.result as PrecheckResult,
  });
  return {
    async create(input: PrecheckInput, result: PrecheckResult, ownerId: string | null): Promise<StoredPrecheck> {
      const row = await prisma.precheck.create({
        data: {
          id: randomUUID(),
          ownerId,
          evaluationYear: result.evaluationYear,
          region: result.region,
          verdict: result.verdict,
          explanationSource: result.explanation?.source ?? 'template',
          rulesVersion: result.rulesVersion,
          input: input as object,
          result: result as object,
        },
      });
      return view(row);
    },

    async find(id: string): Promise<StoredPrecheck | null> {
      const row = await prisma.precheck.findUnique({ where: { id } });
      return row && view(row);
    },

    async deleteByOwner(ownerId: string): Promise<number> {
      return (await prisma.precheck.deleteMany({ where: { ownerId } })).count;
    },
  };
}

export type PrecheckRepository = ReturnType<typeof precheckRepository>;
