// One page image → its statements through OCR: find the upright orientation, read the page with the engine,
// then take second looks — a garbled label strip, the unit band, and each doubtful amount re-read from its
// cropped cell by tesseract.js's digits-only model (the independent second reader).
import sharp from 'sharp';
import { PSM } from 'tesseract.js';
import { parseAmount, toFen, type ParsedAmount } from './core/amount.ts';
import { candidatesOf, round2 } from './core/assemble.ts';
import type { ItemKey } from './core/catalog.ts';
import { segmentOf, type Reread, type Segment } from './core/group.ts';
import { pageIsDoubtful } from './core/page-doubt.ts';
import { evaluate } from './core/identities.ts';
import type { Box, Word } from './core/layout.ts';
import { matchLabel } from './core/match.ts';
import { clearRules } from './core/projection.ts';
import { readSegments, type PageReading } from './core/read-page.ts';
import { missingQuarterCells, readQuarterTable } from './core/staff.ts';
import { detectUnit } from './core/unit.ts';
import { pagePreparer, survey, WHITE_POINT, type PreparedPage } from './image-prep.ts';
import type { SlotOcr } from './ocr.ts';
import type { ProgressDetail } from './schema.ts';

export interface OcrPageResult {
  prepared: PreparedPage;
  segments: Segment[];
  /** The page was read again at PaddleOCR's fine detection size (its first reading was doubtful). */
  fine?: true;
}

const known = (rs: PageReading[]) => rs.reduce((n, r) => n + (r.kind ? r.knownLines : 0), 0);
/** Enough known line items that the orientation (and the reading) can be trusted. */
const readable = (rs: PageReading[]) => known(rs) >= 3;

/** `step` reports how far through the page the work is (0–1), for progress while OCR runs. */
export async function ocrPage(
  bytes: Uint8Array, ocr: SlotOcr, maxPixels: number, check: () => void,
  step: (f: number, st: ProgressDetail['step']) => void = () => undefined,
): Promise<OcrPageResult | 'blank'> {
  const first = await survey(bytes, maxPixels);
  if (first.blank) return 'blank';
  step(0.05, 'preparing');
  const preparer = await pagePreparer(bytes, maxPixels, WHITE_POINT[ocr.engine]);
  const preparedTurns = new Map<number, Promise<PreparedPage>>();
  const prepare = (turn: number) => {
    const p = preparedTurns.get(turn) ?? preparer(turn);
    preparedTurns.set(turn, p);
    return p;
  };
  // The survey's projection guesses a quarter turn for most upright pages of ruled annual-report tables; the
  // detector on a small copy settles it for a sixth of a page's detection before a whole turn is read in vain.
  const across = first.turn === 90 ? await ocr.direction(await prepare(0)) : undefined;
  const turns = first.turn === 0 || across === 'across' ? [0, 180, 90, 270] : [90, 270, 0, 180];
  let best: { readings: PageReading[]; prepared: PreparedPage; sideways?: true } | undefined;
  let done = 0;
  // Progress only moves forward, also when another quarter turn has to be tried.
  const advance = (f: number, st: ProgressDetail['step']) => {
    if (f > done) step((done = f), st);
  };
  const sideways = new Set<number>();
  for (const turn of turns) {
    if (sideways.has(turn)) continue;
    check();
    const prepared = await prepare(turn);
    advance(0.15, 'recognizing');
    const page = await ocr.page(prepared);
    if (page.sideways) {
      // Half a turn more leaves the lines running down the page too: only the quarter turns are left to try.
      sideways.add((turn + 180) % 360);
      best ??= { readings: [], prepared, sideways: true };
      continue;
    }
    advance(0.7, 'checking');
    const readings = await readingsOf(page.words, prepared, ocr);
    if (!best || best.sideways || known(readings) > known(best.readings)) best = { readings, prepared };
    if (readable(readings)) break;
  }
  if (!best) throw new Error('unreachable: no orientation tried');
  check();
  const { prepared } = best;
  let segments = await secondLooks(best.readings, prepared, ocr);
  let fine: true | undefined;
  // Read at PaddleOCR's fast detection size, and the pipeline would not vouch for what it read: the upright page
  // once more at the fine size (what every page cost before; the fast size loses the odd line of small print).
  if (ocr.refines && pageIsDoubtful(segments)) {
    check();
    const page = await ocr.page(prepared, undefined, true);
    const readings = page.sideways ? [] : await readingsOf(page.words, prepared, ocr);
    if (known(readings) >= known(best.readings)) {
      segments = await secondLooks(readings, prepared, ocr);
      fine = true;
    }
  }
  advance(1, 'checking');
  return { prepared, segments, ...(fine ? { fine } : {}) };
}

