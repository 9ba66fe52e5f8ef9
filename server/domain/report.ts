// The 自评结果 as the official system lays it out, as plain Chinese text for the terminal.
import { fraction, mul, parseDecimal, toDecimalString } from './exact.ts';
import { findPack } from './rules/packs.ts';
import type { AssessmentResult } from './schemas/assessment.ts';
import { ladderSection } from './ladder/report.ts';

const pct = (r: string | null) => (r === null ? '—' : `${toDecimalString(mul(parseDecimal(r), fraction(100)), 2)}%`);
const yes = (b: boolean) => (b ? '符合' : '不符合');

export function selfEvaluationTable(r: AssessmentResult): string {
  const lines: string[] = [];
  const rule = '─'.repeat(44);
  lines.push(`科技型中小企业评价 自评结果（${r.evaluationYear}年度，${findPack(r.region)?.name ?? r.region}）`, rule);
  lines.push(`评价结论：${r.qualified ? '符合科技型中小企业条件' : '不符合科技型中小企业条件'}`);
  lines.push(`评价方式：${r.route === 'direct' ? '直通车' : r.route === 'score' ? '综合评分' : '未通过基本条件'}`);
  lines.push(`综合得分：${r.total} 分（60分及以上且科技人员指标不为0分为合格）`, rule);
  lines.push('指标            比例          得分');
  lines.push(`科技人员        ${pct(r.ratios.techStaff).padEnd(12)}  ${r.scores.techStaff} / 20`);
  lines.push(`研发投入（收入）${pct(r.ratios.rdBySales).padEnd(12)}  ${r.scores.rdBySales ?? '—'} / 50`);
  lines.push(`研发投入（成本）${pct(r.ratios.rdByCost).padEnd(12)}  ${r.scores.rdByCost ?? '—'} / 50`);
  lines.push(`研发投入（取高）${''.padEnd(12)}  ${r.scores.rd} / 50`);
  lines.push(`科技成果        Ⅰ类${r.derived.ipClass1}项 Ⅱ类${r.derived.ipClass2}项  ${r.scores.ip} / 30`);
  lines.push(
    `职工总数 ${r.derived.employees} 人，科技人员 ${r.derived.techStaff} 人（全年季平均数），研发费用总额 ${r.derived.rdTotal} 万元`,
    rule,
  );
  for (const group of ['basic', 'direct', 'other'] as const) {
    lines.push({ basic: '基本条件', direct: '直通车条件', other: '其他条件' }[group]);
    for (const c of r.conditions.filter((c) => c.group === group))
      lines.push(`  [${group === 'direct' ? (c.met ? '是' : '否') : yes(c.met)}] ${c.label}`);
  }
  lines.push(rule);
  if (r.reasons.length) {
    lines.push('企业不符合原因：');
    r.reasons.forEach((x, i) => lines.push(`  ${i + 1}. ${x.message}（依据：${x.source?.title ?? ''}${x.source?.article ?? ''}）`));
  }
  if (r.onSiteCheck.length) {
    lines.push('可能被列入现场核查的情形：');
    for (const x of r.onSiteCheck) lines.push(`  · ${x.message}`);
  }
  if (r.warnings.length) {
    lines.push('提示：');
    for (const x of r.warnings) lines.push(`  · ${x.message}`);
  }
  if (r.ladder) lines.push(...(lines.at(-1) === rule ? [] : [rule]), ...ladderSection(r.ladder));
  return lines.join('\n');
}
