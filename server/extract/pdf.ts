// PDF adapter: pdf-parse 2 (pdfjs-dist 5 underneath) with pdfjs's CMaps and standard fonts from disk, so
// Chinese fonts decode and nothing is fetched. Positioned text comes from pdfjs getTextContent: pdf-parse's
// getText() loses the positions and, on some ruled tables, emits all labels before all amounts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Word } from './core/layout.ts';
import { ExtractError } from './errors.ts';
import { loadPdfjs } from './pdfjs-side-effects.ts';

// With the worker pdfjs runs in this thread on Node (else loaded at the first PDF, out of loadPdfjs's reach).
const { PDFParse, PasswordException, InvalidPDFException } = await loadPdfjs(async () => {
  const parse = await import('pdf-parse');
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string); // no types: loaded for its side effect
  return parse;
});

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const FONT_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

interface TextItem { str: string; transform: number[]; width: number; height: number }
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}

// pdfjs operator codes (pdfjs-dist OPS): colours and images — a seal is one or the other.
const OPS_RGB_COLOR = new Set([58, 59]);
const OPS_IMAGE = new Set([83, 84, 85, 86, 87, 88, 89]);
const reddish = (c: unknown): boolean => {
  const m = typeof c === 'string' ? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c) : null;
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16)) as [number, number, number];
  return r > 110 && r - g > 45 && r - b > 45;
};
interface PdfDoc { numPages: number; getPage(n: number): Promise<PdfPage> }

export interface OpenPdf {
  pages: number;
  words(page: number): Promise<{ words: Word[]; width: number; height: number }>;
  /** The page as a PNG at `dpi`. */
  render(page: number, dpi: number): Promise<Buffer>;
  /** Whether the page draws an image or anything red: only then can it carry a seal (and is worth rendering). */
  mayHaveSeal(page: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: FONT_URL,
    isEvalSupported: false,
  });
  let doc: PdfDoc;
  try {
    await parser.getInfo(); // loads the document, or fails with pdf-parse's typed exceptions
    // pdf-parse keeps the loaded pdfjs document private; we need its pages for positioned text.
    doc = (parser as unknown as { doc: PdfDoc }).doc;
  } catch (e) {
    await parser.destroy().catch(() => undefined);
    throw mapPdfError(e);
  }
  return {
    pages: doc.numPages,
    async words(n) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const words: Word[] = [];
      // Coordinates in the page's own (unrotated) space: a page turned by /Rotate reads as authored, upright.
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a = 1, b = 0, , d = 1, e = 0, f = 0] = it.transform;
        const size = Math.hypot(a, b) || Math.abs(d) || it.height;
        // PDF space has its origin bottom-left; the baseline is at f.
        const top = vp.height - f - size * 0.88;
        words.push({ text: it.str, x0: e, x1: e + it.width, y0: top, y1: top + size, conf: 1 });
      }
      page.cleanup();
      return { words, width: vp.width, height: vp.height };
    },
    async render(n, dpi) {
      const shot = await parser.getScreenshot({ partial: [n], scale: dpi / 72, imageBuffer: true, imageDataUrl: false });
      const data = shot.pages[0]?.data;
      if (!data || data.length === 0) throw new ExtractError('PDF_BROKEN', { page: n });
      return Buffer.from(data);
    },
    async mayHaveSeal(n) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      return ops.fnArray.some((fn, i) => OPS_IMAGE.has(fn) || (OPS_RGB_COLOR.has(fn) && reddish(ops.argsArray[i]?.[0])));
    },
    close: () => parser.destroy(),
  };
}

function mapPdfError(e: unknown): ExtractError {
  if (e instanceof PasswordException || (e as { name?: string })?.name === 'PasswordException') return new ExtractError('PDF_ENCRYPTED');
  if (e instanceof InvalidPDFException || (e as { name?: string })?.name === 'InvalidPDFException') return new ExtractError('PDF_BROKEN');
  return new ExtractError('PDF_BROKEN', { cause: e });
}
