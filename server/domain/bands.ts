// Band lookup on exact ratios: a ratio equal to a threshold takes that band ("含").
import { cmp, parseExact, type Fraction } from './exact.ts';
import type { Band } from './rules/national.ts';

export function bandPoints(ratio: Fraction, bands: readonly Band[]): number {
  for (const band of bands) if (cmp(ratio, parseExact(band.atLeast)) >= 0) return band.points;
  return 0;
}
