// Pre-check results to explain, built the real way (schema → pre-check).
import { readFileSync } from 'node:fs';
import { precheck } from '../../server/precheck/precheck.ts';
import type { ResolvedDocument } from '../../server/precheck/reconcile.ts';
import { PrecheckInputSchema, type PrecheckInputJson, type PrecheckResult } from '../../server/precheck/schemas.ts';

export const contractExample = (): PrecheckInputJson =>
  JSON.parse(readFileSync(new URL('../fixtures/contract-example.json', import.meta.url), 'utf8'));

export function precheckOf(input: PrecheckInputJson, docs: ResolvedDocument[] = []): PrecheckResult {
  return precheck(PrecheckInputSchema.parse(input), docs, { defaultYear: 2026 });
}

/** The contract example with 科技人员 cut to 4 of 44.75 (0 points): not qualified, fixable by hiring. */
export function failingExample(): PrecheckResult {
  const input = contractExample();
  input.staff = { employees: '44.75', techStaff: '4' };
  input.firstTime = true;
  return precheckOf(input);
}
