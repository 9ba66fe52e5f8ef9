// The ladder's two-year figures (ladder.md: growth and "each of the last two years" need the year before
// last) offered from the statements' comparative column (上期 / 上年, contracts.md §3 `previous`), each with
// its page, and the 负债合计 of the balance sheet. A figure the owner answered stays theirs; an offered one
// fills only what is still unanswered, and the owner is asked only for what neither gives. Pure.
import { div, fraction, parseDecimal, toDecimalString } from '../domain/exact.ts';
import type { AssessmentInputJson } from '../domain/schemas/assessment.ts';
import type { Fraction } from '../domain/exact.ts';
import { LINE_NAMES, type ResolvedDocument } from './reconcile.ts';
import type { LadderFigure, PrecheckInput } from './schemas.ts';

const YUAN_PER_WAN = fraction(10000);

/** Comparative-column lines of the income statement → the ladder's previous-year answers. */
const PREVIOUS: { field: string; path: LadderFigure['path']; label: string }[] = [
  { field: 'operatingRevenue', path: 'ladder.previousYear.operatingRevenue', label: '前一年营业收入' },
  { field: 'mainBusinessRevenue', path: 'ladder.previousYear.mainBusinessRevenue', label: '前一年主营业务收入' },
  { field: 'rdExpenses', path: 'ladder.previousYear.rdTotal', label: '前一年研发费用（利润表）' },
];

const answered = (input: PrecheckInput, path: LadderFigure['path']): string | null | undefined => {
  const l = input.ladder;
  if (path === 'ladder.totalLiabilities') return l?.totalLiabilities;
  const key = path.split('.').at(-1) as 'operatingRevenue' | 'mainBusinessRevenue' | 'rdTotal';
  return l?.previousYear?.[key];
};

/** Every ladder figure the statements offer, first statement first; `used` when it fills an unanswered field. */
export function ladderFigures(input: PrecheckInput, docs: readonly ResolvedDocument[], totalLiabilities?: Fraction): LadderFigure[] {
  const out: LadderFigure[] = [];
  const seen = new Set<string>();
  for (const doc of docs)
    for (const st of doc.extraction.documents) {
      if (st.kind !== 'income_statement' || !st.previous) continue;
      for (const p of PREVIOUS) {
        const f = st.previous.fields[p.field];
        if (!f || seen.has(p.path)) continue;
        seen.add(p.path);
        const value = div(parseDecimal(f.value), YUAN_PER_WAN);
        out.push({
          path: p.path,
          label: p.label,
          value: toDecimalString(value, 6, true),
          origin: {
            kind: 'document',
            documentId: doc.id,
            file: doc.extraction.file,
            statement: st.kind,
            page: st.page,
            field: p.field,
            ...(LINE_NAMES[p.field] ? { line: LINE_NAMES[p.field] } : {}),
            unit: st.unit,
          },
          column: st.previous.period ?? '上期',
          confidence: f.confidence,
          used: answered(input, p.path) == null,
        });
      }
    }
  if (totalLiabilities)
    out.push({ path: 'ladder.totalLiabilities', label: '负债合计', value: toDecimalString(totalLiabilities, 6, true), origin: null, column: '期末', confidence: 1, used: answered(input, 'ladder.totalLiabilities') == null });
  return out;
}

/** The ladder input for the assessment: the owner's answers, with the offered figures filling the rest. */
export function ladderInputOf(input: PrecheckInput, offered: readonly LadderFigure[]): AssessmentInputJson['ladder'] {
  const l = structuredClone(input.ladder ?? {}) as NonNullable<AssessmentInputJson['ladder']>;
  for (const f of offered) {
    if (!f.used) continue;
    if (f.path === 'ladder.totalLiabilities') l.totalLiabilities = f.value;
    else {
      const key = f.path.split('.').at(-1) as 'operatingRevenue' | 'mainBusinessRevenue' | 'rdTotal';
      l.previousYear = { ...l.previousYear, [key]: f.value };
    }
  }
  return Object.keys(l).length ? l : undefined;
}
