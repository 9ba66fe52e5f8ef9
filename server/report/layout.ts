// The few drawing moves the report needs on top of pdfkit: headings, wrapped paragraphs, bordered tables
// that break across pages (repeating their header row), and a footer on every page. No content here.
import PDFDocument from 'pdfkit';
import { cjkFonts } from './fonts.ts';

export const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const INK = '#1f2937';
const MUTED = '#6b7280';
const RULE = '#9ca3af';
const SHADE = '#f3f4f6';
const FOOTER_ROOM = 34;

export type Tone = 'danger' | 'warning' | 'info' | 'success' | 'plain';
const TONE: Record<Tone, string> = { danger: '#b91c1c', warning: '#b45309', info: '#1d4ed8', success: '#047857', plain: INK };

export interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export class Report {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(info: { title: string; subject?: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
      bufferPages: true,
      info: { Title: info.title, Subject: info.subject ?? '', Creator: '科小助手', Producer: '科小助手 (pdfkit)' },
      lang: 'zh-CN',
    } as PDFKit.PDFDocumentOptions);
    const { regular, bold } = cjkFonts();
    // pdfkit accepts an already parsed fontkit font (its typings only list paths and buffers).
    this.doc.registerFont('body', regular as unknown as Buffer);
    this.doc.registerFont('bold', bold as unknown as Buffer);
    this.doc.font('body').fillColor(INK);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get width(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  private get bottom(): number {
    return PAGE.height - PAGE.margin - FOOTER_ROOM;
  }

  /** Starts a new page when less than `h` points are left. */
  ensure(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  title(text: string, lines: string[]): void {
    this.doc.font('bold').fontSize(18).fillColor(INK).text(text, PAGE.margin, this.doc.y, { width: this.width, align: 'center' });
    this.doc.moveDown(0.3);
    for (const l of lines) this.doc.font('body').fontSize(9.5).fillColor(MUTED).text(l, { width: this.width, align: 'center' });
    this.doc.moveDown(0.8).fillColor(INK);
  }

  heading(text: string): void {
    this.ensure(48);
    this.doc.moveDown(0.6);
    const y = this.doc.y;
    this.doc.rect(PAGE.margin, y, 3, 14).fill('#2563eb');
    this.doc.font('bold').fontSize(12).fillColor(INK).text(text, PAGE.margin + 9, y, { width: this.width - 9 });
    this.doc.moveDown(0.4);
  }

  paragraph(text: string, o: { tone?: Tone; size?: number; bold?: boolean; indent?: number } = {}): void {
    const size = o.size ?? 10;
    this.doc.font(o.bold ? 'bold' : 'body').fontSize(size);
    const x = PAGE.margin + (o.indent ?? 0);
    const w = this.width - (o.indent ?? 0);
    this.ensure(this.doc.heightOfString(text, { width: w }) + 2);
    this.doc.fillColor(TONE[o.tone ?? 'plain']).text(text, x, this.doc.y, { width: w, lineGap: 2 });
    this.doc.fillColor(INK).moveDown(0.25);
  }

  /** Numbered (or bulleted) lines, each wrapped under its own marker. */
  list(items: { text: string; tone?: Tone }[], numbered = true): void {
    items.forEach((item, i) => {
      const marker = numbered ? `${i + 1}.` : '•';
      this.doc.font('body').fontSize(10);
      const w = this.width - 18;
      const h = this.doc.heightOfString(item.text, { width: w, lineGap: 2 });
      this.ensure(h + 4);
      const y = this.doc.y;
      this.doc.fillColor(TONE[item.tone ?? 'plain']).text(marker, PAGE.margin, y, { width: 16 });
      this.doc.text(item.text, PAGE.margin + 18, y, { width: w, lineGap: 2 });
      this.doc.fillColor(INK).moveDown(0.3);
    });
  }

  /** A bordered table; a row that does not fit starts a new page under a repeated header row. */
  table(columns: Column[], rows: { cells: string[]; tone?: Tone; bold?: boolean; shade?: boolean }[]): void {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const size = 9.5;
    const heightOf = (cells: string[], font: 'body' | 'bold') => {
      this.doc.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => this.doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 }))) + 2 * pad;
    };
    const draw = (cells: string[], o: { font: 'body' | 'bold'; fill?: string; tone?: Tone }) => {
      const h = heightOf(cells, o.font);
      const y = this.doc.y;
      let x = PAGE.margin;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        if (o.fill) this.doc.rect(x, y, w, h).fill(o.fill);
        this.doc.lineWidth(0.5).strokeColor(RULE).rect(x, y, w, h).stroke();
        this.doc
          .font(o.font)
          .fontSize(size)
          .fillColor(i === cells.length - 1 || i === 0 ? TONE[o.tone ?? 'plain'] : INK)
          .text(c, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]!.align ?? 'left', lineGap: 1 });
        x += w;
      });
      this.doc.x = PAGE.margin;
      this.doc.y = y + h;
      this.doc.fillColor(INK);
    };
    const header = () => draw(columns.map((c) => c.title), { font: 'bold', fill: SHADE });
    this.ensure(heightOf(columns.map((c) => c.title), 'bold') + heightOf(rows[0]?.cells ?? [''], 'body'));
    header();
    for (const r of rows) {
      const font = r.bold ? 'bold' : 'body';
      if (this.doc.y + heightOf(r.cells, font) > this.bottom) {
        this.doc.addPage();
        header();
      }
      draw(r.cells, { font, tone: r.tone, ...(r.shade ? { fill: '#fafafa' } : {}) });
    }
    this.doc.moveDown(0.5);
  }

  /** A shaded box with the verdict lines. */
  box(lines: { text: string; tone?: Tone; bold?: boolean; size?: number }[]): void {
    const pad = 10;
    const w = this.width - 2 * pad;
    const heights = lines.map((l) => {
      this.doc.font(l.bold ? 'bold' : 'body').fontSize(l.size ?? 10);
      return this.doc.heightOfString(l.text, { width: w, lineGap: 2 }) + 3;
    });
    const h = heights.reduce((a, b) => a + b, 0) + 2 * pad;
    this.ensure(h);
    const y0 = this.doc.y;
    this.doc.rect(PAGE.margin, y0, this.width, h).fill(SHADE);
    let y = y0 + pad;
    lines.forEach((l, i) => {
      this.doc.font(l.bold ? 'bold' : 'body').fontSize(l.size ?? 10).fillColor(TONE[l.tone ?? 'plain']);
      this.doc.text(l.text, PAGE.margin + pad, y, { width: w, lineGap: 2 });
      y += heights[i]!;
    });
    this.doc.x = PAGE.margin;
    this.doc.y = y0 + h;
    this.doc.fillColor(INK).moveDown(0.6);
  }

  /** Footer with page numbers on every page, then the finished file. */
  async finish(footer: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const y = PAGE.height - PAGE.margin - 14;
      this.doc.font('body').fontSize(8).fillColor(MUTED);
      // Writing in the bottom margin would otherwise start a new page.
      this.doc.page.margins.bottom = 0;
      this.doc.text(`${footer}　第 ${i - range.start + 1} / ${range.count} 页`, PAGE.margin, y, { width: this.width, align: 'center', lineBreak: false });
    }
    this.doc.end();
    return this.done;
  }
}
