// A page reading (plus any OCR re-readings) → the contract's statement object and its checks.
import { FIELD_NAMES, type Field, type StatementKind, type StatementResult } from '../schema.ts';
import { formatDecimal, formatFen, toFen, type ParsedAmount } from './amount.ts';
import type { ItemKey } from './catalog.ts';
import type { PageReading, Reading } from './read-page.ts';
import { countShape, implausibleJump, type Quarter, type QuarterTable } from './staff.ts';
import { resolve, type Candidate, type Resolution } from './resolve.ts';

export type Method = 'text' | 'ocr';

export interface Assembled {
  doc: StatementResult;
  checks: { code: string; ok: boolean; message: string; page: number }[];
}

/** How sure a single reading is, before any identity confirms or contradicts it. */
export function readingConfidence(r: Reading, method: Method, unitFound: boolean): number {
  let c = method === 'text' ? 0.99 : Math.min(0.95, r.cell.conf);
  c *= r.labelConfidence;
  if (r.amount.doubtful) c *= 0.6;
  if (!r.role) c *= 0.8;
  if (!unitFound) c *= 0.97;
  return round2(c);
}

export function candidatesOf(p: PageReading, method: Method): Map<ItemKey, Candidate[]> {
  const out = new Map<ItemKey, Candidate[]>();
  for (const [key, r] of p.readings) {
    const { fen, exact } = toFen(r.amount, p.unit);
    let confidence = readingConfidence(r, method, p.unitFound) * (exact ? 1 : 0.7);
    const list: Candidate[] = [];
    // OCR drops decimal points: "435" on a page printed with two decimals is more likely 4.35.
    const lostPoint = method === 'ocr' && r.amount.scale === 0 && p.decimals > 0 && r.amount.digits >= 100n;
    if (lostPoint) {
      confidence *= 0.6;
      const shifted = toFen({ ...r.amount, scale: p.decimals }, p.unit).fen;
      list.push({ fen: shifted, confidence: round2(confidence * 0.9), source: method });
    }
    list.unshift({ fen, confidence: round2(confidence), source: method });
    for (const alt of r.alternatives ?? []) {
      list.push({ fen: toFen(alt.amount, p.unit).fen, confidence: round2(readingConfidence(alt, method, p.unitFound) * 0.9), source: method });
    }
    out.set(key, list);
  }
  return out;
}

/** The comparative column's readings, as candidates of their own (the ladder's previous-year figures). */
export function previousCandidatesOf(p: PageReading, method: Method): Map<ItemKey, Candidate[]> {
  const out = new Map<ItemKey, Candidate[]>();
  for (const [key, r] of p.readings) {
    if (!r.previous) continue;
    const { fen } = toFen(r.previous.amount, p.unit);
    const conf = (method === 'text' ? 0.99 : Math.min(0.95, r.previous.cell.conf)) * r.labelConfidence * (r.previous.amount.doubtful ? 0.6 : 1);
    out.set(key, [{ fen, confidence: round2(conf), source: method }]);
  }
  return out;
}

/** Resolved money figures as contract fields; 营业总收入/营业总成本 stand in only where 营业收入/营业成本 lack. */
function moneyFields(kind: StatementKind, candidates: ReadonlyMap<ItemKey, Candidate[]>, derive: boolean): { fields: Record<string, Field>; checks: Resolution['checks'] } {
  const money = new Map([...candidates].filter(([k]) => k !== 'projectCount'));
  const res = resolve(kind, money, derive);
  const fields: Record<string, Field> = {};
  const stand: [ItemKey, ItemKey][] = [['operatingRevenue', 'totalOperatingRevenue'], ['operatingCost', 'totalOperatingCost']];
  for (const [target, total] of stand) {
    const v = res.values.get(total);
    if (!res.values.has(target) && v) res.values.set(target, v);
  }
  for (const [key, v] of res.values) {
    if (!isContractField(kind, key)) continue;
    fields[key] = {
      value: formatFen(v.fen), confidence: round2(v.confidence),
      ...(v.flagged ? { flagged: true } : {}), ...(v.source === 'derived' ? { source: 'derived' as const } : {}),
    };
  }
  return { fields, checks: res.checks };
}

export function assemble(
  page: number,
  p: PageReading,
  method: Method,
  candidates: ReadonlyMap<ItemKey, Candidate[]> = candidatesOf(p, method),
  previous: ReadonlyMap<ItemKey, Candidate[]> = previousCandidatesOf(p, method),
): Assembled | undefined {
  const kind = p.kind;
  if (!kind) return undefined;
  const fields: Record<string, Field> = {};
  let checks: Assembled['checks'] = [];
  if (kind === 'staff_table' || kind === 'rd_deduction') {
    for (const [key, r] of p.readings) {
      if (key === 'rdSubtotal' || !isContractField(kind, key)) continue;
      const f = countField(r, method);
      if (f) fields[key] = f;
    }
    if (kind === 'rd_deduction') {
      const count = projectCount(fields.projectCount, candidates.get('projectCount'));
      if (count) fields.projectCount = count;
    }
    if (p.quarters) Object.assign(fields, quarterFields(p.quarters, method));
  }
  let prior: StatementResult['previous'];
  if (kind !== 'staff_table') {
    const current = moneyFields(kind, candidates, p.titled);
    // A unit line that did not read leaves every figure a factor of 1000 from right or wrong alike, which no
    // identity can tell: all of them are the user's to confirm.
    if (p.unitGuessed && !p.unitFound) {
      for (const f of Object.values(current.fields)) Object.assign(f, { flagged: true, confidence: Math.min(f.confidence, 0.5) });
    }
    Object.assign(fields, current.fields);
    checks = current.checks.map((c) => ({ ...c, page }));
    if (kind !== 'rd_deduction' && previous.size > 0) {
      const before = moneyFields(kind, previous, false);
      if (Object.keys(before.fields).length > 0) prior = { ...(p.previousColumn ? { period: p.previousColumn } : {}), fields: before.fields };
    }
  }
  const doc: StatementResult = {
    kind, page, unit: p.unit, fields, scope: p.scope,
    ...(prior ? { previous: prior } : {}),
    ...(p.quarters?.quarters.length ? { quarters: p.quarters.quarters } : {}),
    ...(p.company ? { company: p.company } : {}),
    ...(p.period ? { period: p.period } : {}),
    ...(p.column ? { column: p.column } : {}),
  };
  return { doc, checks };
}

