// The entry point: one uploaded file → the contract's extraction result (contracts.md §3). Never throws for
// a bad file: every failure becomes a coded Chinese error in `errors`.
import { createHash } from 'node:crypto';
import { assemble, previousCandidatesOf, type Assembled, type Method } from './core/assemble.ts';
import { fieldLabel } from './core/catalog.ts';
import { crossChecks } from './core/cross-checks.ts';
import { groupStatements, markUse, segmentOf, type Part, type Segment } from './core/group.ts';
import { readSegments } from './core/read-page.ts';
import { releaseFreedMemory } from './release-memory.ts';
import { ExtractError } from './errors.ts';
import { checkImage, imageHasSeal } from './image-prep.ts';
import { defaultLimits, defaultWorkers, type Limits } from './limits.ts';
import { closeOcr, OcrPool } from './ocr.ts';
import { ocrPage } from './ocr-page.ts';
import { openPdf, type OpenPdf } from './pdf.ts';
import { ExtractionResult, FIELD_NAMES, type ExtractIssue, type ProgressDetail } from './schema.ts';
import { sniffType } from './sniff.ts';

export interface ExtractOptions {
  limits?: Partial<Limits>;
  pool?: OcrPool;
  /** 0–1 as the work advances (several steps a page while OCR runs), with the page and step. */
  onProgress?: (progress: number, detail: ProgressDetail) => void;
  /** Force OCR even where a text layer exists (benchmarks, diagnostics). */
  forceOcr?: boolean;
}

export interface InputFile { name: string; bytes: Uint8Array }

const OCR_DPI = 200;

let shared: OcrPool | undefined;
/** One pool per process, created on first OCR and sized to the cores. */
export const sharedPool = (): OcrPool => (shared ??= new OcrPool({ size: defaultWorkers() }));
export async function closeSharedPool(): Promise<void> {
  const p = shared;
  shared = undefined;
  await closeOcr([p]);
}
/**
 * Terminates every OCR worker and ONNX Runtime session and frees what they hold (graceful shutdown, idle
 * release); the next OCR starts them again.
 */
export async function closeEngines(): Promise<void> {
  await closeSharedPool();
  releaseFreedMemory();
  // Worker threads and sessions finish letting go after their close resolved (later on a busy machine): hand back
  // what they free then too.
  for (const ms of [2_000, 10_000]) setTimeout(releaseFreedMemory, ms).unref();
}

interface PageOutcome {
  page: number;
  method: Method;
  seal: boolean;
  segments: Segment[];
  rotation?: number;
  skew?: number;
  ms: number;
  error?: ExtractIssue;
}

