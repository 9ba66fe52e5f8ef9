// The structured facts an explanation may use, and nothing else: the verdict, scores, reasons with their
// sources, gaps, flags and checks of a pre-check. No document text, no file or company names, no people.
// Both the template and the model write from these; the guard holds the model's numbers to them.
import { fraction, mul, parseDecimal, toDecimalString } from '../domain/exact.ts';
import { inForce } from '../domain/rules/dated.ts';
import { SCORING, SIZE_LIMITS } from '../domain/rules/national.ts';
import type { Lever, LeverChange, PrecheckResult } from '../precheck/schemas.ts';
import { ladderFactsOf, type LadderFacts } from './ladder.ts';

export interface ExplainFacts {
  evaluationYear: number;
  verdict: PrecheckResult['verdict'];
  verdictText: string;
  route: string;
  scores: { techStaff: number | null; rd: number | null; ip: number | null; total: number | null };
  /** Ratios as percentages with 2 decimals ("28.12%"), as the self-evaluation table shows them. */
  ratios: { techStaff: string | null; rdBySales: string | null; rdByCost: string | null };
  /** The reconciled figures by name (where each came from stays in the pre-check result). */
  figures: { label: string; value: string; unit: string }[];
  reasons: { code: string; message: string; source?: string }[];
  notByNumbers: string[];
  levers: { lever: Lever; add: string; totalAfter?: number; text: string }[];
  cheapest: { text: string; totalAfter: number; estimatedCostWan: string; basis: string } | null;
  directRoutes: { code: string; label: string; state: string }[];
  flags: { code: string; kind: 'on_site' | 'review'; message: string }[];
  checks: { code: string; message: string }[];
  warnings: { code: string; message: string }[];
  questions: { question: string; neededForVerdict: boolean }[];
  /** 创新型 / 专精特新 / 小巨人, when the form is complete enough for the assessment (contracts.md §5). */
  ladder?: LadderFacts;
  rules: {
    passMark: number;
    passRule: string;
    max: { techStaff: number; rd: number; ip: number };
    techStaffFloor: string;
    sizeLimits: string;
  };
}

const VERDICT_TEXT: Record<PrecheckResult['verdict'], string> = {
  qualified: '符合科技型中小企业评价条件',
  not_qualified: '不符合科技型中小企业评价条件',
  undetermined: '信息不全，暂无法判断是否符合科技型中小企业评价条件',
};

const ROUTE_TEXT = { direct: '直通车', score: '综合评分', unknown: '尚未确定' } as const;

export function leverText(l: LeverChange): string {
  switch (l.lever) {
    case 'techStaff':
      return `新增${l.add}名全年在岗的科技人员（职工总数随之增加）`;
    case 'rdExpense':
      return `增加${l.add}万元自主研发投入（同时计入研发费用总额和成本费用支出总额，销售收入不变）`;
    case 'ipClass2':
      return `再取得${l.add}项Ⅱ类知识产权（实用新型专利、外观设计专利或软件著作权）`;
    case 'ipClass1':
      return `取得${l.add}项Ⅰ类知识产权（如发明专利）`;
  }
}

const cited = (s: { title: string; article?: string }) => s.title + (s.article ?? '');

const percent = (r: string | null) => (r === null ? null : `${toDecimalString(mul(parseDecimal(r), fraction(100)), 2)}%`);

export function factsOf(r: PrecheckResult): ExplainFacts {
  const scoring = inForce(SCORING, r.evaluationYear).value;
  const size = inForce(SIZE_LIMITS, r.evaluationYear).value;
  const floor = scoring.techStaffBands.at(-1)!.atLeast;
  return {
    evaluationYear: r.evaluationYear,
    verdict: r.verdict,
    verdictText: VERDICT_TEXT[r.verdict],
    route: r.route === null ? '未通过基本条件' : ROUTE_TEXT[r.route],
    scores: { techStaff: r.scores.techStaff, rd: r.scores.rd, ip: r.scores.ip, total: r.scores.total },
    ratios: { techStaff: percent(r.ratios.techStaff), rdBySales: percent(r.ratios.rdBySales), rdByCost: percent(r.ratios.rdByCost) },
    figures: r.figures.map(({ label, value, unit }) => ({ label, value, unit })),
    reasons: r.reasons.map((x) => ({
      code: x.code,
      message: x.message,
      ...(x.source ? { source: cited(x.source) } : {}),
    })),
    notByNumbers: r.gaps?.notByNumbers ?? [],
    levers: (r.gaps?.levers ?? []).map((l) => ({ ...l, text: leverText(l) })),
    cheapest: r.gaps?.cheapest
      ? {
          text: r.gaps.cheapest.levers.map(leverText).join('，并'),
          totalAfter: r.gaps.cheapest.totalAfter,
          estimatedCostWan: r.gaps.cheapest.estimatedCostWan,
          basis: r.gaps.cheapest.basis,
        }
      : null,
    directRoutes: (r.gaps?.directRoutes ?? r.conditions.filter((c) => c.group === 'direct')).map((d) => ({
      code: d.code,
      label: d.label,
      state: d.state,
    })),
    flags: r.flags.map(({ code, kind, message }) => ({ code, kind, message })),
    checks: [
      ...r.discrepancies,
      ...r.identities,
      ...r.inconsistencies,
      ...r.figures.flatMap((x) => (x.ambiguity ? [x.ambiguity] : [])),
    ].map(({ code, message }) => ({ code, message })),
    // An extraction error may quote the file; it is reduced to its code here.
    warnings: r.warnings.map(({ code, message }) =>
      code.startsWith('DOCUMENT_') ? { code, message: '有上传的文件未能识别，请重新上传清晰的原件' } : { code, message },
    ),
    questions: r.questions.map(({ question, neededForVerdict }) => ({ question, neededForVerdict })),
    ...(r.assessment?.ladder ? { ladder: ladderFactsOf(r.assessment.ladder) } : {}),
    rules: {
      passMark: scoring.passMark,
      passRule: `综合得分达到${scoring.passMark}分且科技人员指标得分不为0分`,
      max: { techStaff: scoring.techStaffBands[0]!.points, rd: scoring.rdBySalesBands[0]!.points, ip: scoring.ipClass1Points },
      techStaffFloor: `${toDecimalString(mul(parseDecimal(floor), fraction(100)), 0)}%`,
      sizeLimits: `职工总数不超过${size.maxEmployees}人、销售收入不超过2亿元、资产总额不超过2亿元`,
    },
  };
}
