// The 自评结果 as a PDF an owner can forward to the accountant: laid out like the official result table
// (verdict, the three indicators with their bands and points, the conditions), then the reasons with their
// sources, every finding with what to do, the smallest changes that would qualify, and where each figure
// came from. Made on the server with pdfkit and Debian's Noto Sans CJK; every number comes from the result.
import { figuresOf } from '../domain/assess.ts';
import { inForce } from '../domain/rules/dated.ts';
import { SCORING } from '../domain/rules/national.ts';
import { findPack } from '../domain/rules/packs.ts';
import { AssessmentInputSchema, type AssessmentResult } from '../domain/schemas/assessment.ts';
import { bandLabel, grouped, ipBandLabel, leverText, percent, peopleText, rdBandLabel, wanText } from '../domain/wording.ts';
import { findingsOf } from '../precheck/findings.ts';
import { computeGaps } from '../precheck/gaps.ts';
import { STATEMENT_NAMES } from '../precheck/reconcile.ts';
import type { Figure, FigureKey, Finding, Gaps, Origin, PrecheckInput } from '../precheck/schemas.ts';
import { Report, type Tone } from './layout.ts';
import { missingLabel, verdictWord } from '../domain/ladder/report.ts';
import type { LadderResult, LadderState } from '../domain/schemas/ladder.ts';

const LADDER_STATE: Record<LadderState, string> = { met: '满足', unmet: '不满足', unknown: '待补充', platform: '由平台评价' };
const LADDER_TONE: Partial<Record<LadderState, Tone>> = { unmet: 'danger', unknown: 'warning' };

/** 七、梯度培育: each rung, its state, what decides it, the smallest changes, and where the thresholds come from. */
function ladderPart(rep: Report, l: LadderResult): void {
  const i = l.innovative;
  rep.heading('七、梯度培育（创新型、专精特新、小巨人）');
  rep.paragraph(
    `创新型中小企业：${verdictWord(i.qualified)}（${i.route === 'direct' ? '满足直接认定条件' : `评分 ${i.total ?? '—'} 分：创新能力 ${i.groups.capability ?? '—'}、成长性 ${i.groups.growth ?? '—'}、专业化 ${i.groups.specialization ?? '—'}`}）`,
    { tone: i.qualified === true ? 'success' : i.qualified === false ? 'danger' : 'warning' },
  );
  if (i.missing.length) rep.paragraph(`待补充：${i.missing.map(missingLabel).join('、')}`, { tone: 'warning' });
  if (i.gaps.length) rep.list(i.gaps.map((g) => ({ text: g.text })));
  for (const [name, t] of [['专精特新中小企业', l.specialized], ['专精特新“小巨人”企业', l.littleGiant]] as const) {
    rep.paragraph(`${name}：${verdictWord(t.qualified, !t.conditions.some((c) => c.state === 'unknown'))}`, { tone: t.qualified === false ? 'danger' : 'warning' });
    rep.table(
      [
        { title: '条件', width: 50 },
        { title: '状态', width: 14, align: 'center' },
        { title: '情况与差距', width: 36 },
      ],
      t.conditions.map((c) => ({
        cells: [c.label, LADDER_STATE[c.state], c.gap?.text ?? (c.missing?.length ? `待补充：${c.missing.map(missingLabel).join('、')}` : c.state === 'platform' ? '由平台评价，不作估算' : (c.detail ?? ''))],
        tone: LADDER_TONE[c.state],
      })),
    );
  }
  rep.list(l.upkeep.map((u) => ({ text: `${u.date ? `${u.date} ` : ''}${u.label}${u.certainty === 'provisional' ? '（预计）' : ''}` })));
  rep.paragraph(l.notice, { size: 8.5, tone: 'info' });
}

export interface ReportExtra {
  /** The firm's name as it should head the report (a batch knows it; the owner's statements may). */
  firmName?: string;
  /** The pre-check's findings; without them the result's own on-site triggers and warnings are listed. */
  findings?: Finding[];
  /** The pre-check's gaps; without them they are computed from the input when it is a complete form. */
  gaps?: Gaps | null;
  /** Reconciled figures with their origins (statement, page, line), for the 数据来源 table. */
  figures?: Figure[];
  /** When the report was made (tests fix it). */
  generatedAt?: Date;
}

const chinaDate = (d: Date) => {
  const s = new Date(d.getTime() + 8 * 3600_000);
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
};

function originText(o: Origin): string {
  if (o.kind === 'declared') return '企业填写';
  if (o.kind === 'document') return `${o.file} 第${o.page}页 ${STATEMENT_NAMES[o.statement]}${o.line ? `「${o.line}」` : ''}`;
  const docs = [...new Set(o.from.map((f) => (f.kind === 'document' ? `${f.file} 第${f.page}页` : '企业填写')))];
  return `计算：${o.formula}（${docs.join('、')}）`;
}

