// The template explanation: natural Chinese from the facts alone, covering every reason, gap, flag, check and
// question, and always passing the same guard a model's answer must pass.
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../server/domain/schemas/assessment.ts';
import { factsOf } from '../../server/explain/facts.ts';
import { guard } from '../../server/explain/guard.ts';
import { FLAG_ADVICE, REASON_ADVICE, templateText } from '../../server/explain/template.ts';
import type { PrecheckInputJson } from '../../server/precheck/schemas.ts';
import { gen, randomFirm } from '../precheck/gen.ts';
import { file, income2019 } from '../precheck/statements.ts';
import { contractExample, failingExample, precheckOf } from './support.ts';

const unbounded = { minChars: 1, maxChars: Infinity };

describe('template explanation', () => {
  it('the contract example (qualified by score) opens with the verdict and the scores', () => {
    const text = templateText(factsOf(precheckOf(contractExample())));
    expect(text.split('\n')[0]).toBe(
      '按您提供的信息，企业符合科技型中小企业评价条件：综合得分74分（科技人员20分、研发投入30分、科技成果24分），已达到60分且科技人员指标不为0分。',
    );
    expect(text).toContain('可能被列为现场核查对象的情形：\n1. 首次参加科技型中小企业评价。首次参评的企业会被现场核查');
  });

  it('a failing firm: the reason, what it means, what to change, the cheapest way and the 直通车 routes', () => {
    const text = templateText(factsOf(failingExample()));
    expect(text).toContain('按您提供的信息，企业目前不符合科技型中小企业评价条件。综合得分54分（科技人员0分、研发投入30分、科技成果24分）。');
    expect(text).toContain('2. 科技人员指标得分为0分（科技人员占职工总数的比例为8.94%，低于10%）。科技人员占职工总数的比例低于10%时该项为0分');
    expect(text).toContain('1. 新增4名全年在岗的科技人员（职工总数随之增加），综合得分可达62分');
    expect(text).toContain('按估算成本，最省的做法是新增1名全年在岗的科技人员（职工总数随之增加），并取得1项Ⅰ类知识产权（如发明专利），综合得分可达64分，估算约15万元');
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('null');
  });

  it('every reason code has its own advice, every flag code the extraction and risk rules raise has advice', () => {
    for (const code of REASON_CODES) expect(REASON_ADVICE[code], code).toBeTypeOf('function');
    for (const code of ['FEW_STAFF', 'NO_IP', 'LOW_RD', 'PAST_VIOLATION', 'FIRST_TIME', 'TECH_RATIO_HIGH', 'LARGE_SWING'])
      expect(FLAG_ADVICE[code], code).toBeTruthy();
  });

  it('covers every reason, lever, flag, check, warning and question of hundreds of random pre-checks, and passes the guard', () => {
    const g = gen(42);
    for (let i = 0; i < 300; i++) {
      const input = randomFirm(g) as PrecheckInputJson;
      if (g.chance(0.3)) delete input.directPass!.nationalAwardTop3; // some undetermined
      if (g.chance(0.2)) input.previousYear = { salesRevenue: g.wan(1, 50) };
      const docs = g.chance(0.3) ? [file('d', '利润表.pdf', income2019())] : [];
      const r = precheckOf(input, docs);
      const f = factsOf(r);
      const text = templateText(f);
      const verdict = guard(text, f, unbounded);
      expect(verdict, `firm ${i}: ${text}`).toEqual({ ok: true });
      for (const x of r.reasons) expect(text, `firm ${i}`).toContain(x.message.replace(/。$/, ''));
      for (const l of f.levers) expect(text).toContain(l.text);
      if (f.cheapest) expect(text).toContain(f.cheapest.text);
      for (const x of [...f.flags, ...f.checks, ...f.warnings]) expect(text).toContain(x.message.replace(/。$/, ''));
      for (const q of f.questions) expect(text).toContain(q.question);
    }
  });

  it('facts carry no file names, company names or document text', () => {
    const r = precheckOf(contractExample(), [file('d', '郑州示例科技有限公司2025利润表.pdf', income2019({ operatingRevenue: '31000000.00' }))]);
    const json = JSON.stringify(factsOf(r));
    expect(json).not.toContain('郑州示例');
    expect(json).not.toContain('.pdf');
    expect(json).toContain('比利润表（第1页）少100.00万元');
  });
});
