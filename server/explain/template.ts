// The deterministic explanation: written from the facts alone, covering every reason, gap, flag, check and
// open question. It is what the owner reads whenever no model is configured or the model's answer fails the
// guard, so it must be complete on its own. Every number in it comes from the facts (tested).
import type { ReasonCode } from '../domain/schemas/assessment.ts';
import type { ExplainFacts } from './facts.ts';

export const TEMPLATE_VERSION = 'template.v1';

/** What each reason means for the owner and what can be done, beyond the engine's own message. */
export const REASON_ADVICE: Record<ReasonCode, (f: ExplainFacts) => string> = {
  REG: () => '评价只面向在中国境内（不含港澳台地区）注册的居民企业，部分地区只受理本地注册企业。',
  SCOPE: () => '产品或服务属于国家禁止、限制或淘汰类的企业不能参加评价。',
  CREDIT: () => '需先消除相关信用问题（例如申请移出经营异常名录），之后的年度再参加评价。',
  TAX_METHOD: () => '须改为查账征收，健全会计核算、能准确归集研发费用后才能参加评价。',
  INDUSTRY: () => '所属行业不适用研发费用税前加计扣除政策，不能参加评价；如行业代码填错，请按营业执照和税务登记更正。',
  SIZE_EMPLOYEES: (f) => `评价只面向中小企业（${f.rules.sizeLimits}）。`,
  SIZE_REVENUE: (f) => `评价只面向中小企业（${f.rules.sizeLimits}）。`,
  SIZE_ASSETS: (f) => `评价只面向中小企业（${f.rules.sizeLimits}）。`,
  NO_RD_ACCOUNT: () => '评价表要求研发项目立项时设置研发支出辅助账，选“否”即不符合；请按项目设置辅助账并据此归集研发费用。',
  SCORE_BELOW_60: (f) =>
    `综合得分须达到${f.rules.passMark}分（科技人员满分${f.rules.max.techStaff}分、研发投入满分${f.rules.max.rd}分、科技成果满分${f.rules.max.ip}分）。`,
  TECH_STAFF_ZERO: (f) => `科技人员占职工总数的比例低于${f.rules.techStaffFloor}时该项为0分，此时总分再高也不符合。`,
};

/** Advice by flag or check code; codes without an entry are explained by their own message. */
export const FLAG_ADVICE: Record<string, string> = {
  FEW_STAFF: '请备好劳动合同、社保缴纳记录等人员证明。',
  NO_IP: '没有知识产权的企业会被重点核查，可考虑先取得与主营产品相关的知识产权。',
  LOW_RD: '请备好研发支出辅助账、研发项目立项材料和费用凭证。',
  PAST_VIOLATION: '请备好整改完成的证明材料。',
  FIRST_TIME: '首次参评的企业会被现场核查，请提前整理评价表所附的全部证明材料。',
  TECH_RATIO_HIGH: '请确认科技人员的认定与其岗位职责一致。',
  LARGE_SWING: '请准备说明变化原因的材料（如新增业务、研发项目立项文件）。',
};

const GAP_INTRO = '如不具备直通车条件，以下任一单项调整（其他数据不变）可使综合得分达到合格线且科技人员指标不为0分：';

function section(title: string, lines: string[]): string[] {
  return lines.length ? [`${title}`, ...lines.map((l, i) => `${i + 1}. ${l}`)] : [];
}

