import { expect } from 'vitest';
import type { AssessmentResult } from '../../server/domain/schemas/assessment.ts';
import type { Case } from './cases/index.ts';

/** Asserts the parts of a result a table case is about. */
export function expectCase(r: AssessmentResult, c: Case): void {
  const e = c.expect;
  if (e.qualified !== undefined) expect(r.qualified).toBe(e.qualified);
  if (e.route !== undefined) expect(r.route).toBe(e.route);
  if (e.total !== undefined) expect(r.total).toBe(e.total);
  if (e.scores) expect(r.scores).toMatchObject(e.scores);
  if (e.ratios) expect(r.ratios).toMatchObject(e.ratios);
  if (e.derived) expect(r.derived).toMatchObject(e.derived);
  if (e.reasons) expect(r.reasons.map((x) => x.code)).toEqual(e.reasons);
  if (e.onSiteCheck) expect(r.onSiteCheck.map((x) => x.code)).toEqual(e.onSiteCheck);
  for (const w of e.warnings ?? []) expect(r.warnings.map((x) => x.code)).toContain(w);
  for (const w of e.noWarnings ?? []) expect(r.warnings.map((x) => x.code)).not.toContain(w);
  // Invariants of the contract, whatever the case.
  expect(r.qualified).toBe(r.route !== null && r.reasons.length === 0);
  if (r.route === 'direct') expect(r.reasons.map((x) => x.code)).not.toContain('SCORE_BELOW_60');
  expect(r.total).toBe(r.scores.techStaff + r.scores.rd + r.scores.ip);
  for (const x of [...r.reasons, ...r.onSiteCheck, ...r.warnings]) {
    expect(x.message).toMatch(/[\u4e00-\u9fff]/);
    expect(x.source?.title).toBeTruthy();
  }
}
