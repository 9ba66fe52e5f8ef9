// One page image → a page reading through OCR: find the upright orientation, read the page, then re-read each
// amount the page needs from its cropped cell with the digits-only model.
import sharp from 'sharp';
import { parseAmount, toFen } from './core/amount.ts';
import { candidatesOf } from './core/assemble.ts';
import type { ItemKey } from './core/catalog.ts';
import { readPage, type PageReading } from './core/read-page.ts';
import type { Candidate } from './core/resolve.ts';
import { guessQuarterTurn, preparePage, type PreparedPage } from './image-prep.ts';
import type { SlotOcr } from './ocr.ts';

export interface OcrPageResult {
  reading: PageReading;
  candidates: Map<ItemKey, Candidate[]>;
  prepared: PreparedPage;
  confidence: number;
  wordCount: number;
}

/** Enough known line items that the orientation (and the reading) can be trusted. */
const readable = (r: PageReading) => r.kind !== undefined && r.knownLines >= 3;

export async function ocrPage(bytes: Uint8Array, ocr: SlotOcr, maxPixels: number, check: () => void): Promise<OcrPageResult> {
  const first = await guessQuarterTurn(bytes, maxPixels);
  const turns = first === 0 ? [0, 180, 90, 270] : [90, 270, 0, 180];
  let best: Omit<OcrPageResult, 'candidates'> | undefined;
  for (const turn of turns) {
    check();
    const prepared = await preparePage(bytes, maxPixels, turn);
    const page = await ocr.page(prepared.png);
    const reading = readPage(page.words);
    const result = { reading, prepared, confidence: page.confidence, wordCount: page.words.length };
    if (!best || reading.knownLines > best.reading.knownLines) best = result;
    if (readable(reading)) break;
    // A blank page reads the same every way up: do not spend three more passes on it.
    if (page.words.length < 5) break;
  }
  if (!best) throw new Error('unreachable: no orientation tried');
  check();
  const candidates = candidatesOf(best.reading, 'ocr');
  await rereadAmounts(best, candidates, ocr);
  return { ...best, candidates };
}

/** Second opinion on each amount: its cell cropped tightly (no ruling lines, no upscaling), digits only. */
async function rereadAmounts(
  r: Omit<OcrPageResult, 'candidates'>,
  candidates: Map<ItemKey, Candidate[]>,
  ocr: SlotOcr,
): Promise<void> {
  const entries = [...r.reading.readings].filter(([key]) => key !== 'projectCount');
  if (r.reading.kind === 'staff_table' || entries.length === 0) return;
  const crops = await Promise.all(entries.map(([, reading]) => crop(r.prepared, reading.cell)));
  const texts = await ocr.digits(crops);
  entries.forEach(([key, reading], i) => {
    const t = texts[i];
    const parsed = t ? parseAmount(t.text) : undefined;
    if (!t || !parsed) return;
    // The digits model cannot see 负 or a lost parenthesis: keep the page reading's sign.
    if (reading.amount.negative && !parsed.negative) parsed.negative = true;
    const { fen } = toFen(parsed, r.reading.unit);
    const confidence = Math.min(0.95, t.confidence) * (parsed.doubtful ? 0.6 : 1) * reading.labelConfidence;
    candidates.get(key)?.push({ fen, confidence: Math.round(confidence * 100) / 100, source: 'digits' });
  });
}

function crop(p: PreparedPage, c: { x0: number; y0: number; x1: number; y1: number }): Promise<Buffer> {
  const h = c.y1 - c.y0;
  const left = Math.max(0, Math.floor(c.x0 - h * 0.35));
  const top = Math.max(0, Math.floor(c.y0 - h * 0.2));
  const right = Math.min(p.width, Math.ceil(c.x1 + h * 0.35));
  const bottom = Math.min(p.height, Math.ceil(c.y1 + h * 0.2));
  return sharp(p.png).extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) }).png().toBuffer();
}