/** Annual figures from a per-quarter staff table; a printed average that disagrees flags both. */
function quarterFields(t: QuarterTable, method: Method): Record<string, Field> {
  const base = method === 'text' ? 0.99 : Math.min(0.95, t.confidence);
  const field = (value: string): Field =>
    t.printedAgrees === false ? { value, confidence: 0.5, flagged: true }
    : t.unchecked ? { value, confidence: round2(Math.min(base, 0.6)), flagged: true } : { value, confidence: round2(t.printedAgrees ? Math.max(base, 0.97) : base) };
  const jumps = (a: keyof Quarter, b: keyof Quarter) => implausibleJump(t.quarters.flatMap((q) => [q[a], q[b]]));
  const employees = field(t.employees);
  const techStaff = field(t.techStaff);
  return {
    employees: jumps('startEmployees', 'endEmployees') ? doubtful(employees) : employees,
    techStaff: jumps('startTech', 'endTech') ? doubtful(techStaff) : techStaff,
  };
}

/**
 * The project count as read on the page, checked against the digits-only re-read of its cell: agreement
 * confirms it, disagreement flags it, and a count only the re-read found is reported as doubtful.
 */
function projectCount(page: Field | undefined, candidates: Candidate[] | undefined): Field | undefined {
  const crop = candidates?.find((c) => c.source === 'digits');
  if (!crop || crop.fen < 0n || crop.fen % 100n !== 0n) return page;
  const value = String(crop.fen / 100n);
  if (!page) return { value, confidence: round2(Math.min(crop.confidence, 0.8)) };
  return page.value === value ? { ...page, confidence: Math.max(page.confidence, 0.97) } : { ...page, confidence: 0.5, flagged: true };
}

const isContractField = (kind: StatementKind, key: string): boolean => (FIELD_NAMES[kind] as readonly string[]).includes(key);
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Counts: a 统计表 gives the 全年季平均数 itself, or the quarters' 季初/季末 figures (8 numbers) or quarterly
 * averages (4) from which the form computes it — (Σ季初+季末)/8 exactly, as a decimal.
 */
function countField(r: Reading, method: Method): Field | undefined {
  const conf = readingConfidence(r, method, true);
  const nums = r.rowAmounts.map((a) => a.cell.amount).filter((a): a is ParsedAmount => a !== undefined);
  const { printed, quarters, sound, partial } = countShape(nums, r.rowAmounts.find((a) => a.role === 'average')?.cell.amount);
  if (printed) {
    const shown = count([printed], 1, conf);
    if (quarters.length === 8 && sound) {
      const computed = count(quarters, 8, conf);
      // Both given: they must agree (the form recomputes the average the same way).
      return shown.value === computed.value ? { ...shown, confidence: Math.max(shown.confidence, 0.97) } : { ...shown, confidence: 0.5, flagged: true };
    }
    // Quarters missing or misread: the average stands unchecked.
    return quarters.length === 0 ? shown : doubtful(shown);
  }
  if (!sound) return { ...count([r.amount], 1, Math.min(conf, 0.5)), flagged: true };
  if (quarters.length === 8 || quarters.length === 4) {
    const f = count(quarters, quarters.length, conf);
    return implausibleJump(quarters.map((q) => Number(q.digits) / 10 ** q.scale)) ? doubtful(f) : f;
  }
  if (quarters.length === 1) return count(quarters, 1, conf);
  // Some quarters' counts and no average: the figure cannot be given (read-page.ts reports it missing).
  if (partial) return undefined;
  if (quarters.length > 1) return { ...count([r.amount], 1, Math.min(conf, 0.5)), flagged: true };
  return undefined;
}

const doubtful = (f: Field): Field => ({ ...f, confidence: Math.min(f.confidence, 0.6), flagged: true });

function count(nums: ParsedAmount[], divisor: number, confidence: number): Field {
  // Σ / divisor, exactly, with every value brought to a common scale.
  const scale = Math.max(...nums.map((n) => n.scale));
  const sum = nums.reduce((s, n) => s + (n.negative ? -1n : 1n) * n.digits * 10n ** BigInt(scale - n.scale), 0n);
  const extra = 3; // 1/8 needs three more decimals at most
  const scaled = (sum * 10n ** BigInt(extra)) / BigInt(divisor);
  const exact = (sum * 10n ** BigInt(extra)) % BigInt(divisor) === 0n;
  return {
    value: formatDecimal(scaled, scale + extra),
    confidence: round2(exact ? confidence : confidence * 0.5),
    ...(exact ? {} : { flagged: true }),
  };
}
