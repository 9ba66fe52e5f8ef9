// Tolerant matching of a label against the known line items: OCR slips a character or two in a label
// (负愤合计, 管埋费用); the nearest known line wins only when it is clearly nearer than the runner-up.
import type { StatementKind } from '../schema.ts';
import { INDEX, type IndexedItem } from './catalog.ts';
import { labelKey } from './normalize.ts';

export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[B.length] ?? 0;
}

export interface LabelMatch {
  item: IndexedItem;
  distance: number;
  /** 1 for an exact match, lower with each slip. */
  confidence: number;
}

/** Slips allowed for a label of this length: none for 2 characters, one for 3–7, two from 8. */
const allowance = (len: number): number => (len <= 2 ? 0 : len < 8 ? 1 : Math.floor(len / 5) + 1);

export function matchLabel(raw: string, kinds?: readonly StatementKind[]): LabelMatch | undefined {
  const key = labelKey(raw);
  if ([...key].length < 2) return undefined;
  const scored: { it: IndexedItem; d: number }[] = [];
  for (const it of INDEX) {
    if (kinds && !kinds.includes(it.kind)) continue;
    scored.push({ it, d: it.key0 === key ? 0 : editDistance(key, it.key0) });
  }
  scored.sort((a, b) => a.d - b.d);
  const top = scored[0];
  if (!top) return undefined;
  const best: LabelMatch = { item: top.it, distance: top.d, confidence: 1 };
  // The runner-up that would mean something else (a synonym of the same line is no rival).
  const rival = scored.find((c) => c.it.key !== top.it.key || c.it.kind !== top.it.kind || (c.it.key === undefined && c.it.key0 !== top.it.key0));
  const second = rival?.d ?? Infinity;
  const len = Math.max([...key].length, [...best.item.key0].length);
  if (best.distance > allowance(len)) return undefined;
  // Ties between different targets are ambiguous: refuse rather than guess.
  if (best.distance > 0 && second <= best.distance) return undefined;
  best.confidence = best.distance === 0 ? 1 : Math.max(0.5, 1 - (best.distance / len) * 1.5);
  return best;
}
