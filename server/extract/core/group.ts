// Pages → statements. A statement begins at its title, wherever that stands on the page, and runs on over
// pages that carry no title of their own; every statement is reported with the page its figures start on.
// When a group's 合并 statement is printed beside the parent company's (母公司), both are reported and the
// form uses the applying firm's own: the parent's.
import type { StatementResult } from '../schema.ts';
import { candidatesOf, type Method } from './assemble.ts';
import type { ItemKey } from './catalog.ts';
import type { Box, Word } from './layout.ts';
import { readPage, type PageReading } from './read-page.ts';
import type { Candidate } from './resolve.ts';

/** A second reading of a cell (the digits-only re-read), tied to where it was read rather than to a line. */
export interface Reread { box: Box; candidate: Candidate }

export interface Segment {
  reading: PageReading;
  candidates: Map<ItemKey, Candidate[]>;
  /** The segment's words: a continuation is read again with the header of the page before. */
  words: Word[];
  rereads: Reread[];
  /** Lines whose cell the re-read found ink in but no amount (OCR). */
  unreadable: ItemKey[];
}

export interface PageSegments { page: number; method: Method; seal: boolean; segments: Segment[] }

export interface Part { page: number; method: Method; seal: boolean; segment: Segment }

const overlaps = (a: Box, b: Box) => {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 && w * h > 0.4 * Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
};

/** Candidates of a reading plus the re-reads of the very cells it chose. */
export function withRereads(reading: PageReading, method: Method, rereads: Reread[]): Map<ItemKey, Candidate[]> {
  const out = candidatesOf(reading, method);
  for (const [key, r] of reading.readings) {
    for (const x of rereads) if (overlaps(x.box, r.cell)) out.set(key, [...(out.get(key) ?? []), x.candidate]);
  }
  for (const g of reading.gaps) {
    if (out.has(g.key)) continue;
    const found = rereads.filter((x) => overlaps(x.box, g.box)).map((x) => x.candidate);
    if (found.length) out.set(g.key, found);
  }
  return out;
}

/** A reading with what the pipeline keeps beside it. */
export function segmentOf(reading: PageReading, method: Method, rereads: Segment['rereads'], unreadable: ItemKey[] = []): Segment {
  const words = reading.rows.flatMap((r) => r.cells.flatMap((c) => c.words));
  return { reading, words, rereads, unreadable, candidates: withRereads(reading, method, rereads) };
}

export function groupStatements(pages: PageSegments[]): Part[][] {
  const groups: Part[][] = [];
  let open: Part[] | undefined;
  for (const p of pages) {
    p.segments.forEach((segment, i) => {
      const r = segment.reading;
      if (r.otherStatement || !r.kind) {
        // Rows above a page's first title that hold no statement (a running head) do not end the one before.
        if (r.titled || r.knownLines > 0) open = undefined;
        return;
      }
      const last = open?.[open.length - 1];
      const continues = !r.titled && i === 0 && last && last.page === p.page - 1 && last.segment.reading.kind === r.kind;
      if (continues && open && last) {
        open.push({ page: p.page, method: p.method, seal: p.seal, segment: inherit(segment, last.segment.reading, p.method) });
      } else groups.push((open = [{ page: p.page, method: p.method, seal: p.seal, segment }]));
    });
  }
  return groups;
}

/** A continuation page that repeats no header reads its columns, unit and scope from the page before. */
function inherit(segment: Segment, before: PageReading, method: Method): Segment {
  const named = segment.reading.layout.roles.some((x) => x);
  const context = { kind: before.kind, layout: before.layout, unit: before.unit, unitFound: before.unitFound, scope: before.scope };
  const reading = named ? { ...segment.reading, scope: before.scope } : readPage(segment.words, context);
  if (!segment.reading.unitFound && before.unitFound) Object.assign(reading, { unit: before.unit, unitFound: true });
  return { ...segment, reading, candidates: withRereads(reading, method, segment.rereads) };
}

/**
 * Which statement the form uses, per kind: the parent's when 合并 and 母公司 are both printed (the applying
 * firm's own figures), otherwise the first one.
 */
export function markUse(docs: StatementResult[]): void {
  for (const kind of new Set(docs.map((d) => d.kind))) {
    const same = docs.filter((d) => d.kind === kind);
    const chosen = same.find((d) => d.scope === 'parent') ?? same[0];
    for (const d of same) d.use = d === chosen;
  }
}
