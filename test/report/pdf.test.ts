// The 自评结果 PDF, read back with pdftotext (poppler): what an accountant would see when the owner forwards it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../server/domain/assess.ts';
import { AssessmentInputSchema } from '../../server/domain/schemas/assessment.ts';
import { differenceText, grouped, wanText } from '../../server/domain/wording.ts';
import { assessmentReportPdf } from '../../server/report/pdf.ts';
import { contractExample, failingExample, precheckOf } from '../explain/support.ts';
import { file, income2019 } from '../precheck/statements.ts';

const dir = mkdtempSync(join(tmpdir(), 'kexiao-report-'));
function text(pdf: Buffer, name: string): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
}
const squash = (s: string) => s.replace(/\s+/g, '');

describe('自评结果 PDF', () => {
  it('a firm that fails on score: verdict, indicators with bands and points, reasons with sources, the changes that would qualify', async () => {
    const input = contractExample();
    input.staff = { employees: '44.75', techStaff: '4' };
    input.firstTime = true;
    const parsed = AssessmentInputSchema.parse(input);
    const result = assess(parsed);
    expect(result.qualified).toBe(false);
    const pdf = await assessmentReportPdf(parsed, result, { firmName: '郑州示例科技有限公司', generatedAt: new Date('2026-12-01T02:00:00Z') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const t = text(pdf, 'failing');
    const flat = squash(t);
    expect(flat).toContain('科技型中小企业评价自评结果');
    expect(flat).toContain('企业名称：郑州示例科技有限公司');
    expect(flat).toContain('生成日期：2026年12月1日');
    expect(flat).toContain('评价结论：不符合科技型中小企业条件');
    expect(flat).toContain(`综合得分：${result.total}分`);
    // The indicator table: 科技人员 4 of 44.75 is below the floor, so 0 of 20 points.
    expect(flat).toContain('科技人员4人/职工44.75人');
    expect(flat).toContain('8.94%');
    expect(flat).toContain(`${result.scores.techStaff}/20`);
    expect(flat).toContain(`${result.scores.rd}/50`);
    expect(flat).toContain(`合计${result.total}分`);
    for (const reason of result.reasons) expect(flat).toContain(squash(reason.message));
    expect(flat).toContain('依据：《科技型中小企业评价办法》');
    // The gaps are the engine's, computed for the report when no pre-check gave them.
    expect(flat).toContain('以下任意一项单独做到');
    expect(flat).toMatch(/再增加\d+名科技人员（全年季平均）/);
    // Findings: the on-site trigger of a first evaluation, with what to do.
    expect(flat).toContain('可能被列为现场核查对象：首次参加科技型中小企业评价');
    // 七 is the ladder (contracts.md §5), 八 the sources.
    expect(flat).toContain('七、梯度培育');
    expect(flat).toContain('八、政策依据');
    expect(flat).toMatch(/第1\/\d页/);
  });

  it('the 梯度培育 section: each rung, each condition’s state with the smallest change, 由平台评价 and the source line', async () => {
    const input = {
      ...contractExample(),
      ladder: { previousYear: { operatingRevenue: '2600', rdTotal: '80' }, nicheYears: 4, innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: false, equity500: false } },
    };
    const parsed = AssessmentInputSchema.parse(input);
    const result = assess(parsed);
    const rd = result.ladder!.specialized.conditions.find((c) => c.code === 'RD')!;
    expect(rd.state).toBe('unmet');
    const flat = squash(text(await assessmentReportPdf(parsed, result), 'ladder'));
    expect(flat).toContain('七、梯度培育（创新型、专精特新、小巨人）');
    expect(flat).toContain('专精特新中小企业：不符合');
    // A table cell wraps, and pdftotext interleaves the wrapped lines of a row: compare each cell's first line.
    const firstLine = (x: string) => squash(x).slice(0, 12);
    expect(flat).toContain(firstLine(rd.gap!.text));
    expect(flat).toContain('由平台评价，不作估算');
    expect(flat).toContain('以当年官方通知为准');
    expect(flat).toContain('工信部企业〔2022〕63号');
    for (const c of result.ladder!.littleGiant.conditions.filter((x) => x.state === 'unmet')) expect(flat).toContain(firstLine(c.gap!.text));
  });

  it('with a pre-check: its findings, its gaps and each figure’s statement, page and line', async () => {
    const input = contractExample();
    input.finance!.salesRevenue = '3093.77';
    const r = precheckOf(input, [file('d1', '2025年度利润表.pdf', income2019({ operatingRevenue: '30999999.99' }))]);
    expect(r.assessment).not.toBeNull();
    const t = squash(text(await assessmentReportPdf(AssessmentInputSchema.parse(input), r.assessment!, { findings: r.findings, gaps: r.gaps, figures: r.figures }), 'precheck'));
    // Declared 3093.77 against 3099.999999 read: worded as an accountant would, not with six decimals.
    expect(t).toContain('您填写3,093.77万元，比利润表（第1页）少6.23万元');
    expect(t).toContain('2025年度利润表.pdf第1页利润表「营业收入」');
    expect(t).not.toContain('6.229999');
  });

  it('a qualified firm by 直通车 says so and lists no changes', async () => {
    const input = contractExample();
    input.directPass!.highTechCertificate = true;
    const parsed = AssessmentInputSchema.parse(input);
    const t = squash(text(await assessmentReportPdf(parsed, assess(parsed)), 'direct'));
    expect(t).toContain('评价结论：符合科技型中小企业条件');
    expect(t).toContain('评价方式：直通车');
    expect(t).toContain('已符合评价条件，无需调整');
    expect(t).toContain('拥有在有效期内的高新技术企业资格证书是');
  });
});

describe('money as an accountant writes it', () => {
  it.each([
    ['206.226978', '206.23'],
    ['2062269.78', '2,062,269.78'],
    ['-1234.005', '-1,234.01'],
    ['0', '0.00'],
  ])('%s → %s', (x, shown) => expect(grouped(x)).toBe(shown));

  it('differences say which way and by how much, with 2 decimals', () => {
    expect(differenceText('200', '206.226978', '万元')).toBe('比报表少 6.23 万元');
    expect(differenceText('1888', '1500.5', '万元', '利润表')).toBe('比利润表多 387.50 万元');
    expect(differenceText('206.23', '206.226978', '万元')).toBe('与报表一致');
    expect(differenceText('45', '44.75', '人')).toBe('比报表多 0.25 人');
    expect(wanText('1500')).toBe('1,500.00 万元');
  });

  it('failing example: the pre-check’s own findings are one sentence each', () => {
    for (const f of failingExample().findings ?? []) expect(f.text).toMatch(/^[^。]+。$/);
  });
});
