// The guard, sentence by sentence: what a model may say about a firm that does not qualify, one that does,
// and one whose verdict is still open.
import { describe, expect, it } from 'vitest';
import { factsOf, type ExplainFacts } from '../../server/explain/facts.ts';
import { guard, numbersIn } from '../../server/explain/guard.ts';
import { contractExample, failingExample, precheckOf } from './support.ts';

const notQualified = factsOf(failingExample());
const qualified = factsOf(precheckOf(contractExample()));
const undetermined = factsOf(precheckOf({ staff: { employees: '44.75', techStaff: '4' } }));

const pad = (s: string) => `${s}请根据以上说明准备材料。`;

describe('guard', () => {
  it('the facts are what the examples say', () => {
    expect([notQualified.verdict, qualified.verdict, undetermined.verdict]).toEqual(['not_qualified', 'qualified', 'undetermined']);
    expect(notQualified.scores.total).toBe(54);
  });

  it.each<[string, ExplainFacts, string, string | true]>([
    ['正常：不符合，说明原因与调整', notQualified, '企业目前不符合科技型中小企业评价条件，综合得分54分，科技人员指标为0分。若新增1名科技人员，即可使科技人员指标不为0分。', true],
    ['条件句中的“符合条件”不是结论', notQualified, '企业暂不符合评价条件。如果再招聘1名科技人员，企业就能符合条件。', true],
    ['建议句中的“通过”不是结论', notQualified, '企业尚未达到评价要求，可以通过增加科技人员来提高得分。', true],
    ['“符合条件的研发费用”是名词，不是结论', notQualified, '企业不符合评价条件。委托境外研发费用不得超过境内符合条件的研发费用的三分之二。', true],
    ['“合格线”是名词', notQualified, '企业目前不符合评价条件，综合得分54分，未达到合格线60分。', true],
    ['与结论相反：说符合', notQualified, '企业符合科技型中小企业评价条件，综合得分54分，请继续保持。', 'contradicts_verdict'],
    ['与结论相反：说合格', notQualified, '经测算，企业评价合格，综合得分54分，可以准备申报材料。', 'contradicts_verdict'],
    ['没有说出结论', notQualified, '企业综合得分54分，科技人员指标为0分，建议增加科技人员。', 'verdict_missing'],
    ['编造数字', notQualified, '企业目前不符合评价条件，综合得分52分，需要再招聘3名科技人员。', 'invented_number'],
    ['编造中文数字', notQualified, '企业目前不符合评价条件，综合得分五十四分，需要再招聘三名科技人员。', 'invented_number'],
    ['中文数字与事实一致', notQualified, '企业目前不符合评价条件，综合得分五十四分，需要再招聘一名科技人员。', true],
    ['千分位与全角数字按数值比较', notQualified, '企业目前不符合评价条件，研发费用总额１３６.５万元，销售收入3,000万元。', true],
    ['符合：直说', qualified, '企业符合科技型中小企业评价条件，综合得分74分（科技人员20分、研发投入30分、科技成果24分）。', true],
    ['符合却说不符合', qualified, '很遗憾，企业不符合科技型中小企业评价条件，综合得分74分。', 'contradicts_verdict'],
    ['符合却说不合格', qualified, '企业综合得分74分，但评价不合格。', 'contradicts_verdict'],
    ['符合：提到未达到的现场核查门槛不算否定结论', qualified, '企业符合评价条件。首次参加评价，可能被列为现场核查对象。', true],
    ['待定：说明还需补充', undetermined, '目前信息不全，暂无法判断是否符合评价条件，还需补充直通车条件和财务数据。', true],
    ['待定却下结论', undetermined, '企业不符合科技型中小企业评价条件，还需补充财务数据。', 'contradicts_verdict'],
    ['待定却说符合', undetermined, '企业符合评价条件，但还需补充财务数据。', 'contradicts_verdict'],
  ])('%s', (_, facts, text, expected) => {
    const r = guard(pad(text), facts);
    if (expected === true) expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, failure: expected });
  });

  it('bounds the length', () => {
    expect(guard('不符合', notQualified)).toMatchObject({ ok: false, failure: 'empty' });
    expect(guard(`企业目前不符合评价条件。${'请核对材料。'.repeat(200)}`, notQualified)).toMatchObject({ ok: false, failure: 'too_long' });
  });

  it('reads numbers the way people write them', () => {
    expect(numbersIn('3,000.50万元、１３６.５、两项、三十分、统一、一些、三分之二')).toEqual(['3000.5', '136.5', '2', '30']);
  });
});
