// OCR worker pool, one slot per core. The page engine is PaddleOCR on ONNX Runtime (engines/paddle.ts), run in a
// worker thread of its own per slot (engines/paddle-host.ts: onnxruntime-node's run() blocks the thread that calls
// it, so slots sharing the main thread read one page at a time), or, as the configurable fallback, tesseract.js 7
// (KEXIAO_OCR_ENGINE=tesseract). Each slot also has an English
// tesseract.js worker in digits-only mode: the second, independent reader of doubtful amount cells.
// tesseract.js workers are created once (0.5–0.9 s each) and reused. Models load from local files only:
// Debian's tesseract-ocr-chi-sim read better than the npm model in our probe; the npm model is the fallback
// where apt is not available.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { PSM } from 'tesseract.js';
import type { Box, Word } from './core/layout.ts';
import type { LineDirection } from './core/paddle-decode.ts';
import { detectionSizes } from './engines/paddle-config.ts';
import { PaddleThread } from './engines/paddle-host.ts';
import { TesseractWorker } from './engines/tesseract-worker.ts';
import { ocrCallTimeoutMs } from './limits.ts';
import { trimFreedMemory, tuneAllocator } from './release-memory.ts';
import { grayPng, type Gray } from './image-prep.ts';

const require = createRequire(import.meta.url);
const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';

export interface ModelSource { langPath: string; gzip: boolean; origin: 'debian' | 'npm' }

export type ModelChoice = 'auto' | 'npm';

/** Debian's model when installed (KEXIAO_TESSDATA may point at another tessdata folder), else the npm one. */
export function modelSource(lang: 'chi_sim' | 'eng', choice: ModelChoice = 'auto'): ModelSource {
  const local = [process.env.KEXIAO_TESSDATA, DEBIAN_TESSDATA].find((d) => d && existsSync(join(d, `${lang}.traineddata`)));
  if (choice === 'auto' && local) return { langPath: local, gzip: false, origin: 'debian' };
  const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  return { langPath: join(pkg, '4.0.0_best_int'), gzip: true, origin: 'npm' };
}

/** The slot's tesseract.js worker for this language, started on first use; none once its pool has closed. */
async function tesseractOf(slot: Slot, lang: 'chi_sim' | 'eng', choice: ModelChoice): Promise<TesseractWorker> {
  const key = lang === 'eng' ? 'eng' : 'chi';
  if (slot[key]) return slot[key];
  const src = modelSource(lang, choice);
  const w = await TesseractWorker.create(lang, src.langPath, src.gzip);
  // The pool closed while this one started (a job still running at shutdown): nobody would end it.
  if (slot.closed) await w.terminate();
  return (slot[key] = w);
}

export interface OcrPage {
  words: Word[];
  confidence: number;
  text: string;
  /** The engine saw the text lines run down the page and read nothing: it lies on its side in this turn. */
  sideways?: boolean;
}

interface Slot { chi?: TesseractWorker; eng?: TesseractWorker; paddle?: PaddleThread; busy: boolean; closed?: boolean }

export type EngineName = 'paddle' | 'tesseract';
export const ENGINES: readonly EngineName[] = ['paddle', 'tesseract'];

/** KEXIAO_OCR_ENGINE picks the page engine; PaddleOCR unless told otherwise. */
export const defaultEngine = (): EngineName => (process.env.KEXIAO_OCR_ENGINE === 'tesseract' ? 'tesseract' : 'paddle');

export interface OcrPoolOptions {
  size: number;
  /** `npm` forces the npm tesseract model (what runs where apt is not available). */
  model?: ModelChoice;
  engine?: EngineName;
  /** Re-read doubtful amounts with tesseract.js digits-only (default true; false measures an engine alone). */
  secondReader?: boolean;
  /** Deadline of one PaddleOCR call in its thread (KEXIAO_OCR_CALL_TIMEOUT_S); past it the thread is replaced. */
  callTimeoutMs?: number;
}

export class OcrPool {
  private readonly slots: Slot[];
  private readonly waiting: ((s: Slot | undefined) => void)[] = [];
  private closed = false;
  /** PaddleOCR threads of abandoned jobs, closing once their call is over. */
  private readonly draining = new Set<Promise<void>>();

