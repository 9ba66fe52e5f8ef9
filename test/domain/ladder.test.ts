// The ladder engine (ladder.md, contracts.md §5) on its tables, plus what the tables cannot say alone: the
// result's schema, exactness on float traps, dated rules and inputs the ladder refuses.
import { describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { parseDecimal } from '../../server/domain/exact.ts';
import { ladderFacts } from '../../server/domain/ladder/facts.ts';
import { innovative } from '../../server/domain/ladder/innovative.ts';
import { inForce } from '../../server/domain/rules/dated.ts';
import { INNOVATIVE } from '../../server/domain/rules/ladder.ts';
import { PACKS } from '../../server/domain/rules/packs.ts';
import { AssessmentInputSchema, AssessmentResultSchema } from '../../server/domain/schemas/assessment.ts';
import { validate } from '../../server/domain/validate.ts';
import { ladderState } from '../../server/batch/ladder.ts';
import { ALL_LADDER_CASES, LADDER_CASES } from './cases/ladder.ts';
import { expectLadder } from './expectLadder.ts';
import { firm, rd } from './firm.ts';

const run = (input: unknown) => {
  const v = validate(AssessmentInputSchema, input);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return assess(v.value);
};

describe.each(Object.entries(LADDER_CASES))('ladder %s', (_, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const r = run(c.input);
    expectLadder(r, c);
    // The result (ladder included) is what the schema says it is, and the batch's column reads it.
    expect(AssessmentResultSchema.safeParse(r).success).toBe(true);
    const row = ladderState(r)!;
    expect(row).toMatchObject({ innovative: r.ladder!.innovative.qualified, specialized: r.ladder!.specialized.qualified, littleGiant: r.ladder!.littleGiant.qualified });
  });
});

describe('ladder engine', () => {
  it('has every case name once, so a failure names one rule', () => {
    const names = ALL_LADDER_CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('decides band edges exactly where binary floats would not (1.15 / 1 − 1 is exactly 15 %)', () => {
    const input = firm({
      finance: { totalAssets: '10', netAssets: '5', salesRevenue: '1.5', mainBusinessRevenue: '1.15', totalCost: '9' },
      rdProjects: rd('0.3'),
      ladder: { previousYear: { mainBusinessRevenue: '1' } },
    });
    const r = run(input);
    expect(r.ladder!.innovative.scores.growth).toBe(20);
    expect(r.ladder!.innovative.ratios.growth).toBe('0.1500');
    expect(1.15 / 1 - 1 >= 0.15).toBe(false); // the float comparison the engine must not make
  });

  it('gives the 2026 specialized and little-giant rungs only from 2026 on; 创新型 from 2022', () => {
    expect(run(firm({ evaluationYear: 2025 })).ladder).toBeUndefined();
    expect(run(firm({ evaluationYear: 2026 })).ladder?.specialized.source.id).toBe('L2');
    expect(inForce(INNOVATIVE, 2022).source.id).toBe('L1');
  });

  it('refuses ladder Ⅰ类 counts above the Ⅰ类 items declared, with a Chinese message and the path', () => {
    const v = validate(AssessmentInputSchema, firm({ ip: { invention: 1 }, ladder: { ipClass1SelfDeveloped: 2 } }));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues).toContainEqual(expect.objectContaining({ path: 'ladder.ipClass1SelfDeveloped', code: 'EXCEEDS_CLASS1', message: expect.stringMatching(/Ⅰ类/) }));
    const bad = validate(AssessmentInputSchema, firm({ ladder: { previousYear: { rdTotal: '十万' }, nicheYears: -1 } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => [i.path, i.code])).toEqual(expect.arrayContaining([['ladder.previousYear.rdTotal', 'INVALID_AMOUNT'], ['ladder.nicheYears', 'OUT_OF_RANGE']]));
  });

  it('reads a Ningbo firm’s 直通车 lab (which counts 宁波市级) as no answer about a provincial lab', () => {
    const input = validate(AssessmentInputSchema, firm({ region: 'ningbo', basic: { registeredInRegion: true }, directPass: { highTechCertificate: false, nationalAwardTop3: false, provincialRdInstitution: true, ledStandard: false } }));
    if (!input.ok) throw new Error('invalid');
    expect(ladderFacts(input.value, parseDecimal('60'), true, PACKS.ningbo!).direct.provincialLab).toBeNull();
    expect(ladderFacts(input.value, parseDecimal('60'), true, PACKS.national!).direct.provincialLab).toBe(true);
  });

  it('never lists a gap for a firm that passes or cannot be judged', () => {
    for (const c of ALL_LADDER_CASES) {
      const l = run(c.input).ladder!.innovative;
      if (l.qualified !== false) expect(l.gaps, c.name).toEqual([]);
    }
  });

  it('each innovative gap, applied alone, makes the firm pass (rdRatio checked by re-scoring)', () => {
    const c = LADDER_CASES.innovativeCases.find((x) => x.name.startsWith('总分 55 分'))!;
    const r = run(c.input);
    const gap = r.ladder!.innovative.gaps.find((g) => g.code === 'rdRatio')!;
    expect(gap).toMatchObject({ kind: 'amount', add: '0.01', target: '30.00' });
    const f = validate(AssessmentInputSchema, c.input);
    if (!f.ok) throw new Error('invalid');
    const rules = inForce(INNOVATIVE, 2026);
    expect(innovative(ladderFacts(f.value, parseDecimal('29.99'), true, PACKS.national!), rules).qualified).toBe(false);
    expect(innovative(ladderFacts(f.value, parseDecimal('30.00'), true, PACKS.national!), rules).qualified).toBe(true);
  });
});

describe('ladder upkeep', () => {
  it('carries the region pack’s update date and 小巨人 window of the year, and Henan’s 3-month major-change rule, each sourced', () => {
    const henan = run(firm({ region: 'henan' })).ladder!.upkeep;
    expect(henan.find((u) => u.kind === 'tierUpdateDeadline')).toMatchObject({ date: '2026-04-30', certainty: 'sure', source: { id: 'L3' } });
    expect(henan.find((u) => u.kind === 'giantFilingCloses')).toMatchObject({ date: '2026-05-25', certainty: 'fairly_sure' });
    expect(henan.at(-1)).toMatchObject({ kind: 'majorChange', date: null, source: { id: 'L3', article: '第十五条' } });
    const national2027 = run(firm({ evaluationYear: 2027 })).ladder!.upkeep;
    expect(national2027.find((u) => u.kind === 'tierUpdateDeadline')).toMatchObject({ date: '2027-05-31', certainty: 'provisional' });
    // The major-change rule is Henan's (L3); no national text sets it.
    expect(national2027.some((u) => u.kind === 'majorChange')).toBe(false);
  });
});
