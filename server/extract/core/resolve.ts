// Choose among the readings of each figure (page OCR, the digits-only re-read of its cell) by the identities,
// then set confidences: confirmed by an identity → high; contradicted → flagged for the user, never "fixed".
import type { StatementKind } from '../schema.ts';
import type { ItemKey } from './catalog.ts';
import { evaluate, residuals } from './identities.ts';

export interface Candidate {
  fen: bigint;
  confidence: number;
  source: 'text' | 'ocr' | 'digits';
}

export interface Resolved {
  fen: bigint;
  confidence: number;
  flagged: boolean;
  source: 'read' | 'derived';
}

export interface Resolution {
  values: Map<ItemKey, Resolved>;
  checks: { code: string; ok: boolean; message: string }[];
}

const MAX_UNCERTAIN = 8;

/**
 * `derive`: whether figures lost to OCR may be taken from the balance sheet's identities — only for a whole
 * statement (its title read), never for a fragment whose totals are simply not on the page.
 */
export function resolve(kind: StatementKind, candidates: ReadonlyMap<ItemKey, Candidate[]>, derive = true): Resolution {
  // Distinct values per figure, best-supported first.
  const options = new Map<ItemKey, Candidate[]>();
  for (const [key, cs] of candidates) {
    const byValue = new Map<bigint, Candidate>();
    for (const c of cs) {
      const prev = byValue.get(c.fen);
      // Two independent readings agreeing raise confidence (never to certainty: both may share a slip).
      byValue.set(c.fen, prev ? { ...prev, confidence: Math.min(0.99, 1 - (1 - prev.confidence) * (1 - c.confidence) * 0.5) } : c);
    }
    options.set(key, [...byValue.values()].sort((a, b) => b.confidence - a.confidence));
  }
  const uncertain = [...options]
    .filter(([, os]) => os.length > 1)
    .sort((a, b) => (a[1][0]?.confidence ?? 0) - (b[1][0]?.confidence ?? 0))
    .slice(0, MAX_UNCERTAIN)
    .map(([k]) => k);

  let best: { pick: Map<ItemKey, Candidate>; score: number } | undefined;
  const pick = new Map<ItemKey, Candidate>();
  for (const [k, os] of options) if (os[0]) pick.set(k, os[0]);
  const visit = (i: number): void => {
    if (i === uncertain.length) {
      const values = new Map([...pick].map(([k, c]) => [k, c.fen] as const));
      const results = evaluate(kind, values);
      const ok = results.filter((r) => r.ok).length;
      const conf = [...pick.values()].reduce((s, c) => s + c.confidence, 0);
      // Among picks that satisfy as many identities, the one nearer to satisfying the rest: each order of
      // magnitude a failing identity misses by (in 元) costs as much as a reading's confidence can add.
      const miss = residuals(kind, values).reduce((s, d) => s + Math.log10(1 + Number(d) / 100), 0);
      const score = ok * 100 - (results.length - ok) * 100 + conf - miss;
      if (!best || score > best.score) best = { pick: new Map(pick), score };
      return;
    }
    const key = uncertain[i] as ItemKey;
    for (const c of options.get(key) ?? []) {
      pick.set(key, c);
      visit(i + 1);
    }
  };
  visit(0);
  const chosen = best?.pick ?? pick;

  const values = new Map<ItemKey, Resolved>();
  for (const [k, c] of chosen) {
    values.set(k, { fen: c.fen, confidence: c.confidence, flagged: false, source: 'read' });
  }
  if (candidates.size > 0 && [...candidates.values()].some((cs) => cs.some((c) => c.source !== 'text'))) repairSign(kind, values);
  if (derive) deriveMissing(kind, values);
  // Identities are judged on read figures only: a derived one satisfies its identity by construction.
  const fens = new Map([...values].filter(([, v]) => v.source === 'read').map(([k, v]) => [k, v.fen] as const));
  const results = evaluate(kind, fens);
  const confirmed = new Set(results.filter((r) => r.ok).flatMap((r) => r.keys));
  for (const r of results) {
    // A failed identity blames its doubtful figures when it has any (a figure another identity confirmed is
    // not doubtful); only when all looked sure is every unconfirmed figure in it suspect.
    // A failed identity blames every figure in it that no other identity confirms: a doubtful reading is the
    // likelier culprit, but a sure-looking one may have lost a digit (138017.25 for 1380217.25 beside a doubtful
    // 净利润, stress seed 20261244) — leaving it unflagged would pass a wrong figure silently.
    const open = r.keys.filter((k) => !confirmed.has(k));
    const blamed = r.ok ? [] : open;
    for (const k of r.keys) {
      const v = values.get(k);
      if (!v) continue;
      if (r.ok && v.source === 'read') v.confidence = Math.max(v.confidence, 0.97);
      else if (blamed.includes(k)) {
        v.flagged = true;
        v.confidence = Math.min(v.confidence, 0.6);
      }
    }
  }
  // Readings that disagreed and no identity settled stay doubtful.
  for (const k of uncertain) {
    const v = values.get(k);
    const settled = results.some((r) => r.ok && r.keys.includes(k));
    if (v && !settled) {
      v.flagged = true;
      v.confidence = Math.min(v.confidence, 0.5);
    }
  }
  return { values, checks: results.map(({ code, ok, message }) => ({ code, ok, message })) };
}

/**
 * OCR loses a 负 or a minus sign more often than anything else. When an identity fails and turning the sign of
 * exactly one figure makes every identity hold, that figure was read without its sign.
 */
function repairSign(kind: StatementKind, values: Map<ItemKey, Resolved>): void {
  const fens = () => new Map([...values].map(([k, v]) => [k, v.fen] as const));
  const failing = (v: Map<ItemKey, bigint>) => evaluate(kind, v).filter((r) => !r.ok).length;
  const before = failing(fens());
  if (before === 0) return;
  const fixes: ItemKey[] = [];
  for (const [k, v] of values) {
    if (v.fen === 0n) continue;
    const trial = fens();
    trial.set(k, -v.fen);
    if (failing(trial) === 0) fixes.push(k);
  }
  // Only an unambiguous single flip counts.
  const [only] = fixes;
  const v = only ? values.get(only) : undefined;
  if (fixes.length === 1 && v) {
    v.fen = -v.fen;
    v.confidence = Math.min(v.confidence, 0.8);
  }
}

/**
 * 资产总计 and 负债和所有者权益总计 are the same figure: a total lost to OCR (a label under a seal) is taken from
 * its twin. The result says `derived`, so the user sees it was not read.
 */
function deriveMissing(kind: StatementKind, values: Map<ItemKey, Resolved>): void {
  if (kind !== 'balance_sheet') return;
  const twin = values.get('liabilitiesAndEquity');
  if (!values.has('totalAssets') && twin) {
    values.set('totalAssets', { ...twin, confidence: Math.min(twin.confidence, 0.9), source: 'derived' });
  }
  // One of the three lost (a seal over its label): computed, flagged, and no longer checkable.
  const assets = values.get('totalAssets');
  const liabilities = values.get('totalLiabilities');
  const equity = values.get('equity');
  if (assets && liabilities && !equity) {
    values.set('equity', { fen: assets.fen - liabilities.fen, confidence: 0.6, flagged: true, source: 'derived' });
  } else if (assets && equity && !liabilities) {
    values.set('totalLiabilities', { fen: assets.fen - equity.fen, confidence: 0.6, flagged: true, source: 'derived' });
  }
}