  constructor(readonly options: OcrPoolOptions) {
    tuneAllocator();
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ busy: false }));
  }

  get size(): number { return this.slots.length; }
  get engine(): EngineName { return this.options.engine ?? defaultEngine(); }

  /** Run work on one slot; slots are handed out in arrival order. */
  async use<T>(fn: (ocr: SlotOcr) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('OCR pool closed');
    const slot = await this.acquire();
    if (!slot) throw new Error('OCR pool closed');
    const ocr = new SlotOcr(slot, this.options.model ?? 'auto', this.engine, this.options.secondReader ?? true, this.options.callTimeoutMs ?? ocrCallTimeoutMs());
    try {
      return await fn(ocr);
    } catch (e) {
      // A worker that failed or was abandoned mid-job may be in any state: replace it.
      await retire(slot, false, this.draining);
      throw e;
    } finally {
      // Work that outlived its turn (a deadline, a shutdown) must not reach the slot's next job's workers.
      ocr.end();
      if (process.env.KEXIAO_OCR_TRIM !== '0') trimFreedMemory();
      this.release(slot);
    }
  }

  /** Start every worker now instead of on first use (servers, benchmarks). */
  async warm(): Promise<void> {
    const model = this.options.model ?? 'auto';
    const paddle = this.engine === 'paddle';
    const timeout = this.options.callTimeoutMs ?? ocrCallTimeoutMs();
    await Promise.all(this.slots.map(async (s) => {
      if (paddle) await paddleOf(s, timeout).warm();
      else await tesseractOf(s, 'chi_sim', model);
      if (this.options.secondReader ?? true) await tesseractOf(s, 'eng', model);
    }));
  }

  /** Ends every worker and thread of the pool; a job still running rejects (its thread stops and ends). */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w(undefined);
    await Promise.all([...this.slots.map((s) => retire(s, true, this.draining)), ...this.draining]);
  }

  private acquire(): Promise<Slot | undefined> {
    const free = this.slots.find((s) => !s.busy);
    if (free) { free.busy = true; return Promise.resolve(free); }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }
}

/** Every OCR worker and PaddleOCR thread (with its ONNX sessions) of these pools ends (graceful shutdown, the end of a command). */
export async function closeOcr(pools: (OcrPool | undefined)[]): Promise<void> {
  await Promise.all(pools.map((p) => p?.close()));
}

/**
 * Ends a slot's workers after a failed job (or all of them: `closing`). The PaddleOCR thread stays when it answered
 * (a reload costs about a second of CPU); one left mid-call by an abandoned job leaves the slot and closes once it
 * has stopped that call (the pool's close() waits for it too), so the slot's next job gets a fresh thread at once.
 */
async function retire(slot: Slot, closing: boolean, draining: Set<Promise<void>>): Promise<void> {
  const ws = [slot.chi, slot.eng];
  const t = slot.paddle;
  if (closing) slot.closed = true;
  slot.chi = undefined;
  slot.eng = undefined;
  const keep = !closing && t?.usable && !t.busy;
  if (!keep) slot.paddle = undefined;
  let ending: Promise<void> | undefined;
  if (t && !keep) {
    // The pool closing with a page in flight is a shutdown past its grace (when idle, no page is): the thread is
    // ended as soon as it has stopped, without the round trip that releases its sessions, which the exiting
    // process does not need and a loaded machine may not fit in the shutdown's hard bound (server/cli/shutdown.ts).
    ending = closing && t.busy ? t.terminate() : t.close();
    if (!closing) {
      draining.add(ending);
      void ending.finally(() => draining.delete(ending!));
      ending = undefined;
    }
  }
  await Promise.all([...ws.map((w) => w?.terminate()), ending]);
}

/**
 * The slot's PaddleOCR thread; one that died (crash, deadline) is replaced here. Never after the pool closed
 * (SlotOcr.open): a job still running at shutdown would start a thread that the exiting process then ends inside
 * a network run, which aborts it.
 */
function paddleOf(slot: Slot, timeoutMs: number): PaddleThread {
  if (!slot.paddle?.usable) slot.paddle = new PaddleThread(timeoutMs);
  return slot.paddle;
}