/** The result's own notices as findings, when no pre-check is at hand (a batch row, a plain assessment). */
function ownFindings(r: AssessmentResult): Finding[] {
  return findingsOf({
    warnings: r.warnings,
    flags: r.onSiteCheck.map((n) => ({ ...n, kind: 'on_site' as const })),
    discrepancies: [],
    identities: [],
    inconsistencies: [],
  });
}

/** Gaps from a complete input (the engine's own search); null when the input is not a whole form. */
function gapsOf(input: PrecheckInput, r: AssessmentResult): Gaps | null {
  const parsed = AssessmentInputSchema.safeParse(input);
  if (!parsed.success) return null;
  return computeGaps({
    evaluationYear: r.evaluationYear,
    figures: figuresOf(parsed.data),
    rdProjects: parsed.data.rdProjects,
    reasons: r.reasons.map((x) => x.code),
  });
}

const TONE_OF: Record<Finding['tone'], Tone> = { danger: 'danger', warning: 'warning', info: 'info' };

/**
 * The 自评结果 report. `input` is the form as scored (a complete assessment input, or the pre-check input
 * the result was reconciled from); `result` the engine's 自评结果.
 */
export async function assessmentReportPdf(input: PrecheckInput, result: AssessmentResult, extra: ReportExtra = {}): Promise<Buffer> {
  const r = result;
  const scoring = inForce(SCORING, r.evaluationYear);
  const rules = scoring.value;
  const region = findPack(r.region)?.name ?? r.region;
  const firm = extra.firmName?.trim();
  const rep = new Report({ title: `${firm ? `${firm} ` : ''}科技型中小企业评价自评结果（${r.evaluationYear}年度）`, subject: '科技型中小企业评价 自评结果' });

  rep.title(
    '科技型中小企业评价自评结果',
    [
      ...(firm ? [`企业名称：${firm}`] : []),
      `评价年度：${r.evaluationYear}年（依据${r.evaluationYear - 1}年度数据）　地区：${region}　生成日期：${chinaDate(extra.generatedAt ?? new Date())}`,
    ],
  );

  const verdict = r.qualified ? '符合科技型中小企业条件' : '不符合科技型中小企业条件';
  rep.box([
    { text: `评价结论：${verdict}`, bold: true, size: 13, tone: r.qualified ? 'success' : 'danger' },
    { text: `评价方式：${r.route === 'direct' ? '直通车（满足直通车条件，可不经打分入库）' : r.route === 'score' ? '综合评分' : '未通过基本条件，未进入评分'}` },
    { text: `综合得分：${r.total} 分（${rules.passMark} 分及以上且科技人员指标不为 0 分为符合）` },
  ]);

  rep.heading('一、评价指标');
  rep.table(
    [
      { title: '指标', width: 12 },
      { title: '企业数据', width: 50 },
      { title: '所在区间', width: 24 },
      { title: '得分', width: 14, align: 'right' },
    ],
    [
      {
        cells: [
          '科技人员',
          `科技人员 ${peopleText(r.derived.techStaff)} / 职工 ${peopleText(r.derived.employees)}，占比 ${percent(r.ratios.techStaff)}`,
          bandLabel(rules.techStaffBands, r.scores.techStaff),
          `${r.scores.techStaff} / ${rules.techStaffBands[0]!.points}`,
        ],
      },
      {
        cells: [
          '研发投入',
          `研发费用总额 ${wanText(r.derived.rdTotal)}；占销售收入 ${percent(r.ratios.rdBySales)}（${r.scores.rdBySales ?? '—'} 分），占成本费用支出 ${percent(r.ratios.rdByCost)}（${r.scores.rdByCost ?? '—'} 分），取较高者`,
          rdBandLabel(rules, r.scores),
          `${r.scores.rd} / ${rules.rdBySalesBands[0]!.points}`,
        ],
      },
      {
        cells: [
          '科技成果',
          `Ⅰ类知识产权 ${r.derived.ipClass1} 项，Ⅱ类知识产权 ${r.derived.ipClass2} 项`,
          ipBandLabel(rules.ipClass2Bands, r.derived.ipClass1, r.scores.ip),
          `${r.scores.ip} / ${rules.ipClass1Points}`,
        ],
      },
      { cells: ['合计', '', '', `${r.total} 分`], bold: true, shade: true },
    ],
  );
  rep.paragraph(`评分标准：${scoring.source.title}${scoring.source.article ? ` ${scoring.source.article}` : ''}`, { size: 8.5, tone: 'info' });

  rep.heading('二、评价条件');
  const groupName = { basic: '基本条件', direct: '直通车条件', other: '其他条件' } as const;
  rep.table(
    [
      { title: '类别', width: 14 },
      { title: '条件', width: 66 },
      { title: '结果', width: 20, align: 'center' },
    ],
    r.conditions.map((c) => ({
      cells: [groupName[c.group], c.label, c.group === 'direct' ? (c.met ? '是' : '否') : c.met ? '符合' : '不符合'],
      tone: c.group !== 'direct' && !c.met ? ('danger' as const) : undefined,
    })),
  );

  rep.heading('三、企业不符合原因');
  if (r.reasons.length)
    rep.list(r.reasons.map((x) => ({ text: `${x.message}${x.source ? `（依据：${x.source.title}${x.source.article ? ` ${x.source.article}` : ''}）` : ''}`, tone: 'danger' as const })));
  else rep.paragraph('无，各项条件均符合。', { tone: 'success' });

  const findings = extra.findings ?? ownFindings(r);
  rep.heading('四、需要处理的问题');
  if (findings.length) rep.list(findings.map((f) => ({ text: f.text, tone: TONE_OF[f.tone] })));
  else rep.paragraph('未发现需要处理的问题。');

  const gaps = extra.gaps === undefined ? gapsOf(input, r) : extra.gaps;
  rep.heading('五、怎样才能符合');
  if (r.qualified) rep.paragraph('已符合评价条件，无需调整。正式填报前请再核对报表与证明材料。');
  else if (gaps && (gaps.levers.length || gaps.cheapest || gaps.notByNumbers.length)) {
    if (gaps.levers.length) {
      rep.paragraph('以下任意一项单独做到（其他数据不变），即可达到评分要求：');
      rep.list(gaps.levers.map((l) => ({ text: `${leverText(l)}${l.totalAfter !== undefined ? `，综合得分可达 ${l.totalAfter} 分` : ''}` })));
    }
    if (gaps.cheapest)
      rep.paragraph(
        `按估算成本最省的做法：${gaps.cheapest.levers.map(leverText).join('，并')}，综合得分可达 ${gaps.cheapest.totalAfter} 分，预计投入约 ${grouped(gaps.cheapest.estimatedCostWan)} 万元（${gaps.cheapest.basis}）。`,
      );
    if (gaps.notByNumbers.length) rep.paragraph(`另有 ${gaps.notByNumbers.length} 项条件无法靠调整数字解决，请按第三部分的原因先行整改。`, { tone: 'warning' });
  } else rep.paragraph('请按第三部分列出的原因逐项整改。');

  rep.heading('六、数据与来源');
  const byKey = new Map((extra.figures ?? []).map((f) => [f.key, f]));
  const source = (k: FigureKey, fallback = '企业填写') => {
    const f = byKey.get(k);
    return f ? originText(f.origin) : fallback;
  };
  const finance = input.finance ?? {};
  const rows: [string, string, string][] = [
    ['职工总数（全年季平均数）', peopleText(r.derived.employees), source('employees', input.staff?.quarters ? '企业填写（按季度季初、季末人数计算）' : '企业填写')],
    ['科技人员数（全年季平均数）', peopleText(r.derived.techStaff), source('techStaff', input.staff?.quarters ? '企业填写（按季度季初、季末人数计算）' : '企业填写')],
    ...(finance.totalAssets !== undefined ? [['资产总额', wanText(finance.totalAssets), source('totalAssets')] as [string, string, string]] : []),
    ...(finance.salesRevenue !== undefined ? [['销售收入', wanText(finance.salesRevenue), source('salesRevenue')] as [string, string, string]] : []),
    ...(finance.totalCost !== undefined ? [['成本费用支出总额', wanText(finance.totalCost), source('totalCost')] as [string, string, string]] : []),
    ['研发费用总额', wanText(r.derived.rdTotal), input.rdProjects ? `研发项目合计（${input.rdProjects.length} 个项目，委托研发按 80% 计入）` : source('rdTotal')],
    ['知识产权', `Ⅰ类 ${r.derived.ipClass1} 项，Ⅱ类 ${r.derived.ipClass2} 项`, '企业填写'],
  ];
  rep.table(
    [
      { title: '数据', width: 26 },
      { title: '数值', width: 22, align: 'right' },
      { title: '来源', width: 52 },
    ],
    rows.map((cells) => ({ cells })),
  );
  rep.paragraph('金额单位为万元，按四舍五入保留两位小数显示；评分按未经舍入的精确数值计算。', { size: 8.5, tone: 'info' });

  if (r.ladder) ladderPart(rep, r.ladder);

  const cited = new Map<string, string>();
  for (const x of [scoring.source, ...r.conditions.map((c) => c.source), ...r.reasons.flatMap((x) => (x.source ? [x.source] : []))])
    cited.set(x.id, x.title);
  if (r.ladder) for (const x of [r.ladder.innovative.source, r.ladder.specialized.source]) cited.set(x.id, x.title);
  rep.heading(r.ladder ? '八、政策依据' : '七、政策依据');
  rep.list([...cited.values()].map((text) => ({ text })), false);

  return rep.finish(`科小助手　规则版本 ${r.rulesVersion}　自评结果仅供参考，以科技型中小企业评价服务平台的审核结果为准`);
}
