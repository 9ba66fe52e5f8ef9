// How far apart two readings of one figure may be before the pre-check says so. None of these is in the
// regulation: they are our judgement of what is rounding and what is a real difference, kept here as data.
import { cite } from '../domain/rules/sources.ts';

export const TOLERANCE = {
  /**
   * Declared vs statement, statement vs statement, R&D across documents: owners type 万元 rounded to 2 decimals
   * (100 元) and some round to whole 万元, so the larger of 0.01 万元 and 0.1 % of the amount is rounding.
   */
  money: { absoluteWan: '0.01', relative: '0.001' },
  /** Headcounts are quarterly averages in quarters of a person at worst: anything else is a real difference. */
  people: '0.01',
};

/**
 * 财务指标波动大、突增突减 (rules.md §6): reviewers compare with earlier years but publish no threshold. We flag
 * a figure that at least doubled or at least halved, and one that appears from nothing (R&D, 科技人员).
 */
export const SWING = {
  upAtLeast: '2',
  downAtMost: '0.5',
  source: cite('S4', '审核关注：财务指标波动大、突增突减'),
};

/** An extracted reading below this confidence is shown for confirmation (the extraction's own flag also counts). */
export const CONFIDENT_READING = 0.9;
