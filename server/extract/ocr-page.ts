// One page image → a page reading through OCR: find the upright orientation, read the page, then re-read each
// amount the page needs from its cropped cell with the digits-only model.
import sharp from 'sharp';
import { parseAmount, toFen, type ParsedAmount } from './core/amount.ts';
import { candidatesOf, round2 } from './core/assemble.ts';
import type { ItemKey } from './core/catalog.ts';
import type { Box, Word } from './core/layout.ts';
import { matchLabel } from './core/match.ts';
import { clearRules } from './core/projection.ts';
import { detectUnit } from './core/unit.ts';
import { readPage, type PageReading } from './core/read-page.ts';
import { missingQuarterCells, readQuarterTable } from './core/staff.ts';
import type { Candidate } from './core/resolve.ts';
import { pagePreparer, survey, type PreparedPage } from './image-prep.ts';
import { PSM } from 'tesseract.js';
import type { SlotOcr } from './ocr.ts';
import type { Segment } from './core/group.ts';
import { segmentOf } from './extract.ts';
import type { ProgressDetail } from './schema.ts';

export interface OcrPageResult {
  reading: PageReading;
  candidates: Map<ItemKey, Candidate[]>;
  prepared: PreparedPage;
  segments: Segment[];
}

/** Enough known line items that the orientation (and the reading) can be trusted. */
const readable = (r: PageReading) => r.kind !== undefined && r.knownLines >= 3;

/** `step` reports how far through the page the work is (0–1), for progress while OCR runs. */
export async function ocrPage(
  bytes: Uint8Array, ocr: SlotOcr, maxPixels: number, check: () => void,
  step: (f: number, st: ProgressDetail['step']) => void = () => undefined,
): Promise<OcrPageResult | 'blank'> {
  const first = await survey(bytes, maxPixels);
  if (first.blank) return 'blank';
  const prepare = await pagePreparer(bytes, maxPixels);
  const turns = first.turn === 0 ? [0, 180, 90, 270] : [90, 270, 0, 180];
  let best: Omit<OcrPageResult, 'candidates' | 'segments'> | undefined;
  let done = 0;
  // Progress only moves forward, also when another quarter turn has to be tried.
  const advance = (f: number, st: ProgressDetail['step']) => {
    if (f > done) step((done = f), st);
  };
  for (const turn of turns) {
    check();
    const prepared = await prepare(turn);
    advance(0.15, 'recognizing');
    const page = await ocr.page(prepared.png);
    advance(0.7, 'checking');
    let reading = readPage(page.words);
    if (reading.kind && reading.orphans.length > 0) reading = await rereadLabels(reading, page.words, prepared, ocr);
    const result = { reading, prepared };
    if (!best || reading.knownLines > best.reading.knownLines) best = result;
    if (readable(reading)) break;
  }
  if (!best) throw new Error('unreachable: no orientation tried');
  check();
  if (!best.reading.unitFound && best.reading.kind !== 'staff_table') best.reading = await rereadUnit(best, ocr);
  const candidates = candidatesOf(best.reading, 'ocr');
  await rereadAmounts(best, candidates, ocr);
  advance(1, 'checking');
  return { ...best, candidates, segments: [{ ...segmentOf(best.reading, 'ocr', []), candidates }] };
}

/**
 * The unit line (单位：万元) is one small token at the top, and a page pass in one-column mode sometimes skips the
 * corner it sits in. Read the band above the table as sparse text; the unit found there applies to the page.
 */
async function rereadUnit(r: Omit<OcrPageResult, 'candidates' | 'segments'>, ocr: SlotOcr): Promise<PageReading> {
  const firstLabel = Math.min(...[...r.reading.readings.values()].map((x) => x.cell.y0), r.prepared.height * 0.3);
  const band = await sharp(r.prepared.png).extract({ left: 0, top: 0, width: r.prepared.width, height: Math.max(1, Math.round(firstLabel)) }).png().toBuffer();
  const { text } = await ocr.page(band, PSM.SPARSE_TEXT);
  const found = detectUnit(text);
  return found.found ? { ...r.reading, unit: found.unit, unitFound: true } : r.reading;
}

/**
 * Amounts without a label: read the strip where the label should be as one line (the page pass garbles a label
 * now and then under uneven light), and read the page again with whatever now matches a known line.
 */
