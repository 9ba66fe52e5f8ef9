// Reviewer risk (rules.md §6, §10): the on-site triggers and the assessment's own warnings, computed by the
// engine's functions from whatever facts are known (they skip unknown ones), plus swings against last year.
import { onSiteChecks, warnings, type NoticeFacts } from '../domain/assess.ts';
import { cmp, fraction, isZero, mul, parseDecimal, parseExact, toDecimalString, type Fraction } from '../domain/exact.ts';
import type { PolicyPack } from '../domain/rules/packs.ts';
import { FIGURE_LABELS, say } from './reconcile.ts';
import type { FigureKey, PrecheckInput, PrecheckNotice, PrecheckResult } from './schemas.ts';
import { SWING } from './thresholds.ts';

type Flag = PrecheckResult['flags'][number];

/** Warnings the assessment raises that are reviewer risk rather than advice. */
const REVIEW_WARNINGS = new Set(['TECH_RATIO_HIGH']);

/** Figures whose appearance from nothing is itself a 突增 (money or people that were zero last year). */
const FROM_NOTHING: FigureKey[] = ['rdTotal', 'techStaff'];

export function riskNotices(
  facts: NoticeFacts,
  year: number,
  pack: PolicyPack,
  values: Partial<Record<FigureKey, Fraction>>,
  previous: PrecheckInput['previousYear'],
): { flags: Flag[]; warnings: PrecheckNotice[] } {
  const flags: Flag[] = onSiteChecks(facts, year).map((n) => ({ ...n, kind: 'on_site' as const }));
  const rest: PrecheckNotice[] = [];
  for (const w of warnings(facts, year, pack)) {
    if (REVIEW_WARNINGS.has(w.code)) flags.push({ ...w, kind: 'review' });
    else rest.push(w);
  }
  flags.push(...swings(values, previous ?? {}));
  return { flags, warnings: rest };
}

function swings(values: Partial<Record<FigureKey, Fraction>>, previous: NonNullable<PrecheckInput['previousYear']>): Flag[] {
  const out: Flag[] = [];
  const up = parseExact(SWING.upAtLeast);
  const down = parseExact(SWING.downAtMost);
  for (const [key, before] of Object.entries(previous) as [FigureKey, string | undefined][]) {
    const now = values[key];
    if (before === undefined || now === undefined) continue;
    const prev = parseDecimal(before);
    const { label, unit } = FIGURE_LABELS[key];
    const was = `${say(prev, unit)}${unit}`;
    const is = `${say(now, unit)}${unit}`;
    const flag = (change: string) =>
      out.push({
        code: 'LARGE_SWING',
        kind: 'review',
        message: `${label}${change}，审核时会关注财务指标的突增突减`,
        source: SWING.source,
      });
    if (isZero(prev)) {
      if (FROM_NOTHING.includes(key) && now.n > 0n) flag(`上年为0，本年为${is}`);
      continue;
    }
    if (prev.n < 0n !== now.n < 0n && !isZero(now)) {
      flag(`由上年的${was}${now.n < 0n ? '转为负数' : '由负转正'}（本年${is}）`);
      continue;
    }
    const abs = (x: Fraction) => (x.n < 0n ? { n: -x.n, d: x.d } : x);
    const times = toDecimalString(fraction(abs(now).n * abs(prev).d, abs(now).d * abs(prev).n), 2, true);
    if (cmp(abs(now), mul(abs(prev), up)) >= 0) flag(`由上年的${was}增至${is}（为上年的${times}倍）`);
    else if (cmp(abs(now), mul(abs(prev), down)) <= 0) flag(`由上年的${was}降至${is}（为上年的${times}倍）`);
  }
  return out;
}
