// A parsed batch → one result per firm in input order, and the summary. Firms without statements are scored
// at once; a firm's statements are fetched (read from its folder, or waited for in the job queue) with a
// bounded number of firms in flight, so a thousand folders never start a thousand extractions.
import type { ResolvedDocument } from '../precheck/reconcile.ts';
import type { ParsedBatch } from './parse.ts';
import type { BatchSummary, FirmResult } from './schemas.ts';
import { scoreFirm } from './score.ts';
import type { ParsedFirm } from './sheet.ts';
import { summaryBuilder } from './summary.ts';

export interface RunOptions {
  defaultYear: number;
  /** The firm's statements, extracted; null when it has none. */
  statements?: (firm: ParsedFirm) => Promise<ResolvedDocument[] | null>;
  /** Whether a firm has statements at all (decides which firms wait for them). */
  hasStatements?: (firm: ParsedFirm) => boolean;
  /** Firms whose statements are being read at once. */
  concurrency?: number;
  /** Called as firms finish (in any order), with the count done. */
  onProgress?: (done: number, total: number, firm: FirmResult) => void;
  /** Notes for the summary besides the parser's (folders that matched no firm…). */
  notes?: string[];
}

export interface BatchOutcome {
  results: FirmResult[];
  summary: BatchSummary;
}

export async function runBatch(parsed: ParsedBatch, opts: RunOptions): Promise<BatchOutcome> {
  const total = parsed.firms.length;
  const results: FirmResult[] = new Array(total);
  let done = 0;
  const finish = (i: number, r: FirmResult) => {
    results[i] = r;
    opts.onProgress?.(++done, total, r);
  };
  const waiting: number[] = [];
  parsed.firms.forEach((firm, i) => {
    if (opts.statements && opts.hasStatements?.(firm) && !firm.issues.length) waiting.push(i);
    else finish(i, scoreFirm(firm, null, opts));
  });
  let next = 0;
  const worker = async () => {
    while (next < waiting.length) {
      const i = waiting[next++]!;
      const firm = parsed.firms[i]!;
      finish(i, scoreFirm(firm, await opts.statements!(firm), opts));
    }
  };
  await Promise.all(Array.from({ length: Math.min(waiting.length, opts.concurrency ?? 2) }, worker));

  const summary = summaryBuilder({ blankRows: parsed.blankRows, notes: [...parsed.notes, ...(opts.notes ?? [])] });
  for (const r of results) summary.add(r);
  if (parsed.orphanProjects.length)
    summary.result().notes.push(...parsed.orphanProjects.map((p) => `${p.sheet}第${p.row}行：${p.message}`));
  return { results, summary: summary.result() };
}
