// contracts.md §5: the ladder block of the assessment result (创新型 / 专精特新 / 小巨人). Its input half sits in
// assessment.ts beside the rest of the form. Types are derived from these schemas.
import { z } from 'zod';

const SourceRef = z.object({ id: z.string(), title: z.string(), article: z.string().optional() });

export const LADDER_STATES = ['met', 'unmet', 'unknown', 'platform'] as const;
export type LadderState = (typeof LADDER_STATES)[number];

export const SPECIALIZED_CODES = ['TITLE', 'NICHE_YEARS', 'REVENUE', 'MAIN_SHARE', 'DEBT_RATIO', 'RD', 'IP_CLASS1', 'MARKET_SHARE', 'QUALITY_SCORE'] as const;
export const LITTLE_GIANT_CODES = [
  'TITLE',
  'NICHE_YEARS',
  'REVENUE',
  'MAIN_SHARE',
  'GROWTH',
  'DEBT_RATIO',
  'RD',
  'IP_CLASS1',
  'MARKET_SHARE',
  'CHAIN',
  'QUALITY_SCORE',
] as const;
export type TitleConditionCode = (typeof LITTLE_GIANT_CODES)[number];

/**
 * The smallest change that meets one condition or lifts the 创新型 total, computed by the engine: `add` is
 * exact (amounts rounded up to 0.01 万元, points of percentage up to 0.01), `text` the template's wording.
 * `kind` says what changes: an amount in 万元, percentage points of a ratio, a count of items, years, or
 * something no figure fixes (a title, a past year).
 */
export const LadderGapSchema = z.object({
  code: z.string(),
  kind: z.enum(['amount', 'percentPoints', 'count', 'years', 'notByNumbers']),
  /** The figure to reach (万元, a ratio as a decimal string, a count). */
  target: z.string().optional(),
  /** How far from it (same unit as `kind`). */
  add: z.string().optional(),
  text: z.string(),
});
export type LadderGap = z.infer<typeof LadderGapSchema>;

export const TitleConditionSchema = z.object({
  code: z.enum(LITTLE_GIANT_CODES),
  state: z.enum(LADDER_STATES),
  label: z.string(),
  /** What the engine saw, in words ("营业收入 1,200.00 万元"). */
  detail: z.string().optional(),
  /** Input paths whose answer would decide an `unknown`. */
  missing: z.array(z.string()).optional(),
  gap: LadderGapSchema.optional(),
  source: SourceRef,
});
export type TitleCondition = z.infer<typeof TitleConditionSchema>;

const points = z.number().int().nullable();

export const InnovativeResultSchema = z.object({
  qualified: z.boolean().nullable(),
  route: z.enum(['direct', 'score']).nullable(),
  total: points,
  scores: z.object({ ip: points, rdRatio: points, growth: points, debtRatio: points, field: points, mainShare: points }),
  groups: z.object({ capability: points, growth: points, specialization: points }),
  /** Ratios rounded to 4 decimals for display; bands are decided on exact values. */
  ratios: z.object({ rdRatio: z.string().nullable(), growth: z.string().nullable(), debtRatio: z.string().nullable(), mainShare: z.string().nullable() }),
  direct: z.array(z.object({ key: z.string(), label: z.string(), state: z.enum(['met', 'unmet', 'unknown']) })),
  missing: z.array(z.string()),
  /** Single changes that would make the firm pass by score (empty when it passes or cannot be judged). */
  gaps: z.array(LadderGapSchema),
  notes: z.array(z.string()),
  source: SourceRef,
  certainty: z.enum(['sure', 'fairly_sure']),
});

export const TitleResultSchema = z.object({
  conditions: z.array(TitleConditionSchema),
  qualified: z.literal(false).nullable(),
  source: SourceRef,
  certainty: z.enum(['sure', 'fairly_sure']),
});

export const LadderResultSchema = z
  .object({
    innovative: InnovativeResultSchema,
    specialized: TitleResultSchema,
    littleGiant: TitleResultSchema,
    /** Shown with the block: the thresholds' provenance and "以当年官方通知为准". */
    notice: z.string(),
    /** Upkeep of the titles: the region pack's dates of the year and the major-change rule, each sourced. */
    upkeep: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        /** ISO day; null for a rule that runs from an event (a major change). */
        date: z.string().nullable(),
        source: SourceRef,
        certainty: z.enum(['sure', 'fairly_sure', 'provisional']),
      }),
    ),
  })
  .meta({ id: 'LadderResult', description: '梯度培育：创新型中小企业、专精特新中小企业、专精特新“小巨人”企业' });

export type LadderResult = z.infer<typeof LadderResultSchema>;
export type InnovativeResult = z.infer<typeof InnovativeResultSchema>;
export type TitleResult = z.infer<typeof TitleResultSchema>;
