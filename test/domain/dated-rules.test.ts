// Rules are data dated by the year they apply from: next year's change is a new entry, not new code.
import { describe, expect, it } from 'vitest';
import { evaluateConditions } from '../../server/domain/conditions.ts';
import { inForce, inForceOrNull, type Dated } from '../../server/domain/rules/dated.ts';
import { CONDITIONS, EXCLUDED_INDUSTRIES, SIZE_LIMITS } from '../../server/domain/rules/national.ts';
import { PACKS } from '../../server/domain/rules/packs.ts';
import { cite } from '../../server/domain/rules/sources.ts';

describe('dated rules', () => {
  const history: Dated<number>[] = [
    { since: 2017, source: cite('S1'), value: 1 },
    { since: 2027, source: cite('S2'), value: 2 },
  ];

  it('picks the version in force for the evaluation year', () => {
    expect(inForce(history, 2026).value).toBe(1);
    expect(inForce(history, 2027).value).toBe(2);
    expect(inForce(history, 2030).value).toBe(2);
    expect(inForceOrNull(history, 2016)).toBeNull();
    expect(() => inForce(history, 2016)).toThrow();
  });

  it('gives every condition a source and a year', () => {
    for (const c of CONDITIONS) {
      expect(c.source.title, c.code).toMatch(/[《〔]/);
      expect(c.since).toBeGreaterThanOrEqual(2017);
    }
  });

  it('leaves out conditions that did not apply yet in an earlier year', () => {
    const ctx = {
      pack: PACKS.national!,
      size: SIZE_LIMITS[0]!.value,
      sizeSource: SIZE_LIMITS[0]!.source,
      excludedIndustries: EXCLUDED_INDUSTRIES[0]!.value,
      industrySource: EXCLUDED_INDUSTRIES[0]!.source,
    };
    const codes = (year: number) => evaluateConditions({}, { ...ctx, year }).map((c) => c.code);
    expect(codes(2020)).not.toContain('TAX_METHOD');
    expect(codes(2020)).toContain('SIZE');
    expect(codes(2026)).toEqual(CONDITIONS.map((c) => c.code));
  });

  it('treats unknown facts as unknown, never as failures', () => {
    const ctx = {
      year: 2026,
      pack: PACKS.ningbo!,
      size: SIZE_LIMITS[0]!.value,
      sizeSource: SIZE_LIMITS[0]!.source,
      excludedIndustries: EXCLUDED_INDUSTRIES[0]!.value,
      industrySource: EXCLUDED_INDUSTRIES[0]!.source,
    };
    const outcomes = evaluateConditions({}, ctx);
    expect(outcomes.filter((o) => o.code !== 'INDUSTRY').every((o) => o.met === null)).toBe(true);
    expect(outcomes.flatMap((o) => o.failures)).toEqual([]);
    expect(outcomes.find((o) => o.code === 'LAB')?.label).toContain('宁波市级');
    expect(outcomes.find((o) => o.code === 'REG')?.label).toContain('宁波市');
  });
});
