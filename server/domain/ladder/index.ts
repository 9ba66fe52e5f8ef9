// The ladder above 科技型 (ladder.md, contracts.md §5): 创新型, 专精特新 and 小巨人 from the same answers as the
// 科技型 assessment. Pure: the caller passes the input and what the 科技型 engine already computed.
import type { Fraction } from '../exact.ts';
import { inForceOrNull } from '../rules/dated.ts';
import { INNOVATIVE, LITTLE_GIANT, SPECIALIZED } from '../rules/ladder.ts';
import type { PolicyPack } from '../rules/packs.ts';
import type { AssessmentInput } from '../schemas/assessment.ts';
import type { LadderResult } from '../schemas/ladder.ts';
import { ladderFacts } from './facts.ts';
import { innovative } from './innovative.ts';
import { littleGiant, specialized } from './titles.ts';

export const LADDER_NOTICE =
  '创新型中小企业按《优质中小企业梯度培育管理暂行办法》附件1原文计算；专精特新、“小巨人”的2026年标准据引用官方文件的汇编整理，尚未核对原文。发展质量评价得分等由平台评价的项目不作估算。以当年官方通知为准。';

/**
 * `null` for evaluation years before the 2026 measures: the 2022 专精特新 standard was a different (scored) one
 * that this product does not implement, and a ladder with only one rung would mislead.
 */
export function assessLadder(input: AssessmentInput, rdTotal: Fraction, techQualified: boolean, pack: PolicyPack): LadderResult | null {
  const year = input.evaluationYear;
  const rules = { i: inForceOrNull(INNOVATIVE, year), s: inForceOrNull(SPECIALIZED, year), g: inForceOrNull(LITTLE_GIANT, year) };
  if (!rules.i || !rules.s || !rules.g) return null;
  const f = ladderFacts(input, rdTotal, techQualified, pack);
  const inno = innovative(f, rules.i);
  return {
    innovative: inno,
    specialized: specialized(f, rules.s, inno.qualified),
    littleGiant: littleGiant(f, rules.g),
    notice: LADDER_NOTICE,
    upkeep: upkeepOf(pack, year),
  };
}

const UPKEEP_KINDS = ['tierUpdateDeadline', 'giantFilingOpens', 'giantFilingCloses'] as const;

/** The pack's ladder dates of the evaluation year, then its major-change rule (Henan's 细则 has one). */
export function upkeepOf(pack: PolicyPack, year: number): LadderResult['upkeep'] {
  const dates = pack.dates[year];
  return [
    ...UPKEEP_KINDS.flatMap((kind) => {
      const d = dates?.[kind];
      return d ? [{ kind, label: d.label, date: d.date, source: d.source, certainty: d.provisional ? ('provisional' as const) : (d.certainty ?? 'sure') }] : [];
    }),
    ...(pack.majorChange ? [{ kind: 'majorChange', label: pack.majorChange.label, date: null, source: pack.majorChange.source, certainty: 'sure' as const }] : []),
  ];
}