/** A page pass's words as statements, with a second look at labels the pass garbled. */
async function readingsOf(words: Word[], prepared: PreparedPage, ocr: SlotOcr): Promise<PageReading[]> {
  const readings = readSegments(words);
  if (!readings.some((r) => r.kind && r.orphans.length > 0)) return readings;
  return rereadLabels(readings, words, prepared, ocr);
}

/** Each statement of the page with its second looks: the unit band, staff counts, doubtful amounts. */
async function secondLooks(readings: PageReading[], prepared: PreparedPage, ocr: SlotOcr): Promise<Segment[]> {
  const segments: Segment[] = [];
  for (let r of readings) {
    if (r.kind && !r.unitFound && r.kind !== 'staff_table' && r.titled) r = await rereadUnit(r, prepared, ocr);
    if (r.kind === 'staff_table') {
      await rereadCounts(r, prepared, ocr);
      segments.push(segmentOf(r, 'ocr', []));
      continue;
    }
    const { rereads, unreadable } = r.kind ? await rereadAmounts(r, prepared, ocr) : { rereads: [], unreadable: [] };
    segments.push(segmentOf(r, 'ocr', rereads, unreadable));
  }
  return segments;
}

/**
 * The unit line (单位：万元) is one small token at the top, and a page pass sometimes skips the corner it sits in.
 * Read the band above the table again; the unit found there applies to the statement.
 */
async function rereadUnit(r: PageReading, p: PreparedPage, ocr: SlotOcr): Promise<PageReading> {
  const top = Math.max(0, Math.min(...r.rows.map((x) => x.y)) - 20);
  const firstLabel = Math.min(...[...r.readings.values()].map((x) => x.cell.y0), top + p.height * 0.3);
  const height = Math.max(1, Math.round(firstLabel - top));
  const y0 = Math.round(top);
  const rows = Math.min(height, p.height - y0);
  const band = { data: p.gray.data.subarray(y0 * p.width, (y0 + rows) * p.width), width: p.width, height: rows };
  const { text } = await ocr.page({ gray: band }, PSM.SPARSE_TEXT);
  const found = detectUnit(text);
  return found.found ? { ...r, unit: found.unit, unitFound: true } : r;
}

/**
 * Amounts without a label: read the strip where the label should be as one line (the page pass garbles a label
 * now and then under uneven light), and read the page again with whatever now matches a known line.
 */
async function rereadLabels(readings: PageReading[], words: Word[], prepared: PreparedPage, ocr: SlotOcr): Promise<PageReading[]> {
  const boxes = readings.flatMap((r) => r.orphans.map((b) => ({ b, kind: r.kind })));
  const texts = await ocr.lines(prepared.gray, boxes.map((x) => x.b), () => Promise.all(boxes.map((x) => crop(prepared, x.b, 0, 0.3))));
  let changed = false;
  let next = words;
  boxes.forEach(({ b, kind }, i) => {
    const t = texts[i];
    if (!t || !matchLabel(t.text, kind ? [kind] : undefined)?.item.key) return;
    const inside = (w: Word) => (w.x0 + w.x1) / 2 > b.x0 && (w.x0 + w.x1) / 2 < b.x1 && (w.y0 + w.y1) / 2 > b.y0 && (w.y0 + w.y1) / 2 < b.y1;
    const h = (b.y1 - b.y0) / 1.8;
    const yc = (b.y0 + b.y1) / 2;
    next = [...next.filter((w) => !inside(w)), { text: t.text.replace(/\s+/g, ''), x0: b.x0 + h, x1: b.x1 - h, y0: yc - h / 2, y1: yc + h / 2, conf: t.confidence }];
    changed = true;
  });
  return changed ? readSegments(next) : readings;
}

/** Below this recognizer confidence an amount is doubtful and gets a second reader. */
const SURE = 0.97;

/**
 * Second opinion on doubtful amounts: the cell cropped tightly (no ruling lines, no upscaling), read by
 * tesseract.js digits-only. Doubtful: a low-confidence or irregular reading, a line in an identity the page's
 * own readings break, and every cell where a known label's amount was not found at all. With tesseract.js
 * as the page engine every amount is re-read (its page pass slips more). Cells where the re-read finds ink
 * but no number are reported as unreadable.
 */
