// The batch in numbers: firms by verdict and route, and how many firms each reason, on-site trigger, flag and
// input problem concerns (a firm counts once per code). Pure, and built row by row so a large batch never
// needs its results in memory twice.
import { FLAG_LABELS, ISSUE_LABELS, ON_SITE_LABELS, REASON_LABELS } from './labels.ts';
import type { BatchSummary, FirmResult } from './schemas.ts';

type Counts = BatchSummary['byReason'];

function countCodes(into: Counts, items: readonly { code: string; message: string }[], labels: Record<string, string>) {
  for (const code of new Set(items.map((i) => i.code))) {
    const entry = (into[code] ??= { label: labels[code] ?? items.find((i) => i.code === code)!.message.slice(0, 40), count: 0 });
    entry.count++;
  }
}

export function summaryBuilder(extra: { blankRows: number[]; notes: string[] }) {
  const s: BatchSummary = {
    firms: 0,
    byVerdict: { qualified: 0, not_qualified: 0, undetermined: 0, invalid: 0 },
    byRoute: { direct: 0, score: 0, none: 0 },
    byReason: {},
    byOnSiteCheck: {},
    byFlag: {},
    byIssue: {},
    withDiscrepancies: 0,
    blankRows: extra.blankRows,
    notes: extra.notes,
  };
  return {
    add(r: FirmResult) {
      s.firms++;
      s.byVerdict[r.verdict]++;
      if (r.status !== 'invalid') {
        if (r.route === 'direct' || r.route === 'score') s.byRoute[r.route]++;
        else if (r.route === null) s.byRoute.none++;
      }
      countCodes(s.byReason, r.reasons, REASON_LABELS);
      countCodes(s.byOnSiteCheck, r.onSiteCheck, ON_SITE_LABELS);
      countCodes(s.byFlag, r.flags, FLAG_LABELS);
      countCodes(s.byIssue, r.issues, ISSUE_LABELS);
      if (r.discrepancies.length) s.withDiscrepancies++;
    },
    result: (): BatchSummary => s,
  };
}