export async function extractFile(file: InputFile, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const t0 = Date.now();
  const limits = { ...defaultLimits(), ...options.limits };
  const deadline = t0 + limits.timeoutMs;
  const base = { file: file.name, size: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') };
  const warnings: ExtractIssue[] = [];
  const check = () => {
    if (Date.now() > deadline) throw new ExtractError('TIMEOUT', { max: Math.round(limits.timeoutMs / 1000) });
  };
  try {
    if (file.bytes.length === 0) throw new ExtractError('EMPTY_FILE');
    if (file.bytes.length > limits.maxBytes) throw new ExtractError('FILE_TOO_LARGE', { max: Math.round(limits.maxBytes / 1024 / 1024) });
    if (file.bytes.length > limits.warnBytes) {
      warnings.push({ code: 'OVER_3MB', message: '文件超过 3 MB：评价系统上传附件限 3 MB，提交前请压缩。' });
    }
    const type = sniffType(file.bytes);
    if (!type) throw new ExtractError('UNSUPPORTED_TYPE');
    // A file reads all its pages on one pool, the one of its first scanned page: once that pool closed (a
    // shutdown), its later pages fail rather than start another pool the exiting process would cut off mid-page.
    let pool = options.pool;
    options = { ...options, get pool() { return (pool ??= sharedPool()); } };
    const outcomes = type === 'pdf'
      ? await extractPdf(file.bytes, limits, options, check)
      : [await extractImage(file.bytes, 1, limits, options, check, pageProgress(1, options.onProgress))];
    return finish(base, outcomes, warnings, t0);
  } catch (e) {
    const err = e instanceof ExtractError ? e : new ExtractError('INTERNAL', { cause: e });
    return ExtractionResult.parse({ ...base, pages: 0, method: 'text', documents: [], checks: [], errors: [err.toIssue()], warnings, ms: Date.now() - t0 });
  }
}

async function extractPdf(bytes: Uint8Array, limits: Limits, options: ExtractOptions, check: () => void): Promise<PageOutcome[]> {
  const pdf = await openPdf(bytes);
  try {
    if (pdf.pages > limits.maxPages) throw new ExtractError('TOO_MANY_PAGES', { max: limits.maxPages });
    const outcomes: Promise<PageOutcome>[] = [];
    const progress = pageProgress(pdf.pages, options.onProgress);
    for (let page = 1; page <= pdf.pages; page++) {
      check();
      const t = Date.now();
      progress(page, 0, 'reading');
      const text = options.forceOcr ? undefined : await textPage(pdf, page);
      if (text) {
        outcomes.push(Promise.resolve({ ...text, ms: Date.now() - t }));
        progress(page, 1, 'reading');
        continue;
      }
      // Scanned page: render now (pdfjs is single-threaded here), OCR in the pool in parallel with other pages.
      // A page that fails is reported with its number; the others are still read. Time is up for all pages.
      progress(page, 0, 'preparing');
      const png = await pdf.render(page, OCR_DPI);
      outcomes.push(
        extractImage(png, page, limits, options, check, progress).catch((e: unknown) => {
          if (e instanceof ExtractError && e.code === 'TIMEOUT') throw e;
          const err = e instanceof ExtractError ? e : new ExtractError('INTERNAL', { page, cause: e });
          return { page, method: 'ocr' as const, seal: false, segments: [], ms: Date.now() - t, error: { ...err.toIssue(), page } };
        }),
      );
    }
    return await Promise.all(outcomes);
  } finally {
    await pdf.close();
  }
}

/** A page read from its text layer, or undefined when the layer is empty or garbled and OCR must read it. */
async function textPage(pdf: OpenPdf, page: number): Promise<Omit<PageOutcome, 'ms'> | undefined> {
  const { words } = await pdf.words(page);
  const chars = words.map((w) => w.text).join('');
  const garbled = (chars.match(/\uFFFD/g)?.length ?? 0) > chars.length * 0.05;
  if (chars.trim().length === 0 || garbled) return undefined;
  const readings = readSegments(words);
  if (readings.reduce((n, r) => n + (r.kind ? r.knownLines : 0), 0) < 3) return undefined;
  // A stamped electronic statement carries the seal as an image: look for red at low resolution.
  const seal = (await pdf.mayHaveSeal(page)) && (await imageHasSeal(await pdf.render(page, 36)));
  return { page, method: 'text', seal, segments: readings.map((r) => segmentOf(r, 'text', [])) };
}

export type PageStep = (page: number, fraction: number, step: ProgressDetail['step']) => void;

/** Overall progress from per-page progress (pages run in parallel). */
function pageProgress(pages: number, report?: ExtractOptions['onProgress']): PageStep {
  const done = new Array<number>(pages).fill(0);
  return (page, f, step) => {
    done[page - 1] = f;
    report?.(done.reduce((a, b) => a + b, 0) / pages, { page, pages, step });
  };
}

async function extractImage(
  bytes: Uint8Array, page: number, limits: Limits, options: ExtractOptions, check: () => void, progress: PageStep,
): Promise<PageOutcome> {
  const t = Date.now();
  await checkImage(bytes, limits.maxPixels);
  const r = await options.pool!.use((ocr) => withDeadline(ocrPage(bytes, ocr, limits.maxPixels, check, (f, st) => progress(page, f, st)), check));
  if (r === 'blank') return { page, method: 'ocr', seal: false, segments: [], ms: Date.now() - t, error: new ExtractError('EMPTY_PAGE', { page }).toIssue() };
  const base = { page, method: 'ocr' as const, seal: r.prepared.seal, rotation: r.prepared.turn, skew: r.prepared.skew, ms: Date.now() - t };
  return { ...base, segments: r.segments };
}

/** Reject when the job's deadline passes even if a recognition never returns (the slot is then replaced). */
function withDeadline<T>(p: Promise<T>, check: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setInterval(() => {
      try { check(); } catch (e) { clearInterval(timer); reject(e); }
    }, 250);
    p.then((v) => { clearInterval(timer); resolve(v); }, (e) => { clearInterval(timer); reject(e); });
  });
}