/** A call on a slot after its turn ended or its pool closed (the work it served was given up). */
export class OcrSlotClosedError extends Error {
  readonly code = 'OCR_SLOT_CLOSED';
  constructor() {
    super('OCR 识别已停止');
    this.name = 'OcrSlotClosedError';
  }
}

export class SlotOcr {
  private ended = false;
  constructor(private readonly slot: Slot, private readonly model: ModelChoice, readonly engine: EngineName, readonly secondReader: boolean, private readonly timeoutMs: number) {}

  end(): void { this.ended = true; }

  /** A doubtful page may be read again with finer detection (PaddleOCR reading at its fast size first). */
  get refines(): boolean { return this.engine === 'paddle' && detectionSizes().fast > 0; }

  /** The PaddleOCR thread this slot runs on now (tests of its replacement). */
  get paddleThread(): PaddleThread {
    this.open();
    return paddleOf(this.slot, this.timeoutMs);
  }

  private tesseract(lang: 'chi_sim' | 'eng'): Promise<TesseractWorker> {
    this.open();
    return tesseractOf(this.slot, lang, this.model);
  }

  private open(): void {
    if (this.ended || this.slot.closed) throw new OcrSlotClosedError();
  }

  /**
   * A whole page with word boxes. tesseract.js in page-segmentation mode 4 (one column of variable-size text),
   * not its default 6, which reads ruled tables as nothing. `fine`: PaddleOCR's detection at its larger size.
   */
  async page(img: { gray: Gray }, psm: PSM = PSM.SINGLE_COLUMN, fine = false): Promise<OcrPage> {
    if (this.engine === 'paddle') return this.paddleThread.page(img.gray, fine);
    const w = await this.tesseract('chi_sim');
    await w.setParameters({ tessedit_pageseg_mode: psm, user_defined_dpi: '200', preserve_interword_spaces: '1' });
    const { data } = await w.recognize(await grayPng(img.gray), {}, { text: true, blocks: true });
    const words: Word[] = [];
    for (const b of data.blocks ?? []) for (const p of b.paragraphs) for (const l of p.lines) for (const wd of l.words) {
      words.push({ text: wd.text, x0: wd.bbox.x0, y0: wd.bbox.y0, x1: wd.bbox.x1, y1: wd.bbox.y1, conf: wd.confidence / 100 });
    }
    return { words, confidence: data.confidence / 100, text: data.text };
  }

  /** Which way the page's text lines run as it stands ('across' = upright or upside down), where the engine can tell cheaply. */
  async direction(img: { gray: Gray }): Promise<LineDirection | undefined> {
    if (this.engine !== 'paddle') return undefined;
    return (await this.paddleThread.direction(img.gray)) ?? undefined;
  }

  /** Regions of the page (label strips) read as one line of Chinese each. */
  async lines(page: Gray, boxes: Box[], crops: () => Promise<Buffer[]>): Promise<{ text: string; confidence: number }[]> {
    if (this.engine === 'paddle') {
      const read = await this.paddleThread.lines(page, boxes);
      return read.map((ws) => ({ text: ws.map((w) => w.text).join(''), confidence: ws.length ? Math.min(...ws.map((w) => w.conf ?? 0)) : 0 }));
    }
    const w = await this.tesseract('chi_sim');
    await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE, user_defined_dpi: '200' });
    return readEach(w, await crops());
  }

/** Small crops (amount cells) read as one line of digits. */
  async digits(crops: Buffer[]): Promise<{ text: string; confidence: number; ink: boolean }[]> {
    const w = await this.tesseract('eng');
    await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE, tessedit_char_whitelist: '0123456789,.-()', user_defined_dpi: '200' });
    return readEach(w, crops);
  }
}

/** Crops with no ink are not sent: tesseract spends time on them and prints statistics to stdout. */
async function readEach(w: TesseractWorker, crops: Buffer[]): Promise<{ text: string; confidence: number; ink: boolean }[]> {
  const out: { text: string; confidence: number; ink: boolean }[] = [];
  for (const c of crops) {
    const { channels } = await sharp(c).stats();
    if ((channels[0]?.min ?? 255) > 128) {
      out.push({ text: '', confidence: 0, ink: false });
      continue;
    }
    const { data } = await w.recognize(c);
    out.push({ text: data.text.trim(), confidence: data.confidence / 100, ink: true });
  }
  return out;
}
