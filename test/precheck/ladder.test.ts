// The ladder in the pre-check: the year before last offered from the statements' comparative column (with its
// page), the owner's own answer winning, the assessment's ladder computed from both, and the explanation
// (template and guard) extended to the rungs and their figures.
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../server/explain/facts.ts';
import { guard } from '../../server/explain/guard.ts';
import { templateText } from '../../server/explain/template.ts';
import { numbersIn, factNumbers } from '../../server/explain/guard.ts';
import { contractExample, precheckOf } from '../explain/support.ts';
import { balance, file, incomeWithPrevious } from './statements.ts';

const withLadder = (ladder: Record<string, unknown> = {}) => ({
  ...contractExample(),
  ladder: { nicheYears: 4, innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: false, equity500: false }, ...ladder },
});
const docs = () => [file('d-income', '利润表.pdf', incomeWithPrevious()), file('d-balance', '资产负债表.pdf', balance())];

describe('ladder figures from the statements', () => {
  it('offers the comparative column’s 营业收入 and 研发费用 with their page, and 负债合计, filling unanswered fields', () => {
    const r = precheckOf(withLadder(), docs());
    expect(r.ladderFigures).toEqual([
      expect.objectContaining({ path: 'ladder.previousYear.operatingRevenue', value: '2600', used: true, column: '上年金额', origin: expect.objectContaining({ documentId: 'd-income', page: 1, line: '营业收入' }) }),
      expect.objectContaining({ path: 'ladder.previousYear.rdTotal', value: '110', used: true }),
      expect.objectContaining({ path: 'ladder.totalLiabilities', value: '700', used: true }),
    ]);
    const l = r.assessment!.ladder!;
    // 136.5 ≥ 100 and ≥ 3 % of 3000; 110 ≥ 100 and ≥ 3 % of 2600: both years met.
    expect(l.specialized.conditions.find((c) => c.code === 'RD')).toMatchObject({ state: 'met' });
    // 3000 ≥ 1.05 × 2600: the one-year growth stands in.
    expect(l.littleGiant.conditions.find((c) => c.code === 'GROWTH')).toMatchObject({ state: 'met' });
    // The 2019 format prints no 主营业务收入: only that is still asked.
    expect(l.innovative.missing).toContain('ladder.previousYear.mainBusinessRevenue');
    expect(l.innovative.missing).not.toContain('ladder.totalLiabilities');
  });

  it('keeps the owner’s answer over the statement’s (and says the statement’s was not used)', () => {
    const r = precheckOf(withLadder({ previousYear: { rdTotal: '90' } }), docs());
    expect(r.ladderFigures?.find((f) => f.path === 'ladder.previousYear.rdTotal')).toMatchObject({ value: '110', used: false });
    expect(r.assessment!.ladder!.specialized.conditions.find((c) => c.code === 'RD')).toMatchObject({ state: 'unmet' });
  });

  it('offers nothing without statements, and the ladder then asks for the previous year', () => {
    const r = precheckOf(withLadder());
    expect(r.ladderFigures).toBeUndefined();
    expect(r.assessment!.ladder!.specialized.conditions.find((c) => c.code === 'RD')).toMatchObject({ state: 'unknown', missing: ['ladder.previousYear.rdTotal'] });
  });
});

describe('explaining the ladder', () => {
  const r = precheckOf(withLadder({ previousYear: { rdTotal: '90' } }), docs());
  const facts = factsOf(r);

  it('puts each rung’s verdict, gaps and the notice into the facts and the template, every number from the facts', () => {
    expect(facts.ladder?.rungs.map((x) => [x.rung, x.verdict])).toEqual([
      ['innovative', 'undetermined'],
      ['specialized', 'not_qualified'],
      ['littleGiant', 'not_qualified'],
    ]);
    const text = templateText(facts);
    expect(text).toContain('更高一级');
    expect(text).toContain('不符合专精特新中小企业认定标准');
    expect(text).toContain('以当年官方通知为准');
    const known = factNumbers(facts);
    expect(numbersIn(text).filter((n) => !known.has(n))).toEqual([]);
    expect(guard(text.slice(0, 880), facts)).toMatchObject({ ok: true });
  });

  it.each([
    ['says a rung is met that is not', '企业符合科技型中小企业评价条件。企业已符合专精特新中小企业认定标准，可以申报。', 'contradicts_verdict'],
    ['claims 创新型 while it is still open', '企业符合科技型中小企业评价条件。企业符合创新型中小企业评价标准。', 'contradicts_verdict'],
    ['says 小巨人 is not met (true)', '企业符合科技型中小企业评价条件。目前不符合专精特新“小巨人”企业的认定标准，营业收入差距较大。', true],
    ['a rung sentence does not count as the 科技型 verdict', '企业不符合专精特新中小企业认定标准，请继续努力准备相关材料。', 'verdict_missing'],
    ['invents a ladder figure', '企业符合科技型中小企业评价条件。专精特新需要研发费用达到150万元。', 'invented_number'],
  ])('%s', (_, text, expected) => {
    const g = guard(text, facts);
    if (expected === true) expect(g).toEqual({ ok: true });
    else expect(g).toMatchObject({ ok: false, failure: expected });
  });
});

describe('a rung left to the platform', () => {
  it('is worded without a verdict the guard would read as the 科技型 one', () => {
    const r = precheckOf(
      withLadder({ previousYear: { rdTotal: '110', operatingRevenue: '2600', mainBusinessRevenue: '2500' }, ladder: undefined, ipClass1SelfDeveloped: 0, innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: true, equity500: false } }),
    );
    const facts = factsOf(r);
    expect(facts.ladder?.rungs.find((x) => x.rung === 'specialized')?.verdict).toBe('platform');
    const text = templateText(facts);
    expect(text).toContain('最终结果由平台评价');
    expect(guard(text.slice(0, 880), facts)).toMatchObject({ ok: true });
  });
});