function finish(base: { file: string; size: number; sha256: string }, outcomes: PageOutcome[], warnings: ExtractIssue[], t0: number): ExtractionResult {
  const sorted = outcomes.sort((a, b) => a.page - b.page);
  const errors = sorted.flatMap((o) => (o.error ? [o.error] : []));
  const assembled = groupStatements(sorted).flatMap((group) => {
    const a = assembleGroup(group);
    return a ? [a] : [];
  });
  const documents = assembled.map((a) => a.doc);
  markUse(documents);
  // A statement without its own 编制单位 line (one that begins mid-page) belongs to the file's firm.
  const firm = documents.find((d) => d.company)?.company;
  for (const d of documents) if (!d.company && firm) d.company = firm;
  for (const d of documents) {
    if (d.scope === 'consolidated' && d.use) {
      warnings.push({ code: 'CONSOLIDATED_ONLY', message: '只找到合并报表：评价应使用申报企业本身（母公司）的数字，如有母公司报表请一并上传。', page: d.page });
    }
  }
  const checks = [...assembled.flatMap((a) => a.checks), ...crossChecks(documents)];
  if (documents.length === 0 && errors.every((e) => e.code === 'EMPTY_PAGE') && sorted.length > errors.length) {
    errors.push(new ExtractError('UNKNOWN_STATEMENT').toIssue());
  }
  for (const d of documents) {
    if (Object.keys(d.fields).length === 0) warnings.push({ code: 'NO_FIELDS', message: '识别出报表类型，但未能读出所需数字，请人工填写。', page: d.page });
  }
  for (const o of sorted) {
    for (const { reading: r } of o.segments) {
      if (r.titled && !r.unitFound && (r.kind === 'balance_sheet' || r.kind === 'income_statement')) {
        warnings.push({
          code: 'UNIT_NOT_FOUND', page: o.page,
          message: r.unitGuessed ? `金额单位未能读清，已按"${r.unit}"读取：请核对单位与各项金额。` : '未找到金额单位，已按"元"读取：如报表以千元或万元列示，请核对。',
        });
      }
    }
  }
  return ExtractionResult.parse({
    ...base, pages: sorted.length, method: sorted.some((o) => o.method === 'ocr') ? 'ocr' : 'text', documents, checks, errors, warnings,
    pageInfo: sorted.map((o) => ({ page: o.page, method: o.method, seal: o.seal, ms: o.ms, ...(o.rotation !== undefined ? { rotation: o.rotation } : {}), ...(o.skew !== undefined ? { skew: o.skew } : {}) })),
    ms: Date.now() - t0,
  });
}

/** One statement from its parts: the first part's reading of a line leads, the identities see all of them. */
function assembleGroup(group: Part[]): Assembled | undefined {
  const [first, ...rest] = group;
  const head = first?.segment.reading;
  if (!first || !head) return undefined;
  const readings = new Map(head.readings);
  const candidates = new Map(first.segment.candidates);
  const previous = previousCandidatesOf(head, first.method);
  for (const p of rest) {
    const r = p.segment.reading;
    for (const [k, x] of r.readings) if (!readings.has(k)) readings.set(k, x);
    // A line read again on a later page (a wrapped label misread there, a repeated total) is one more candidate:
    // the identities choose, the first page's reading leads.
    for (const [k, c] of p.segment.candidates) {
      const have = candidates.get(k);
      candidates.set(k, have ? [...have, ...c.map((x) => ({ ...x, confidence: Math.round(x.confidence * 90) / 100 }))] : c);
    }
    for (const [k, c] of previousCandidatesOf(r, p.method)) if (!previous.has(k)) previous.set(k, c);
  }
  const method: Method = group.some((o) => o.method === 'ocr') ? 'ocr' : 'text';
  const previousColumn = head.previousColumn ?? rest.map((p) => p.segment.reading.previousColumn).find((x) => x);
  const a = assemble(first.page, { ...head, readings, ...(previousColumn ? { previousColumn } : {}) }, method, candidates, previous);
  if (!a) return undefined;
  a.doc.seal = group.some((o) => o.seal);
  const pages = [...new Set(rest.map((o) => o.page))].filter((p) => p !== first.page);
  if (pages.length) a.doc.pages = pages;
  // Lines printed on the page whose amount nobody could read: asked for, never guessed.
  const wanted = FIELD_NAMES[a.doc.kind] as readonly string[];
  const missing = new Map<string, string>();
  for (const p of group) {
    for (const u of p.segment.reading.unreadable) if (wanted.includes(u.key)) missing.set(u.key, u.label);
    for (const k of p.segment.unreadable) if (wanted.includes(k)) missing.set(k, fieldLabel(k));
  }
  for (const k of Object.keys(a.doc.fields)) missing.delete(k);
  if (missing.size) a.doc.missing = [...missing].map(([field, label]) => ({ field, label }));
  return a;
}
