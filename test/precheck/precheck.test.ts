// The pre-check core: reconciliation with statements (contracts.md §3), three-valued conditions on incomplete
// forms, questions in form order, reviewer risk. Complete forms are held to the assessment itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { rdTotal } from '../../server/domain/rdTotal.ts';
import { inForce } from '../../server/domain/rules/dated.ts';
import { RD_ARITHMETIC } from '../../server/domain/rules/national.ts';
import { findPack } from '../../server/domain/rules/packs.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { validate } from '../../server/domain/validate.ts';
import { FORM_ORDER } from '../../server/precheck/questions.ts';
import { judge, precheck } from '../../server/precheck/precheck.ts';
import { reconcile, type ResolvedDocument } from '../../server/precheck/reconcile.ts';
import { PrecheckInputSchema, PrecheckResultSchema, type PrecheckInputJson } from '../../server/precheck/schemas.ts';
import { gen, randomFirm } from './gen.ts';
import { a107012, balance, file, income2019, staffTable, statement } from './statements.ts';

const example = (): PrecheckInputJson =>
  JSON.parse(readFileSync(new URL('../fixtures/contract-example.json', import.meta.url), 'utf8'));

function run(input: PrecheckInputJson, docs: ResolvedDocument[] = []) {
  const v = validate(PrecheckInputSchema, input);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const r = precheck(v.value, docs, { defaultYear: 2026 });
  PrecheckResultSchema.parse(r); // the result always honours its contract
  return r;
}
const codes = (xs: { code: string }[]) => xs.map((x) => x.code);
const figure = (r: ReturnType<typeof run>, key: string) => r.figures.find((f) => f.key === key);

describe('complete forms: the pre-check agrees with the assessment', () => {
  const g = gen(99);
  const sample = Array.from({ length: 300 }, () => randomFirm(g));

  it('verdict, route, reasons, on-site triggers and warnings are the assessment’s own', () => {
    for (const [i, json] of sample.entries()) {
      const a = assess(AssessmentInputSchema.parse(json));
      const r = run(json);
      expect(r.assessment, `firm ${i}`).toEqual(a);
      expect(r.verdict).toBe(a.qualified ? 'qualified' : 'not_qualified');
      expect(codes(r.flags.filter((f) => f.kind === 'on_site'))).toEqual(codes(a.onSiteCheck));
      expect([...codes(r.warnings), ...codes(r.flags.filter((f) => f.kind === 'review'))].sort()).toEqual(codes(a.warnings).sort());
      expect(r.questions.filter((q) => q.neededForVerdict)).toEqual([]);
    }
  });

  it('the three-valued judgement alone reaches the same verdict, route and reasons', () => {
    for (const [i, json] of sample.entries()) {
      const input = PrecheckInputSchema.parse(json);
      const full = AssessmentInputSchema.parse(json);
      const a = assess(full);
      const rec = reconcile(input, [], 2026);
      const rd = rdTotal(full.rdProjects, inForce(RD_ARITHMETIC, 2026).value);
      const ip = { class1: a.derived.ipClass1, class2: a.derived.ipClass2 };
      const j = judge(input, rec.values, rd, ip, 2026, findPack(full.region)!);
      expect(j.qualified, `firm ${i}`).toBe(a.qualified);
      expect(j.route).toBe(a.route);
      expect(codes(j.reasons)).toEqual(codes(a.reasons));
      expect(j.s.full?.total).toBe(a.total);
    }
  });
});