async function rereadLabels(reading: PageReading, words: Word[], prepared: PreparedPage, ocr: SlotOcr): Promise<PageReading> {
  const boxes = reading.orphans;
  const texts = await ocr.lines(await Promise.all(boxes.map((b) => crop(prepared, b, 0, 0.3))));
  let changed = false;
  let next = words;
  boxes.forEach((b, i) => {
    const t = texts[i];
    if (!t || !matchLabel(t.text, reading.kind ? [reading.kind] : undefined)?.item.key) return;
    const inside = (w: Word) => (w.x0 + w.x1) / 2 > b.x0 && (w.x0 + w.x1) / 2 < b.x1 && (w.y0 + w.y1) / 2 > b.y0 && (w.y0 + w.y1) / 2 < b.y1;
    const h = (b.y1 - b.y0) / 1.8;
    const yc = (b.y0 + b.y1) / 2;
    next = [...next.filter((w) => !inside(w)), { text: t.text.replace(/\s+/g, ''), x0: b.x0 + h, x1: b.x1 - h, y0: yc - h / 2, y1: yc + h / 2, conf: t.confidence }];
    changed = true;
  });
  return changed ? readPage(next) : reading;
}

/**
 * Second opinion on each amount: its cell cropped tightly (no ruling lines, no upscaling), digits only. Cells
 * where the page reading found no amount under a known label get their first reading this way.
 */
async function rereadAmounts(
  r: Omit<OcrPageResult, 'candidates' | 'segments'>,
  candidates: Map<ItemKey, Candidate[]>,
  ocr: SlotOcr,
): Promise<void> {
  if (r.reading.kind === 'staff_table') return rereadCounts(r, ocr);
  const cells = [
    ...[...r.reading.readings]
      .map(([key, reading]) => ({ key, box: reading.cell, weight: reading.labelConfidence, negative: reading.amount.negative })),
    ...r.reading.gaps.map((g) => ({ key: g.key, box: g.box, weight: 0.8, negative: false })),
  ];
  const read = await readDigits(r.prepared, cells.map((c) => c.box), ocr);
  cells.forEach((c, i) => {
    const d = read[i];
    if (!d) return;
    // The digits model cannot see 负: keep the page reading's sign.
    if (c.negative) d.amount.negative = true;
    const confidence = Math.min(0.95, d.confidence) * (d.amount.doubtful ? 0.6 : 1) * c.weight;
    const list = candidates.get(c.key) ?? [];
    list.push({ fen: toFen(d.amount, r.reading.unit).fen, confidence: round2(confidence), source: 'digits' });
    candidates.set(c.key, list);
  });
}

/**
 * Head counts are short numbers that the page pass misreads (]1 for 11): every count on the page is read again
 * from its cell (a staff table is small), and the digits reading replaces a page reading that was not clean
 * digits. Counts the page pass lost entirely (shadow, seal) are read where their column crosses their quarter.
 */
async function rereadCounts(r: Omit<OcrPageResult, 'candidates' | 'segments'>, ocr: SlotOcr): Promise<void> {
  const cells = r.reading.rows.flatMap((row) => row.cells.filter((c) => c.amount)).slice(0, MAX_COUNT_CELLS);
  const read = await readDigits(r.prepared, cells, ocr);
  cells.forEach((cell, i) => {
    const d = read[i];
    if (!d || d.amount.doubtful) return;
    const clean = /^\d+(\.\d+)?$/.test(cell.text);
    if (!clean || (d.confidence > 0.9 && cell.conf < 0.9)) cell.amount = d.amount;
  });
  const missing = missingQuarterCells(r.reading.rows);
  const found = await readDigits(r.prepared, missing.map((m) => m.box), ocr);
  missing.forEach((m, i) => {
    const d = found[i];
    if (d && !d.amount.doubtful) m.row.cells.push({ ...m.box, text: d.text, words: [], conf: Math.min(d.confidence, 0.8), amount: d.amount });
  });
  const quarters = readQuarterTable(r.reading.rows);
  if (quarters) r.reading.quarters = quarters;
}

/** Regions read as one line of digits; undefined where nothing parses as a number. */
async function readDigits(p: PreparedPage, boxes: Box[], ocr: SlotOcr): Promise<({ amount: ParsedAmount; confidence: number; text: string } | undefined)[]> {
  if (boxes.length === 0) return [];
  const texts = await ocr.digits(await Promise.all(boxes.map((b) => crop(p, b))));
  return texts.map((t) => {
    const amount = parseAmount(t.text);
    return amount ? { amount, confidence: t.confidence, text: t.text } : undefined;
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