async function rereadAmounts(r: PageReading, p: PreparedPage, ocr: SlotOcr): Promise<{ rereads: Reread[]; unreadable: ItemKey[] }> {
  if (!ocr.secondReader || !r.kind) return { rereads: [], unreadable: [] };
  const page = candidatesOf(r, 'ocr');
  const values = new Map([...page].map(([k, cs]) => [k, cs[0]!.fen] as const));
  const broken = new Set(evaluate(r.kind, values).filter((x) => !x.ok).flatMap((x) => x.keys));
  const all = ocr.engine === 'tesseract';
  const cells = [
    ...[...r.readings]
      .filter(([key, x]) => all || x.cell.conf < SURE || x.amount.doubtful || broken.has(key))
      .map(([key, x]) => ({ key, box: x.cell as Box, weight: x.labelConfidence, negative: x.amount.negative, gap: false })),
    ...r.gaps.map((g) => ({ key: g.key, box: g.box, weight: 0.8, negative: false, gap: true })),
  ];
  const read = await readDigits(p, cells.map((c) => c.box), ocr);
  const rereads: Reread[] = [];
  const unreadable: ItemKey[] = [];
  cells.forEach((c, i) => {
    const d = read[i];
    if (!d?.amount) {
      if (c.gap && d?.ink) unreadable.push(c.key);
      return;
    }
    // The digits model cannot see 负: keep the page reading's sign.
    if (c.negative) d.amount.negative = true;
    const confidence = Math.min(0.95, d.confidence) * (d.amount.doubtful ? 0.6 : 1) * c.weight;
    rereads.push({ box: c.box, candidate: { fen: toFen(d.amount, r.unit).fen, confidence: round2(confidence), source: 'digits' } });
  });
  return { rereads, unreadable };
}

/**
 * Head counts are short numbers that the page pass misreads (]1 for 11): every count on the page is read again
 * from its cell (a staff table is small), and the digits reading replaces a page reading that was not clean
 * digits. Counts the page pass lost entirely (shadow, seal) are read where their column crosses their quarter.
 */
async function rereadCounts(reading: PageReading, prepared: PreparedPage, ocr: SlotOcr): Promise<void> {
  if (!ocr.secondReader) return;
  const r = { reading, prepared };
  const cells = r.reading.rows.flatMap((row) => row.cells.filter((c) => c.amount)).slice(0, MAX_COUNT_CELLS);
  const read = await readDigits(r.prepared, cells, ocr);
  cells.forEach((cell, i) => {
    const d = read[i];
    if (!d?.amount || d.amount.doubtful) return;
    const clean = /^\d+(\.\d+)?$/.test(cell.text);
    if (!clean || (d.confidence > 0.9 && cell.conf < 0.9)) cell.amount = d.amount;
  });
  const missing = missingQuarterCells(r.reading.rows);
  const found = await readDigits(r.prepared, missing.map((m) => m.box), ocr);
  missing.forEach((m, i) => {
    const d = found[i];
    if (d?.amount && !d.amount.doubtful) m.row.cells.push({ ...m.box, text: d.text, words: [], conf: Math.min(d.confidence, 0.8), amount: d.amount });
  });
  const quarters = readQuarterTable(r.reading.rows);
  if (quarters) r.reading.quarters = quarters;
}

/** Regions read as one line of digits: the amount when one parses, and whether the crop held any ink. */
async function readDigits(p: PreparedPage, boxes: Box[], ocr: SlotOcr): Promise<({ amount?: ParsedAmount; confidence: number; text: string; ink: boolean } | undefined)[]> {
  if (boxes.length === 0) return [];
  const texts = await ocr.digits(await Promise.all(boxes.map((b) => crop(p, b))));
  return texts.map((t) => {
    const amount = parseAmount(t.text);
    return { ...(amount ? { amount } : {}), confidence: t.confidence, text: t.text, ink: t.ink };
  });
}

const MAX_COUNT_CELLS = 80;

/**
 * A region of the page for a second look, cut from the raw page (no decoding per crop), with any ruling line
 * through it removed: PSM 7 reads a framed label as one glyph (减:营业成本 between two rules came back as 四).
 */
function crop(p: PreparedPage, c: Box, pad = 1, rowShare = 0.6): Promise<Buffer> {
  const h = c.y1 - c.y0;
  const left = Math.max(0, Math.floor(c.x0 - h * 0.35 * pad));
  const top = Math.max(0, Math.floor(c.y0 - h * 0.2 * pad));
  const width = Math.max(1, Math.min(p.width, Math.ceil(c.x1 + h * 0.35 * pad)) - left);
  const height = Math.max(1, Math.min(p.height, Math.ceil(c.y1 + h * 0.2 * pad)) - top);
  const data = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height && top + y < p.height; y++) {
    const from = (top + y) * p.width + left;
    p.gray.data.copy(data, y * width, from, from + Math.min(width, p.width - left));
  }
  clearRules(data, width, height, rowShare);
  return sharp(data, { raw: { width, height, channels: 1 } }).png().toBuffer();
}
