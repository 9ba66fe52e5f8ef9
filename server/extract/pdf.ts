// PDF adapter: pdf-parse 2 (pdfjs-dist 5 underneath) with pdfjs's CMaps and standard fonts from disk, so
// Chinese fonts decode and nothing is fetched. Positioned text comes from pdfjs getTextContent: pdf-parse's
// getText() loses the positions and, on some ruled tables, emits all labels before all amounts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFParse, PasswordException, InvalidPDFException } from 'pdf-parse';
import type { Word } from './core/layout.ts';
import { ExtractError } from './errors.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const FONT_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

interface TextItem { str: string; transform: number[]; width: number; height: number }
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>;
  cleanup(): void;
}
interface PdfDoc { numPages: number; getPage(n: number): Promise<PdfPage> }

export interface OpenPdf {
  pages: number;
  words(page: number): Promise<{ words: Word[]; width: number; height: number }>;
  /** The page as a PNG at `dpi`. */
  render(page: number, dpi: number): Promise<Buffer>;
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
    const info = await parser.getInfo();
    void info;
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
    close: () => parser.destroy(),
  };
}

function mapPdfError(e: unknown): ExtractError {
  if (e instanceof PasswordException || (e as { name?: string })?.name === 'PasswordException') return new ExtractError('PDF_ENCRYPTED');
  if (e instanceof InvalidPDFException || (e as { name?: string })?.name === 'InvalidPDFException') return new ExtractError('PDF_BROKEN');
  return new ExtractError('PDF_BROKEN', { cause: e });
}