describe('incomplete forms: a missing fact is never false', () => {
  const DROPPABLE: ((j: PrecheckInputJson) => void)[] = [
    (j) => delete j.basic!.registeredInMainland,
    (j) => delete j.basic!.taxCollection,
    (j) => delete j.basic!.creditClean,
    (j) => delete j.basic!.productsAllowed,
    (j) => delete j.directPass!.highTechCertificate,
    (j) => delete j.rdAuxiliaryAccount,
    (j) => delete j.finance!.totalAssets,
    (j) => delete j.finance!.salesRevenue,
    (j) => delete j.finance!.totalCost,
    (j) => delete j.rdProjects,
    (j) => delete j.ip,
    (j) => delete j.staff,
    (j) => j.staff && delete (j.staff as { techStaff?: string }).techStaff,
    (j) => delete j.firstTime,
  ];

  it('dropping facts at random never contradicts the full verdict, its reasons or a known condition', () => {
    const g = gen(5);
    for (let i = 0; i < 400; i++) {
      const json = randomFirm(g);
      const a = assess(AssessmentInputSchema.parse(json));
      const full = run(json);
      const partial = structuredClone(json) as PrecheckInputJson;
      for (const drop of DROPPABLE) if (g.chance(0.3)) drop(partial);
      const r = run(partial);
      if (r.verdict !== 'undetermined') expect(r.verdict, `firm ${i}`).toBe(full.verdict);
      for (const code of codes(r.reasons)) expect(codes(a.reasons), `firm ${i}`).toContain(code);
      for (const c of r.conditions)
        if (c.state !== 'unknown') expect(full.conditions.find((x) => x.code === c.code)?.state, `${c.code} firm ${i}`).toBe(c.state);
      for (const k of ['techStaff', 'rd', 'ip'] as const) if (r.scores[k] !== null) expect(r.scores[k]).toBe(a.scores[k]);
    }
  });

  it('行业代码未填：与评价表一致，视为未核对（不作不符合），提示 INDUSTRY_NOT_CHECKED 并列为待答问题', () => {
    const r = run({ basic: { taxCollection: 'audit' } });
    expect(r.conditions.find((c) => c.code === 'INDUSTRY')?.state).toBe('met');
    expect(codes(r.warnings)).toContain('INDUSTRY_NOT_CHECKED');
    expect(r.questions.map((q) => q.path)).toContain('basic.industryCode');
    expect(codes(run({ basic: { industryCode: 'F5191' } }).reasons)).toEqual(['INDUSTRY']);
  });

  it('an empty form: undetermined, nothing failed, every question in the form’s order', () => {
    const r = run({});
    expect(r.verdict).toBe('undetermined');
    expect(r.reasons).toEqual([]);
    expect(r.gaps).toBeNull();
    expect(r.assessment).toBeNull();
    expect(r.questions.map((q) => q.path)).toEqual(FORM_ORDER.filter((q) => !q.when).map((q) => q.path));
    expect(r.questions.find((q) => q.path === 'firstTime')?.neededForVerdict).toBe(false);
    expect(r.questions.find((q) => q.path === 'basic.taxCollection')?.neededForVerdict).toBe(true);
    expect(r.conditions.find((c) => c.code === 'SIZE')?.state).toBe('unknown');
  });

  it('宁波 asks whether the firm is registered locally; national does not', () => {
    expect(run({ region: 'ningbo' }).questions.map((q) => q.path)).toContain('basic.registeredInRegion');
    expect(run({}).questions.map((q) => q.path)).not.toContain('basic.registeredInRegion');
  });

  it.each([
    {
      name: '核定征收：不论其他条件，已可判定不符合',
      input: { basic: { taxCollection: 'assessed' } },
      verdict: 'not_qualified',
      reasons: ['TAX_METHOD'],
    },
    {
      name: '没有研发支出辅助账：已可判定不符合（直通车企业同样）',
      input: { rdAuxiliaryAccount: false, directPass: { highTechCertificate: true } },
      verdict: 'not_qualified',
      reasons: ['NO_RD_ACCOUNT'],
    },
    {
      name: '科技人员占比不足10%且无直通车：不符合（TECH_STAFF_ZERO），其余不必知道',
      input: {
        staff: { employees: '100', techStaff: '5' },
        directPass: { highTechCertificate: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
      },
      verdict: 'not_qualified',
      reasons: ['TECH_STAFF_ZERO'],
    },
    {
      name: '科技人员占比不足10%但直通车条件未答：尚不能判定，也不列原因',
      input: { staff: { employees: '100', techStaff: '5' } },
      verdict: 'undetermined',
      reasons: [],
    },
    {
      name: '已知指标最多得49分（科技人员4分、研发0分，知识产权未知最多30分）：不符合',
      input: {
        staff: { employees: '100', techStaff: '10' },
        finance: { salesRevenue: '1000', totalCost: '900' },
        rdProjects: [],
        directPass: { highTechCertificate: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
      },
      verdict: 'not_qualified',
      reasons: ['SCORE_BELOW_60'],
    },
    {
      name: '高新技术企业、基本条件与规模已知、有辅助账：直通车符合，不需要研发和知识产权数据',
      input: {
        basic: { registeredInMainland: true, productsAllowed: true, creditClean: true, taxCollection: 'audit' },
        directPass: { highTechCertificate: true },
        rdAuxiliaryAccount: true,
        finance: { totalAssets: '1500', salesRevenue: '3000' },
        staff: { employees: '45', techStaff: '3' },
      },
      verdict: 'qualified',
      reasons: [],
    },
    {
      name: '科技人员20分、研发50分已知：知识产权未知也已达60分',
      input: {
        basic: { registeredInMainland: true, productsAllowed: true, creditClean: true, taxCollection: 'audit' },
        directPass: { highTechCertificate: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
        rdAuxiliaryAccount: true,
        finance: { totalAssets: '1500', salesRevenue: '1000', totalCost: '900' },
        rdProjects: [{ name: 'a', form: 'self', status: 'ongoing', amount: '60' }],
        staff: { employees: '100', techStaff: '30' },
      },
      verdict: 'qualified',
      reasons: [],
    },
  ] as { name: string; input: PrecheckInputJson; verdict: string; reasons: string[] }[])('$name', ({ input, verdict, reasons }) => {
    const r = run(input);
    expect(r.verdict).toBe(verdict);
    expect(codes(r.reasons)).toEqual(reasons);
    if (verdict !== 'undetermined') expect(r.questions.every((q) => !q.neededForVerdict)).toBe(true);
    else expect(r.questions.some((q) => q.neededForVerdict)).toBe(true);
  });

  it('gaps appear as soon as the figures are known, with the 直通车 routes and their states', () => {
    const r = run({
      staff: { employees: '100', techStaff: '9' },
      finance: { salesRevenue: '1000', totalCost: '900' },
      rdProjects: [{ name: 'a', form: 'self', status: 'ongoing', amount: '60' }],
      ip: { invention: 1 },
      directPass: { highTechCertificate: false },
    });
    expect(r.gaps?.levers).toEqual([{ lever: 'techStaff', add: '2', totalAfter: 84 }]);
    expect(r.gaps?.directRoutes?.map((d) => [d.code, d.state])).toEqual([
      ['HNTE', 'not_met'],
      ['AWARD', 'unknown'],
      ['LAB', 'unknown'],
      ['STD', 'unknown'],
    ]);
  });
});

describe('reconciling statements with the declared form', () => {
  const docs = [file('d1', '利润表.pdf', income2019()), file('d2', '资产负债表.pdf', balance())];

  it('statements that agree with the contract example: figures with their origin, nothing to report', () => {
    const r = run(example(), docs);
    expect(figure(r, 'salesRevenue')).toMatchObject({
      value: '3000',
      unit: '万元',
      origin: { kind: 'document', documentId: 'd1', file: '利润表.pdf', statement: 'income_statement', page: 1, field: 'operatingRevenue', unit: '元' },
      alternatives: [{ value: '3000', origin: { kind: 'declared', path: 'finance.salesRevenue' } }],
    });
    const cost = figure(r, 'totalCost')!;
    expect(cost.value).toBe('2800');
    expect(cost.origin).toMatchObject({ kind: 'derived', formula: expect.stringContaining('研发费用') });
    expect(cost.origin.kind === 'derived' && cost.origin.from.map((o) => o.kind === 'document' && o.field)).toEqual([
      'operatingCost', 'taxesAndSurcharges', 'sellingExpenses', 'adminExpenses', 'financeExpenses', 'rdExpenses',
    ]);
    expect(figure(r, 'employees')).toMatchObject({ value: '44.75', origin: { kind: 'derived', from: [{ kind: 'declared', path: 'staff.quarters' }] } });
    expect(figure(r, 'rdTotal')?.value).toBe('136.5');
    expect(r.discrepancies).toEqual([]);
    expect(r.identities).toEqual([]);
    expect(r.inconsistencies).toEqual([]);
    expect(r.assessment?.total).toBe(assess(AssessmentInputSchema.parse(example())).total);
  });

  it('a declared figure beyond rounding is a discrepancy; the statement is the figure, the typed value an alternative', () => {
    const input = example();
    input.finance!.salesRevenue = '3100';
    input.finance!.totalAssets = '1500.004'; // within 0.01 万元: rounding
    const r = run(input, docs);
    expect(r.discrepancies).toEqual([
      expect.objectContaining({ figure: 'salesRevenue', declared: '3100', document: '3000', difference: '100', origin: expect.objectContaining({ page: 1 }) }),
    ]);
    expect(r.discrepancies[0]!.message).toBe('销售收入与填写不一致：您填写3,100.00万元，比利润表（第1页）多100.00万元');
    expect(figure(r, 'salesRevenue')?.value).toBe('3000');
    expect(r.assessment?.ratios.rdBySales).toBe('0.0455');
  });

  it.each([
    ['3000 万元 declared 3002 (0.07 %): rounding', '3002', 0],
    ['3000 万元 declared 3003.01 (0.1003 %): a difference', '3003.01', 1],
  ])('tolerance: %s', (_, typed, n) => {
    const input = example();
    input.finance!.salesRevenue = typed;
    expect(run(input, docs).discrepancies).toHaveLength(n);
  });

  it('销售收入 from 主营业务收入 + 其他业务收入 when the statement has no 营业收入 line; flagged when 其他 is absent', () => {
    const old = statement('income_statement', { mainBusinessRevenue: '29000000.00', otherBusinessRevenue: '1000000.00' });
    const r = run({}, [file('o', '损益表.pdf', old)]);
    expect(figure(r, 'salesRevenue')).toMatchObject({ value: '3000', origin: { kind: 'derived', formula: '销售收入 = 主营业务收入 + 其他业务收入' } });
    expect(figure(r, 'salesRevenue')?.ambiguity).toBeUndefined();
    const only = run({}, [file('o', '损益表.pdf', statement('income_statement', { mainBusinessRevenue: '29000000.00' }))]);
    expect(figure(only, 'salesRevenue')?.ambiguity?.code).toBe('OTHER_REVENUE_NOT_SHOWN');
  });

  it('成本费用支出总额 without a 研发费用 line is flagged with both readings; a declared value matching either is no discrepancy', () => {
    const noRdLine = income2019({ rdExpenses: undefined as never, adminExpenses: '3000000.00' });
    delete noRdLine.fields.rdExpenses;
    const input = example();
    const r = run(input, [file('d1', '利润表.pdf', noRdLine)]);
    const cost = figure(r, 'totalCost')!;
    expect(cost.value).toBe('2663.5');
    expect(cost.ambiguity).toMatchObject({ code: 'COST_RD_LINE_UNCLEAR', otherValue: '2800' });
    expect(r.discrepancies.map((d) => d.figure)).not.toContain('totalCost');
  });

  it('a statement without 营业成本 gives no cost figure and says so', () => {
    const st = income2019();
    delete st.fields.operatingCost;
    const r = run({}, [file('d1', '利润表.pdf', st)]);
    expect(figure(r, 'totalCost')).toBeUndefined();
    expect(codes(r.warnings)).toContain('COST_NOT_READ');
    expect(r.questions.map((q) => q.path)).toContain('finance.totalCost');
  });

  it('statement figures fill an otherwise complete form and the assessment runs on them', () => {
    const input = example();
    delete input.finance;
    const r = run(input, docs);
    expect(r.assessment).not.toBeNull();
    expect(r.assessment?.derived).toMatchObject({ rdTotal: '136.5' });
    expect(r.verdict).toBe(assess(AssessmentInputSchema.parse(example())).qualified ? 'qualified' : 'not_qualified');
    expect(r.questions.map((q) => q.path)).not.toContain('finance.salesRevenue');
  });

  it('职工人数统计表 gives the staff averages; a doubtful reading does not override the typed value', () => {
    const input = example();
    delete input.staff;
    const r = run(input, [file('s', '职工人数统计表.pdf', staffTable('44.75', '13.625'))]);
    expect(figure(r, 'techStaff')).toMatchObject({ value: '13.625', unit: '人', origin: { kind: 'document', statement: 'staff_table' } });
    const doubtful = statement('income_statement', { operatingRevenue: { value: '31000000.00', confidence: 0.55 } });
    const d = run(example(), [file('x', '利润表.jpg', doubtful)]);
    expect(figure(d, 'salesRevenue')).toMatchObject({ value: '3000', origin: { kind: 'declared' } });
    expect(codes(d.warnings)).toContain('DOUBTFUL_READING');
    expect(d.discrepancies.map((x) => x.figure)).toEqual(['salesRevenue']);
  });

  it('合并 and 母公司 statements in one file: only the one the form uses (use: true, the firm’s own) counts', () => {
    const input = example();
    const group = { ...income2019({ operatingRevenue: '90000000.00' }), scope: 'consolidated' as const, use: false };
    const parent = { ...income2019({}, { page: 3 }), scope: 'parent' as const, use: true };
    const r = run(input, [file('g', '年报.pdf', group, parent)]);
    expect(figure(r, 'salesRevenue')).toMatchObject({ value: '3000', origin: { kind: 'document', page: 3 } });
    expect(r.discrepancies.map((x) => x.figure)).not.toContain('salesRevenue');
  });

  it('failed accounting identities, from the statement and from the extraction’s own checks', () => {
    const bad = balance({ totalAssets: '15100000.00' });
    const doc = file('b', '资产负债表.pdf', bad);
    doc.extraction.checks.push({ code: 'BALANCE_TOTALS', ok: false, message: '资产总计 = 负债和所有者权益总计', page: 1 });
    const r = run({}, [doc, file('i', '利润表.pdf', income2019({ netProfit: '1000000.00' }))]);
    expect(r.identities.map((i) => [i.code, i.documentId])).toEqual([
      ['BALANCE_IDENTITY', 'b'],
      ['BALANCE_TOTALS', 'b'],
      ['NET_PROFIT', 'i'],
    ]);
    expect(r.identities[0]!.message).toBe('资产负债表（第1页）不平：资产总计 = 负债合计 + 所有者权益合计，相差10.00万元');
  });

  it('a 千元 statement may be off by rounding; an 元 statement may not', () => {
    const k = balance({ totalAssets: '15001000.00' }, { unit: '千元' });
    expect(run({}, [file('k', 'bs.pdf', k)]).identities).toEqual([]);
    const y = balance({ totalAssets: '15000001.00' });
    expect(codes(run({}, [file('y', 'bs.pdf', y)]).identities)).toEqual(['BALANCE_IDENTITY']);
  });

  it.each([
    {
      name: '利润表研发费用、A107012小计与研发项目合计不一致',
      input: example(),
      docs: [file('i', '利润表.pdf', income2019({ rdExpenses: '1500000.00', financeExpenses: '1500000.00' })), file('a', 'A107012.pdf', a107012('1365000.00'))],
      code: 'RD_MISMATCH',
    },
    {
      name: '所有者权益合计与填写的净资产不一致',
      input: { ...example(), finance: { ...example().finance!, netAssets: '700' } },
      docs: [file('b', '资产负债表.pdf', balance())],
      code: 'EQUITY_VS_NET_ASSETS',
    },
    {
      name: '主营业务收入大于销售收入',
      input: { finance: { salesRevenue: '3000', mainBusinessRevenue: '3200' } },
      docs: [],
      code: 'MAIN_EXCEEDS_SALES',
    },
    {
      name: '研发费用大于成本费用',
      input: { finance: { totalCost: '100' }, rdProjects: [{ name: 'a', form: 'self', status: 'ongoing', amount: '120' }] },
      docs: [],
      code: 'RD_EXCEEDS_COST',
    },
    {
      name: '净资产大于资产总额',
      input: { finance: { totalAssets: '500', netAssets: '600' } },
      docs: [],
      code: 'NET_ASSETS_EXCEED_ASSETS',
    },
    {
      name: '按学历分列的人数合计与职工总数不符',
      input: { staff: { employees: '45', techStaff: '10', education: { doctor: '1', master: '4', bachelor: '20', collegeOrBelow: '19' } } },
      docs: [],
      code: 'EDUCATION_SUM',
    },
    {
      name: '科技人员数大于职工总数（全年季平均数）',
      input: { staff: { employees: '45', techStaff: '46' } },
      docs: [],
      code: 'TECH_EXCEEDS_EMPLOYEES',
    },
    {
      name: '两份利润表的销售收入不一致',
      input: {},
      docs: [file('i', '利润表.pdf', income2019()), file('j', '利润表2.pdf', income2019({ operatingRevenue: '31000000.00' }))],
      code: 'DOCUMENTS_DISAGREE',
    },
    {
      name: '报表属于不同的企业',
      input: {},
      docs: [file('i', '利润表.pdf', income2019()), file('b', '资产负债表.pdf', balance({}, { company: '另一家公司' }))],
      code: 'COMPANY_MISMATCH',
    },
  ] as { name: string; input: PrecheckInputJson; docs: ResolvedDocument[]; code: string }[])('inconsistency: $name', ({ input, docs: d, code }) => {
    const r = run(input, d);
    expect(codes(r.inconsistencies)).toEqual([code]);
    expect(r.inconsistencies[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('statements of the wrong year, unreadable files and the extraction’s doubts become warnings', () => {
    const doc = file('x', '扫描件.pdf', income2019({}, { period: '2024年度' }));
    doc.extraction.errors.push({ code: 'EMPTY_PAGE', message: '第2页没有可识别的内容', page: 2 });
    const r = run({}, [doc]);
    expect(codes(r.warnings)).toEqual(expect.arrayContaining(['PERIOD_MISMATCH', 'DOCUMENT_EMPTY_PAGE']));
    expect(r.warnings.find((w) => w.code === 'PERIOD_MISMATCH')?.message).toContain('2025年');
  });

  it('without a project list, A107012 stands in for the R&D total, with a warning', () => {
    const input = example();
    delete input.rdProjects;
    const r = run(input, [file('a', 'A107012.pdf', a107012('1365000.00'))]);
    expect(figure(r, 'rdTotal')).toMatchObject({ value: '136.5', origin: { kind: 'document', statement: 'rd_deduction' } });
    expect(codes(r.warnings)).toContain('RD_TOTAL_FROM_STATEMENT');
    expect(r.assessment?.derived.rdTotal).toBe('136.5');
    expect(r.questions.map((q) => q.path)).toContain('rdProjects');
  });
});

describe('reviewer risk', () => {
  it('on-site triggers known from partial facts only', () => {
    const r = run({ staff: { employees: '5', techStaff: '2' }, ip: {}, firstTime: true });
    expect(r.flags.filter((f) => f.kind === 'on_site').map((f) => f.code)).toEqual(['FEW_STAFF', 'NO_IP', 'FIRST_TIME']);
  });

  it('科技人员 ≥ 90 % with ≥ 50 staff is a review flag (rules.md §10)', () => {
    const r = run({ staff: { employees: '60', techStaff: '54' } });
    expect(r.flags).toContainEqual(expect.objectContaining({ code: 'TECH_RATIO_HIGH', kind: 'review' }));
    expect(codes(run({ staff: { employees: '60', techStaff: '53' } }).flags)).not.toContain('TECH_RATIO_HIGH');
  });

  it.each([
    ['销售收入翻倍', { salesRevenue: '1500' }, { salesRevenue: '3000' }, '由上年的1,500.00万元增至3,000.00万元（为上年的2倍）'],
    ['销售收入腰斩', { salesRevenue: '6000' }, { salesRevenue: '3000' }, '由上年的6,000.00万元降至3,000.00万元（为上年的0.5倍）'],
    ['利润由正转负', { totalProfit: '50' }, { totalProfit: '-20' }, '由上年的50.00万元转为负数（本年-20.00万元）'],
    ['研发从无到有', { rdTotal: '0' }, { rdTotal: '136.5' }, '上年为0，本年为136.50万元'],
  ] as const)('large swing: %s', (_, previousYear, now, words) => {
    const input: PrecheckInputJson = { previousYear };
    if ('rdTotal' in now) input.rdProjects = [{ name: 'a', form: 'self', status: 'ongoing', amount: now.rdTotal }];
    else input.finance = now;
    const swing = run(input).flags.filter((f) => f.code === 'LARGE_SWING');
    expect(swing).toHaveLength(1);
    expect(swing[0]!.message).toContain(words);
  });

  it('moderate change is not a swing', () => {
    expect(codes(run({ finance: { salesRevenue: '3000' }, previousYear: { salesRevenue: '2000' } }).flags)).toEqual([]);
  });
});

describe('input validation', () => {
  it('uses the assessment’s rules for what is given, all problems at once', () => {
    const v = validate(PrecheckInputSchema, {
      finance: { salesRevenue: '12万' },
      staff: { quarters: [{ startEmployees: 1, endEmployees: 1, startTech: 2, endTech: 0 }, ...Array(3).fill({ startEmployees: 1, endEmployees: 1, startTech: 0, endTech: 0 })] },
      documents: [''],
    });
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.issues.map((i) => [i.path, i.code])).toEqual(
        expect.arrayContaining([
          ['finance.salesRevenue', 'INVALID_AMOUNT'],
          ['staff.quarters[0].startTech', 'TECH_EXCEEDS_EMPLOYEES'],
          ['documents[0]', 'REQUIRED'],
        ]),
      );
  });
});
