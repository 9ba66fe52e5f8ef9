// Bad uploads get one coded Chinese error each, and nothing else breaks.
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedPool, extractFile } from '../../server/extract/extract.ts';
import { MESSAGES } from '../../server/extract/errors.ts';
import { documentHtml, incomeStatement } from './fixtures/statements.ts';
import { closeBrowser, htmlToPdf, readBytes } from './fixtures/render.ts';

afterAll(async () => {
  await closeBrowser();
  await closeSharedPool();
});

const TMP = new URL('../../data/fixtures-cache/bad/', import.meta.url).pathname;
mkdirSync(TMP, { recursive: true });

const statementPdf = () => htmlToPdf(documentHtml([incomeStatement({ format: '2019', unit: '元', seed: 51 })]));

async function onlyError(name: string, bytes: Uint8Array, options = {}) {
  const r = await extractFile({ name, bytes }, options);
  expect(r.documents).toEqual([]);
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0];
  expect(e?.message).toMatch(/[\u4e00-\u9fff]/);
  return e?.code;
}

/** A PNG whose header claims a size; the pixels are never needed to refuse it. */
function pngHeader(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc(td), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(width + 1))), chunk('IEND', Buffer.alloc(0))]);
}

describe('bad files', () => {
  it('refuses a file that is neither PDF nor image, whatever its name', async () => {
    expect(await onlyError('利润表.pdf', Buffer.from('这不是PDF，只是一段文字。'))).toBe('UNSUPPORTED_TYPE');
    // A Word document renamed to .pdf (ZIP container).
    expect(await onlyError('资产负债表.pdf', Buffer.from('PK\x03\x04\x14\x00\x06\x00word/document.xml'))).toBe('UNSUPPORTED_TYPE');
  });

  it('reads a PDF by its bytes even when named .jpg', async () => {
    const r = await extractFile({ name: '利润表.jpg', bytes: readBytes(await statementPdf()) });
    expect(r.errors).toEqual([]);
    expect(r.documents[0]?.kind).toBe('income_statement');
  });

  it('says an empty file is empty', async () => {
    expect(await onlyError('空.pdf', new Uint8Array())).toBe('EMPTY_FILE');
  });

  it('refuses an encrypted PDF', async () => {
    const out = `${TMP}encrypted.pdf`;
    execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', await statementPdf(), out]);
    expect(await onlyError('加密.pdf', readFileSync(out))).toBe('PDF_ENCRYPTED');
  });

  it('refuses a broken PDF', async () => {
    expect(await onlyError('坏.pdf', Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>>\ngarbage'))).toBe('PDF_BROKEN');
  });

  it('survives a truncated PDF with a coded error or what it could read', async () => {
    const whole = readBytes(await statementPdf());
    const r = await extractFile({ name: '半截.pdf', bytes: whole.subarray(0, Math.floor(whole.length / 3)) });
    expect(r.errors.length + r.documents.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(Object.keys(MESSAGES)).toContain(e.code);
  });

  it('reports an empty page', async () => {
    const pdf = await htmlToPdf('<html><body></body></html>', 'blank.pdf');
    const r = await extractFile({ name: '空白页.pdf', bytes: readBytes(pdf) });
    expect(r.errors.map((e) => [e.code, e.page])).toEqual([['EMPTY_PAGE', 1]]);
  });

  it('refuses a 20000×20000 image before decoding it', async () => {
    const t = Date.now();
    expect(await onlyError('巨图.png', pngHeader(20000, 20000))).toBe('IMAGE_TOO_LARGE');
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('refuses a 500-page PDF', async () => {
    const html = `<html><body>${'<div style="page-break-after:always">页</div>'.repeat(500)}</body></html>`;
    const pdf = await htmlToPdf(html, 'many.pdf');
    expect(await onlyError('500页.pdf', readBytes(pdf))).toBe('TOO_MANY_PAGES');
  });

  it('refuses a file over the configured size limit', async () => {
    expect(await onlyError('大.pdf', readBytes(await statementPdf()), { limits: { maxBytes: 10_000 } })).toBe('FILE_TOO_LARGE');
  });

  it('warns above the official 3 MB but still reads the file', async () => {
    const padded = Buffer.concat([readBytes(await statementPdf()), Buffer.from(`\n%${' '.repeat(3.2 * 1024 * 1024)}\n`)]);
    const r = await extractFile({ name: '大于3M.pdf', bytes: padded });
    expect(r.errors).toEqual([]);
    expect(r.warnings?.map((w) => w.code)).toContain('OVER_3MB');
    expect(r.documents[0]?.kind).toBe('income_statement');
  });

  it('says when a document is not a statement we know', async () => {
    const pdf = await htmlToPdf('<html><body style="font-family:Noto Sans CJK SC"><h1>关于申请科技型中小企业评价的说明</h1><p>我公司成立于2018年，主要从事软件开发。</p></body></html>', 'letter.pdf');
    expect(await onlyError('说明.pdf', readBytes(pdf))).toBe('UNKNOWN_STATEMENT');
  }, 60_000);

  it('stops at the time limit', async () => {
    writeFileSync(`${TMP}page.pdf`, readBytes(await statementPdf()));
    const r = await extractFile({ name: '超时.pdf', bytes: readBytes(`${TMP}page.pdf`) }, { forceOcr: true, limits: { timeoutMs: 300 } });
    expect(r.errors.map((e) => e.code)).toEqual(['TIMEOUT']);
  });
});
