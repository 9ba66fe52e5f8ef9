// One parsed firm → its result row. Without statements the form is validated and assessed exactly as
// `kexiao score` does; with statements it goes through the pre-check (reconcile, then judge), so each figure
// that differs from a statement is reported. Validation problems are pointed back to their cells. Pure.
import { assess } from '../domain/assess.ts';
import { AssessmentInputSchema, type AssessmentResult } from '../domain/schemas/assessment.ts';
import type { ValidationIssue } from '../domain/schemas/issues.ts';
import { validate } from '../domain/validate.ts';
import { precheck } from '../precheck/precheck.ts';
import { FIGURE_LABELS, type ResolvedDocument } from '../precheck/reconcile.ts';
import { PrecheckInputSchema } from '../precheck/schemas.ts';
import { columnLetter } from './columns.ts';
import { ladderState } from './ladder.ts';
import type { BatchIssue, FirmResult } from './schemas.ts';
import { pathKeys, type ParsedFirm } from './sheet.ts';

/** A validation problem (JSON path) → the cell it came from: the firm's column or the project's row. */
export function toCell(firm: ParsedFirm, issue: Pick<ValidationIssue, 'path' | 'code' | 'message'>): BatchIssue {
  const src = firm.sources;
  const base = { path: issue.path, code: issue.code, message: issue.message };
  if (!src || src.sheet === 'jsonl') return { sheet: 'jsonl', row: firm.row, column: null, header: '', ...base };
  const keys = pathKeys(issue.path);
  if (keys[0] === 'rdProjects' && typeof keys[1] === 'number' && src.projects[keys[1]]) {
    const p = src.projects[keys[1]]!;
    const l = p.located.find((x) => x.column.key === keys[2]);
    return { sheet: p.sheet, row: p.sheetRow, column: l ? columnLetter(l.index + 1) : null, header: l?.text ?? '', ...base };
  }
  // The column of this path, else the first column under it (a missing quarter, an absent section).
  const hit =
    src.located.find((l) => l.column.key === issue.path) ??
    src.located.find((l) => l.column.key.startsWith(`${issue.path}.`) || l.column.key.startsWith(`${issue.path}[`)) ??
    (issue.path.startsWith('rdProjects') ? src.located.find((l) => l.column.key === 'rdTotalSelf') : undefined);
  return hit
    ? { sheet: src.sheet, row: firm.row, column: columnLetter(hit.index + 1), header: hit.text, ...base }
    : { sheet: src.sheet, row: firm.row, column: null, header: '', ...base, message: `${issue.message}（表中没有这一列）` };
}

const empty = (firm: ParsedFirm) => ({
  row: firm.row,
  name: firm.name ?? null,
  creditCode: firm.creditCode ?? null,
  discrepancies: [],
  documents: [],
  ladder: null,
});

function invalid(firm: ParsedFirm, issues: BatchIssue[]): FirmResult {
  return {
    ...empty(firm),
    status: 'invalid',
    verdict: 'invalid',
    qualified: null,
    route: null,
    total: null,
    scores: { techStaff: null, rdBySales: null, rdByCost: null, rd: null, ip: null },
    ratios: { techStaff: null, rdBySales: null, rdByCost: null },
    reasons: [],
    onSiteCheck: [],
    flags: [],
    issues,
    assessment: null,
    input: null,
  };
}

const notices = (xs: readonly { code: string; message: string }[]) => xs.map(({ code, message }) => ({ code, message }));

function fromAssessment(firm: ParsedFirm, input: Record<string, unknown>, a: AssessmentResult): FirmResult {
  return {
    ...empty(firm),
    status: 'scored',
    verdict: a.qualified ? 'qualified' : 'not_qualified',
    qualified: a.qualified,
    route: a.route,
    total: a.total,
    scores: a.scores,
    ratios: a.ratios,
    reasons: a.reasons.map(({ code, message }) => ({ code, message })),
    onSiteCheck: notices(a.onSiteCheck),
    flags: notices(a.warnings),
    issues: [],
    ladder: ladderState(a),
    assessment: a,
    input,
  };
}

export interface ScoreContext {
  /** The evaluation year a pre-checked row takes when it gives none (the year of filing). */
  defaultYear: number;
}

/** The firm's result; `docs` are its statements already extracted (null: no folder for this firm). */
export function scoreFirm(firm: ParsedFirm, docs: readonly ResolvedDocument[] | null, ctx: ScoreContext): FirmResult {
  if (firm.issues.length) {
    // A line that is not JSON has nothing more to check.
    if (!firm.sources) return invalid(firm, firm.issues);
    // Cell problems first; validation of what was readable adds the rest (a missing required field too).
    const rest = validate(docs ? PrecheckInputSchema : AssessmentInputSchema, firm.input);
    const more = rest.ok ? [] : rest.issues.filter((i) => !firm.issues.some((c) => c.path === i.path)).map((i) => toCell(firm, i));
    return invalid(firm, [...firm.issues, ...more]);
  }
  if (!docs) {
    const v = validate(AssessmentInputSchema, firm.input);
    if (!v.ok) return invalid(firm, v.issues.map((i) => toCell(firm, i)));
    return fromAssessment(firm, v.value as unknown as Record<string, unknown>, assess(v.value));
  }
  const v = validate(PrecheckInputSchema, firm.input);
  if (!v.ok) return invalid(firm, v.issues.map((i) => toCell(firm, i)));
  const p = precheck(v.value, docs, ctx);
  const a = p.assessment;
  // Questions that could still decide the verdict are the missing inputs, pointed at their columns.
  const missing = p.questions
    .filter((q) => q.neededForVerdict)
    .map((q) => toCell(firm, { path: q.path, code: 'MISSING', message: `未填：${q.question}` }));
  return {
    ...empty(firm),
    status: 'checked',
    verdict: p.verdict,
    qualified: p.verdict === 'undetermined' ? null : p.verdict === 'qualified',
    route: p.route,
    total: p.scores.total,
    scores: { techStaff: p.scores.techStaff, rdBySales: p.scores.rdBySales, rdByCost: p.scores.rdByCost, rd: p.scores.rd, ip: p.scores.ip },
    ratios: p.ratios,
    reasons: p.reasons.map(({ code, message }) => ({ code, message })),
    onSiteCheck: notices(a?.onSiteCheck ?? p.flags.filter((f) => f.kind === 'on_site')),
    flags: notices([
      ...p.flags.filter((f) => f.kind === 'review'),
      ...p.warnings,
      ...p.inconsistencies,
      ...p.identities,
    ]),
    issues: missing,
    discrepancies: p.discrepancies.map((d) => ({
      figure: d.figure,
      label: FIGURE_LABELS[d.figure].label,
      declared: d.declared,
      document: d.document,
      file: d.origin.file,
      page: d.origin.page,
      message: d.message,
    })),
    documents: p.documents.map((d) => ({ file: d.file, errors: notices(d.errors) })),
    ladder: a ? ladderState(a) : null,
    assessment: a,
    input: v.value as unknown as Record<string, unknown>,
  };
}
