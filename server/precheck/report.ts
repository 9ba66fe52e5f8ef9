// The pre-check as plain Chinese text for the terminal: the 自评结果 when the form is complete, then the
// reconciled figures with their sources and everything the owner should look at.
import { selfEvaluationTable } from '../domain/report.ts';
import { inForce } from '../domain/rules/dated.ts';
import { SCORING } from '../domain/rules/national.ts';
import { findPack } from '../domain/rules/packs.ts';
import { STATEMENT_NAMES } from './reconcile.ts';
import type { Origin, PrecheckResult } from './schemas.ts';

const VERDICT = { qualified: '符合科技型中小企业条件', not_qualified: '不符合科技型中小企业条件', undetermined: '信息不全，暂无法判断' };
const STATE = { met: '符合', not_met: '不符合', unknown: '待确认' };
/** 直通车 conditions are options, not requirements: yes / no, as the 自评结果 shows them. */
const OPTION = { met: '是', not_met: '否', unknown: '待确认' };

function origin(o: Origin): string {
  if (o.kind === 'declared') return '填写';
  if (o.kind === 'document') return `${o.file} 第${o.page}页 ${STATEMENT_NAMES[o.statement]}`;
  const docs = [...new Set(o.from.map((f) => (f.kind === 'document' ? `${f.file} 第${f.page}页` : '填写')))];
  return `计算（${o.formula}；${docs.join('、')}）`;
}

export function precheckReport(r: PrecheckResult): string {
  const rule = '─'.repeat(44);
  const out: string[] = [`科技型中小企业评价 预审结果（${r.evaluationYear}年度，${findPack(r.region)?.name ?? r.region}）`, rule];
  out.push(`预审结论：${VERDICT[r.verdict]}`);
  if (r.assessment) out.push(rule, selfEvaluationTable(r.assessment));
  else {
    const s = r.scores;
    const rules = inForce(SCORING, r.evaluationYear).value;
    const pts = (x: number | null, max: number) => (x === null ? `待定 / ${max}` : `${x} / ${max}`);
    out.push(
      `已知得分：科技人员 ${pts(s.techStaff, rules.techStaffBands[0]!.points)}，研发投入 ${pts(s.rd, rules.rdBySalesBands[0]!.points)}，科技成果 ${pts(s.ip, rules.ipClass1Points)}`,
    );
    out.push('条件：', ...r.conditions.map((c) => `  [${(c.group === 'direct' ? OPTION : STATE)[c.state]}] ${c.label}`));
    if (r.reasons.length) out.push('已确定的不符合原因：', ...r.reasons.map((x, i) => `  ${i + 1}. ${x.message}`));
  }
  const list = (title: string, lines: string[]) => lines.length && out.push(rule, title, ...lines.map((l) => `  · ${l}`));
  list(
    '核对后的数据（万元 / 人）：',
    r.figures.map((f) => `${f.label}：${f.value}${f.unit}（${origin(f.origin)}）${f.ambiguity ? `\n    ⚠ ${f.ambiguity.message}` : ''}`),
  );
  list('与填写不一致：', r.discrepancies.map((d) => d.message));
  list('报表勾稽不符：', r.identities.map((d) => d.message));
  list('前后矛盾：', r.inconsistencies.map((d) => d.message));
  list('审核风险：', r.flags.map((f) => `${f.kind === 'on_site' ? '[现场核查] ' : ''}${f.message}`));
  list('提示：', r.warnings.map((w) => w.message));
  list('还需回答：', r.questions.map((q) => `${q.neededForVerdict ? '[影响结论] ' : ''}${q.section}：${q.question}`));
  if (r.explanation)
    out.push(rule, `解释（${r.explanation.source === 'llm' ? `由模型 ${r.explanation.model} 措辞，已校验` : '模板'}）：`, r.explanation.text);
  return out.join('\n');
}
