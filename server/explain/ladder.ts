// The ladder's facts for an explanation (contracts.md §5 via the pre-check's complete assessment): each rung's
// verdict in words, its smallest changes as the engine's templates worded them, what is still missing, and the
// provenance notice. The guard holds a model's claims about each rung to these verdicts.
import { missingLabel } from '../domain/ladder/report.ts';
import type { LadderResult, TitleResult } from '../domain/schemas/ladder.ts';

export type RungKey = 'innovative' | 'specialized' | 'littleGiant';
export type RungVerdict = 'qualified' | 'not_qualified' | 'undetermined' | 'platform';

export interface LadderFacts {
  rungs: { rung: RungKey; name: string; verdict: RungVerdict; verdictText: string; total?: number | null; gaps: string[]; missing: string[]; platform: string[] }[];
  notice: string;
}

export const RUNG_NAMES: Record<RungKey, string> = { innovative: '创新型中小企业', specialized: '专精特新中小企业', littleGiant: '专精特新“小巨人”企业' };

function titleFacts(rung: 'specialized' | 'littleGiant', t: TitleResult): LadderFacts['rungs'][number] {
  const name = RUNG_NAMES[rung];
  const unknown = t.conditions.filter((c) => c.state === 'unknown');
  const verdict: RungVerdict = t.qualified === false ? 'not_qualified' : unknown.length ? 'undetermined' : 'platform';
  const verdictText = {
    not_qualified: `不符合${name}认定标准`,
    undetermined: `信息不全，暂无法判断是否符合${name}认定标准`,
    platform: '可判断的各项均已达到，最终结果由平台评价',
    qualified: '',
  }[verdict];
  return {
    rung,
    name,
    verdict,
    verdictText,
    gaps: t.conditions.flatMap((c) => (c.state === 'unmet' && c.gap ? [c.gap.text] : [])),
    missing: [...new Set(unknown.flatMap((c) => c.missing ?? []).map(missingLabel))],
    platform: t.conditions.filter((c) => c.state === 'platform').map((c) => `${c.label}（由平台评价）`),
  };
}

export function ladderFactsOf(l: LadderResult): LadderFacts {
  const i = l.innovative;
  const name = RUNG_NAMES.innovative;
  const verdict: RungVerdict = i.qualified === true ? 'qualified' : i.qualified === false ? 'not_qualified' : 'undetermined';
  return {
    rungs: [
      {
        rung: 'innovative',
        name,
        verdict,
        verdictText: { qualified: `符合${name}评价标准`, not_qualified: `不符合${name}评价标准`, undetermined: `信息不全，暂无法判断是否符合${name}评价标准`, platform: '' }[verdict],
        total: i.total,
        gaps: i.gaps.map((g) => g.text),
        missing: i.missing.map(missingLabel),
        platform: [],
      },
      titleFacts('specialized', l.specialized),
      titleFacts('littleGiant', l.littleGiant),
    ],
    notice: l.notice,
  };
}

/** The rung a clause is about (小巨人 before 专精特新: "专精特新小巨人" names the higher one). */
export function rungOf(clause: string): RungKey | null {
  if (/小巨人/.test(clause)) return 'littleGiant';
  if (/专精特新/.test(clause)) return 'specialized';
  if (/创新型/.test(clause)) return 'innovative';
  return null;
}

const NEG = /(?:不|未|尚未|尚不|暂不|并不|无法|不能|没有)(?:完全)?(?:符合|满足|达到|通过|认定为|评为|属于)[^，,。；]*?(?:创新型|专精特新|小巨人)/;
const AFF = /(?:符合|满足|达到|通过|认定为|评为|属于)[^，,。；]*?(?:创新型|专精特新|小巨人)/g;
const NOT_BEFORE = /(?:不|未|尚未|尚不|暂不|并不|无法|不能|没有)(?:完全)?$|是否$|能否$|可否$/;

/** What a clause about a rung claims of it: the rung itself is met (affirmed), not met (negated), or nothing. */
export function rungClaim(clause: string): 'affirmed' | 'negated' | null {
  if (NEG.test(clause)) return 'negated';
  for (const m of clause.matchAll(AFF)) if (!NOT_BEFORE.test(clause.slice(0, m.index))) return 'affirmed';
  return null;
}

/** A claim about a rung that its verdict does not allow, or null. */
export function rungContradiction(claim: 'affirmed' | 'negated', verdict: RungVerdict): boolean {
  if (verdict === 'qualified') return claim === 'negated';
  if (verdict === 'not_qualified') return claim === 'affirmed';
  return true; // undetermined or left to the platform: neither "符合" nor "不符合" is known
}
