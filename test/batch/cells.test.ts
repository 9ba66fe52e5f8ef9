// Cells as people type them, firm folder names, CSV encodings and zips of statements: the small readers the
// batch is built from, each case one line like the form's own rules.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { convert, creditCodeProblem, withCheckCharacter } from '../../server/batch/cells.ts';
import { folderKey } from '../../server/batch/folders.ts';
import { parseBatch } from '../../server/batch/parse.ts';
import { readBatchFile } from '../../server/batch/read.ts';
import { reportFileName, reportsZip } from '../../server/batch/reports.ts';
import { unpackDocs } from '../../server/batch/zip-docs.ts';
import type { FirmResult } from '../../server/batch/schemas.ts';

describe('cells', () => {
  it.each([
    ['1,234.56', '万元', '1234.56'],
    ['1,234.56万元', '万元', '1234.56'],
    ['１２３．５', '万元', '123.5'],
    [' 120.5 万 ', '万元', '120.5'],
    [1234.567891, '万元', '1234.567891'],
    [0.1 + 0.2, '万元', '0.3'],
    ['12,345,678.90元', '万元', '1234.56789'],
    ['12345678.9', '元', '1234.56789'],
    [12345678.91, '元', '1234.567891'],
    ['0.01元', '万元', '0.000001'],
  ] as const)('amount %j in a %s column is %s 万元', (raw, unit, wan) => {
    expect(convert('amount', raw, unit)).toEqual({ ok: true, value: wan });
  });

  it.each([
    ['约三千万', 'INVALID_AMOUNT'],
    ['1.234.5', 'INVALID_AMOUNT'],
    ['12,34', 'INVALID_AMOUNT'],
    ['-5', 'NEGATIVE_AMOUNT'],
    ['(5)', 'NEGATIVE_AMOUNT'],
    ['1.0000001', 'TOO_PRECISE'],
    ['0.001元', 'TOO_PRECISE_YUAN'],
  ])('amount %j is refused with %s', (raw, code) => {
    expect(convert('amount', raw)).toMatchObject({ ok: false, code });
  });

  it('keeps the sign of a signed amount written as (1,234.00) or 负', () => {
    expect(convert('signedAmount', '(1,234.00)')).toEqual({ ok: true, value: '-1234.00' });
    expect(convert('signedAmount', '负12')).toEqual({ ok: true, value: '-12' });
    expect(convert('signedAmount', '-0')).toEqual({ ok: true, value: '-0' });
  });

  it.each([['是', true], ['Y', true], ['y', true], [1, true], ['1', true], [true, true], ['√', true], ['否', false], ['N', false], [0, false], ['FALSE', false], ['×', false]] as const)(
    'yes/no %j is %s',
    (raw, value) => expect(convert('bool', raw)).toEqual({ ok: true, value }),
  );

  it('reads choices by label, code or common spelling, and lists the choices when it cannot', () => {
    expect(convert('tax', '查账')).toEqual({ ok: true, value: 'audit' });
    expect(convert('region', '河南')).toEqual({ ok: true, value: 'henan' });
    expect(convert('rdForm', '委托境内')).toEqual({ ok: true, value: 'commissioned_domestic' });
    expect(convert('rdStatus', '在研')).toEqual({ ok: true, value: 'ongoing' });
    expect(convert('tax', '定额')).toMatchObject({ ok: false, code: 'INVALID_CHOICE', message: '只能填：查账征收、核定征收' });
  });

  it('reads counts typed as text, and refuses fractions of a person', () => {
    expect(convert('count', '12人')).toEqual({ ok: true, value: 12 });
    expect(convert('count', 12.0)).toEqual({ ok: true, value: 12 });
    expect(convert('count', '1.5')).toMatchObject({ ok: false, code: 'NOT_INTEGER' });
    expect(convert('averaged', '44.75')).toEqual({ ok: true, value: '44.75' });
    expect(convert('year', '2026年')).toEqual({ ok: true, value: 2026 });
    expect(convert('year', 1999)).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
  });

  it('checks the 统一社会信用代码 check character (GB 32100-2015)', () => {
    // A published code: 91350100M000100Y.. is the standard's own example form; build valid ones from 17 characters.
    const code = withCheckCharacter('91110108MA01ABCD2');
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeProblem(code.slice(0, 17) + (code[17] === 'X' ? 'Y' : 'X'))).toBe('CREDIT_CODE_CHECKSUM');
    expect(creditCodeProblem('91110108MA01ABCDI2')).toBe('INVALID_CREDIT_CODE');
    expect(convert('creditCode', ` ${code.toLowerCase()} `)).toEqual({ ok: true, value: code });
  });

  it.each(['', '-', '—', '/', null, undefined])('treats %j as an empty cell', (raw) => {
    expect(convert('amount', raw)).toEqual({ ok: true, value: undefined });
  });
});