export function templateText(f: ExplainFacts): string {
  const out: string[] = [];
  const s = f.scores;
  const scoreLine =
    s.total !== null ? `综合得分${s.total}分（科技人员${s.techStaff}分、研发投入${s.rd}分、科技成果${s.ip}分）` : null;

  if (f.verdict === 'qualified')
    out.push(
      f.route === '直通车'
        ? `按您提供的信息，企业${f.verdictText}（直通车）。${scoreLine ? `供参考：${scoreLine}。` : ''}`
        : `按您提供的信息，企业${f.verdictText}：${scoreLine ?? '已知指标得分合计'}，已达到${f.rules.passMark}分且科技人员指标不为0分。`,
    );
  else if (f.verdict === 'not_qualified') out.push(`按您提供的信息，企业目前${f.verdictText}。${scoreLine ? `${scoreLine}。` : ''}`);
  else out.push(`目前${f.verdictText}，需要补充下列信息。${scoreLine ? `已知数据下${scoreLine}。` : ''}`);

  out.push(
    ...section(
      '原因：',
      f.reasons.map((r) => `${r.message}。${REASON_ADVICE[r.code as ReasonCode]?.(f) ?? ''}${r.source ? `（依据：${r.source}）` : ''}`),
    ),
  );

  if (f.notByNumbers.length)
    out.push('以上原因中，基本条件和研发支出辅助账方面的问题无法通过调整数据解决，需要先在实际经营和管理上改正。');
  if (f.levers.length) {
    out.push(GAP_INTRO);
    f.levers.forEach((l, i) =>
      out.push(`${i + 1}. ${l.text}${l.totalAfter !== undefined ? `，综合得分可达${l.totalAfter}分` : ''}。`),
    );
  } else if (f.cheapest) out.push('没有哪一项单独调整就能达到合格线，需要组合调整。');
  if (f.cheapest)
    out.push(
      `按估算成本，最省的做法是${f.cheapest.text}，综合得分可达${f.cheapest.totalAfter}分，估算约${f.cheapest.estimatedCostWan}万元（${f.cheapest.basis}）。`,
    );
  if ((f.levers.length || f.cheapest) && f.verdict !== 'qualified') {
    const open = f.directRoutes.filter((d) => d.state !== 'met');
    if (open.length) out.push(`另外，具备以下任一直通车条件的企业无需计分：${open.map((d) => d.label).join('；')}。`);
  }

  out.push(
    ...section(
      '可能被列为现场核查对象的情形：',
      f.flags.filter((x) => x.kind === 'on_site').map((x) => `${x.message}。${FLAG_ADVICE[x.code] ?? ''}`),
    ),
  );
  out.push(
    ...section(
      '审核时可能关注的问题：',
      f.flags.filter((x) => x.kind === 'review').map((x) => `${x.message}。${FLAG_ADVICE[x.code] ?? ''}`),
    ),
  );
  out.push(...section('材料核对发现：', f.checks.map((x) => `${x.message}。`)));
  out.push(...section('提示：', f.warnings.map((x) => `${x.message}。`)));

  if (f.ladder) {
    // One sentence per rung (commas inside): the guard lets a sentence use the ladder's figures only when it
    // names its rung.
    out.push('更高一级（梯度培育，供参考）：');
    f.ladder.rungs.forEach((r, i) => {
      const total = r.total != null ? `（评分${r.total}分）` : '';
      const parts = [
        ...(r.gaps.length ? [`需要${r.gaps.join('，')}`] : []),
        ...(r.missing.length ? [`还需补充${r.missing.join('、')}`] : []),
        ...(r.verdict === 'platform' ? r.platform : []),
      ].map((x) => x.replace(/[；;。]/g, '，'));
      out.push(`${i + 1}. ${r.name}：${r.verdictText}${total}${parts.length ? `，${parts.join('，')}` : ''}。`);
    });
    out.push(f.ladder.notice);
  }

  const needed = f.questions.filter((q) => q.neededForVerdict);
  const later = f.questions.filter((q) => !q.neededForVerdict);
  out.push(...section('判断结论还需要回答：', needed.map((q) => q.question)));
  out.push(...section('正式填报时还需要填写：', later.map((q) => q.question)));
  // Messages already end in a full stop when the engine wrote one; avoid doubling it.
  return out.join('\n').replace(/。。/g, '。').replace(/）。（/g, '）（');
}
