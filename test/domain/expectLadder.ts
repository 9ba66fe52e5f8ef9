// Asserts a result's ladder against a ladder table case (test/domain/cases/ladder.ts) and the contract's
// invariants (contracts.md §5). Kept apart from the tables so benchmarks can read them without vitest.
import { expect } from 'vitest';
import type { AssessmentResult } from '../../server/domain/schemas/assessment.ts';
import type { LadderCase } from './cases/ladder.ts';

/** Asserts the parts of a result's ladder a case is about, and the contract's invariants. */
export function expectLadder(r: AssessmentResult, c: LadderCase): void {
  const l = r.ladder;
  expect(l, c.name).toBeTruthy();
  if (!l) return;
  const e = c.expect;
  if (e.tech !== undefined) expect(r.qualified, c.name).toBe(e.tech);
  const i = e.innovative;
  if (i) {
    for (const k of ['qualified', 'route', 'total', 'missing'] as const) if (i[k] !== undefined) expect(l.innovative[k], `${c.name}: ${k}`).toEqual(i[k]);
    if (i.scores) expect(l.innovative.scores, c.name).toMatchObject(i.scores);
    if (i.groups) expect(l.innovative.groups, c.name).toMatchObject(i.groups);
    for (const p of i.missingIncludes ?? []) expect(l.innovative.missing, c.name).toContain(p);
    for (const [code, text] of Object.entries(i.gaps ?? {}))
      expect(l.innovative.gaps.find((g) => g.code === code)?.text, `${c.name}: gap ${code}`).toContain(text);
  }
  for (const [key, t] of [['specialized', e.specialized], ['littleGiant', e.littleGiant]] as const) {
    if (!t) continue;
    const got = l[key];
    if (t.qualified !== undefined) expect(got.qualified, `${c.name}: ${key}.qualified`).toBe(t.qualified);
    for (const [code, state] of Object.entries(t.states ?? {}))
      expect(got.conditions.find((x) => x.code === code)?.state, `${c.name}: ${key} ${code}`).toBe(state);
    for (const [code, text] of Object.entries(t.gaps ?? {}))
      expect(got.conditions.find((x) => x.code === code)?.gap?.text, `${c.name}: ${key} gap ${code}`).toContain(text);
  }
  // Invariants: qualified false exactly when a condition is unmet; an unmet condition says what would meet it;
  // platform conditions never carry a guess; the innovative total is the sum of its groups.
  for (const t of [l.specialized, l.littleGiant]) {
    expect(t.qualified).toBe(t.conditions.some((x) => x.state === 'unmet') ? false : null);
    for (const x of t.conditions) {
      if (x.state === 'unmet') expect(x.gap?.text, `${c.name}: ${x.code}`).toMatch(/[\u4e00-\u9fff]/);
      if (x.state === 'unknown') expect(x.missing?.length ?? 0, `${c.name}: ${x.code} missing`).toBeGreaterThanOrEqual(0);
      if (x.state === 'platform') expect(x.gap).toBeUndefined();
    }
    expect(t.conditions.find((x) => x.code === 'QUALITY_SCORE')?.state).toBe('platform');
  }
  const g = l.innovative.groups;
  if (l.innovative.total !== null) expect(l.innovative.total).toBe(g.capability! + g.growth! + g.specialization!);
  if (l.innovative.qualified === null) expect(l.innovative.missing.length, c.name).toBeGreaterThan(0);
}
