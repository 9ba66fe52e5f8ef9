// Whether the pipeline itself would vouch for what one page's OCR pass read: the same verdict the result carries
// (assemble.ts), asked of the page alone before anything else is spent on it.
import { assemble } from './assemble.ts';
import type { Segment } from './group.ts';

/**
 * Doubtful: no statement found on the page, a line whose cell held ink but no amount, an identity that does not
 * hold, or a figure flagged or derived from the others (its line was lost).
 */
export function pageIsDoubtful(segments: Segment[]): boolean {
  const read = segments.filter((s) => s.reading.kind);
  if (read.length === 0) return true;
  return read.some((s) => {
    if (s.unreadable.length > 0) return true;
    const a = assemble(0, s.reading, 'ocr', s.candidates);
    return !a || a.checks.some((c) => !c.ok) || Object.values(a.doc.fields).some((f) => f.flagged || f.source === 'derived');
  });
}