describe('firm folders', () => {
  it.each([
    ['91110108MA01ABCD2X 某某科技', '91110108MA01ABCD2X'],
    ['91110108ma01abcd2x', '91110108MA01ABCD2X'],
    ['第5行', '#5'],
    ['5', '#5'],
    ['12-某公司', '#12'],
    ['row 7', '#7'],
    ['说明', null],
  ])('%s → %s', (name, key) => expect(folderKey(name)).toBe(key));
});

describe('CSV as Chinese Excel saves it', () => {
  it('reads GBK, semicolons and a BOM alike', async () => {
    const text = '企业名称;评价年度;销售收入（万元）\r\n甲公司;2026;"1,234.5"\r\n';
    for (const bytes of [Buffer.from(new TextEncoder().encode(`\uFEFF${text}`)), gbk(text)]) {
      const parsed = parseBatch(await readBatchFile('x.csv', bytes));
      expect(parsed.firms[0]).toMatchObject({ row: 2, name: '甲公司', input: { evaluationYear: 2026, finance: { salesRevenue: '1234.5' } } });
    }
  });
});

/** GB18030 bytes for a string (TextEncoder only speaks UTF-8): each character through a lookup of its decoding. */
function gbk(s: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return Buffer.from([...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

async function zipOf(entries: [string, Buffer][]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of entries) z.addBuffer(data, name);
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('zip of firm folders', () => {
  const limits = { maxEntries: 50, maxFileBytes: 1024, maxTotalBytes: 4096 };

  it('unpacks firm folders to numbered files, skipping junk and files outside a firm folder', async () => {
    const code = withCheckCharacter('91110108MA01ABCD2');
    const zip = await zipOf([
      [`报表/${code}/利润表.pdf`, Buffer.from('%PDF-1.4 a')],
      ['报表/第3行/资产负债表.PNG', Buffer.from('png')],
      ['报表/说明.pdf', Buffer.from('x')],
      ['报表/第3行/readme.txt', Buffer.from('x')],
      ['__MACOSX/报表/._利润表.pdf', Buffer.from('x')],
      ['第4行/..evil.pdf', Buffer.from('x')],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'kexiao-zip-'));
    const { files, skipped } = await unpackDocs(zip, dir, limits);
    expect(files.map((f) => [f.key, f.name])).toEqual([[code, '利润表.pdf'], ['#3', '资产负债表.PNG']]);
    // Stored by number inside the folder, whatever the entry's path said.
    expect(readdirSync(dir).sort()).toEqual(['0', '1']);
    expect(skipped).toEqual(['报表/说明.pdf', '报表/第3行/readme.txt']);
  });

  it('refuses a zip over its bounds or broken, with a coded reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kexiao-zip-'));
    await expect(unpackDocs(await zipOf([['第1行/a.pdf', Buffer.alloc(2000)]]), dir, limits)).rejects.toMatchObject({ code: 'ZIP_FILE_TOO_LARGE' });
    const many = await zipOf(Array.from({ length: 5 }, (_, i): [string, Buffer] => [`第${i}行/a.pdf`, Buffer.alloc(1000)]));
    await expect(unpackDocs(many, dir, limits)).rejects.toMatchObject({ code: 'ZIP_TOO_LARGE' });
    await expect(unpackDocs(Buffer.from('PK\x03\x04 not really'), dir, limits)).rejects.toMatchObject({ code: 'BROKEN_ZIP' });
  });
});

describe('report zip', () => {
  const row = (over: Partial<FirmResult>): FirmResult => ({
    row: 2, name: '甲/乙:公司', creditCode: null, status: 'scored', verdict: 'qualified', qualified: true, route: 'score', total: 70,
    scores: { techStaff: 20, rdBySales: 30, rdByCost: 30, rd: 30, ip: 20 }, ratios: { techStaff: null, rdBySales: null, rdByCost: null },
    reasons: [], onSiteCheck: [], flags: [], issues: [], discrepancies: [], documents: [], ladder: null,
    assessment: {} as FirmResult['assessment'], input: {}, ...over,
  });

  it('holds one file per firm with a report, named by row, and lists the firms without one', async () => {
    const made: number[] = [];
    // The zip's own assembly is under test here; the PDF itself is journey's report (server/report/pdf.ts).
    const stream = reportsZip([row({}), row({ row: 3, verdict: 'invalid', assessment: null, input: null, name: '丙公司' })], async (_i, _r, extra) => {
      made.push(1);
      return Buffer.from(`report of ${extra?.firmName}`);
    });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const names = await new Promise<string[]>((resolve, reject) =>
      yauzl.fromBuffer(Buffer.concat(chunks), { lazyEntries: false }, (err, z) => {
        if (err) return reject(err);
        const out: string[] = [];
        z.on('entry', (e: yauzl.Entry) => out.push(e.fileName)).on('end', () => resolve(out));
      }),
    );
    expect(names).toEqual([reportFileName(row({})), '说明.txt']);
    expect(reportFileName(row({}))).toBe('0002-甲_乙_公司.pdf');
    expect(made).toHaveLength(1);
  });
});
