// The pure heuristics, on inputs taken from what PDFs and OCR actually produced here.
import { describe, expect, it } from 'vitest';
import { formatFen, parseAmount, toFen } from '../../server/extract/core/amount.ts';
import { headerRole } from '../../server/extract/core/headers.ts';
import { matchLabel } from '../../server/extract/core/match.ts';
import { labelKey, normalizeText } from '../../server/extract/core/normalize.ts';
import { readPage } from '../../server/extract/core/read-page.ts';
import { resolve } from '../../server/extract/core/resolve.ts';
import { detectUnit } from '../../server/extract/core/unit.ts';
import type { Word } from '../../server/extract/core/layout.ts';

const yuan = (raw: string, unit: '元' | '千元' | '万元' = '元') => {
  const a = parseAmount(raw);
  return a ? formatFen(toFen(a, unit).fen) : undefined;
};

describe('amounts', () => {
  it('reads every negative notation as negative', () => {
    expect(yuan('-1,234.00')).toBe('-1234.00');
    expect(yuan('−1,234.00')).toBe('-1234.00');
    expect(yuan('－1,234.50')).toBe('-1234.50');
    expect(yuan('(1,234.00)')).toBe('-1234.00');
    expect(yuan('（1,234.00）')).toBe('-1234.00');
    expect(yuan('负1,234.00')).toBe('-1234.00');
    expect(yuan('1,234.00')).toBe('1234.00');
  });
  it('converts 千元 and 万元 to 元 exactly, without floats', () => {
    expect(yuan('1,603.74', '万元')).toBe('16037400.00');
    expect(yuan('0.000001', '万元')).toBe('0.01');
    expect(yuan('12,345.67', '千元')).toBe('12345670.00');
    expect(yuan('98765432109876.54', '万元')).toBe('987654321098765400.00');
  });
  it('marks OCR slips as doubtful but keeps their digits', () => {
    const a = parseAmount('1;603.74');
    expect(a?.doubtful).toBe(true);
    expect(yuan('1;603.74')).toBe('1603.74');
    expect(parseAmount('28,171.563.97')?.doubtful).toBe(true);
    expect(yuan('28,171.563.97')).toBe('28171563.97');
    expect(yuan('1,234,56')).toBe('1234.56');
  });
  it('refuses what is not an amount', () => {
    for (const s of ['', '-', '—', '营业收入', '纤君阁', '2025年度']) expect(parseAmount(s)).toBeUndefined();
  });
});

describe('labels', () => {
  it('folds look-alike code points from CJK-font PDFs', () => {
    expect(normalizeText('营业收⼊')).toBe('营业收入');
    expect(normalizeText('⻓期借款')).toBe('长期借款');
    expect(matchLabel('研发费⽤')?.item.key).toBe('rdExpenses');
  });
  it('strips numbering, lead-ins and sign notes, including mangled ones', () => {
    expect(labelKey('二、营业利润（亏损以“－”号填列）')).toBe('营业利润');
    expect(labelKey('二、营业利润亏损以一号填列)')).toBe('营业利润');
    expect(labelKey('三、利润总额《亏损总额以一号填列)')).toBe('利润总额');
    expect(labelKey('二、营业利润〈气损以一号填列)')).toBe('营业利润');
    expect(labelKey('营业利润气损以一号填列)')).toBe('营业利润');
    expect(labelKey('三、利润总额《亏损总额以')).toBe('利润总额');
    expect(labelKey('三、年度研发费用小计（2+42+44）')).toBe('年度研发费用小计');
    expect(labelKey('其中：主营业务收入')).toBe('主营业务收入');
  });
  it('tolerates a slipped character but not a different line item', () => {
    expect(matchLabel('负愤合计')?.item.key).toBe('totalLiabilities');
    expect(matchLabel('管埋费用')?.item.key).toBe('adminExpenses');
    expect(matchLabel('营业外收入')?.item.key).toBe('nonOperatingIncome');
    expect(matchLabel('营业收人')?.item.key).toBe('operatingRevenue');
    expect(matchLabel('流动负债合计')?.item.key).toBeUndefined();
    expect(matchLabel('其中：研究费用')?.item.key).toBeUndefined();
  });
});

describe('columns and units', () => {
  it('knows current from comparative headers in every format', () => {
    expect(headerRole('本期金额')).toBe('current');
    expect(headerRole('上期金额')).toBe('comparative');
    expect(headerRole('本年累计金额')).toBe('ytd');
    expect(headerRole('本月金额')).toBe('monthly');
    expect(headerRole('本年累计数')).toBe('ytd');
    expect(headerRole('期末余额')).toBe('current');
    expect(headerRole('期未余额')).toBe('current');
    expect(headerRole('上年年末余额')).toBe('comparative');
    // A 150-dpi fax's OCR of 上年年末余额 (seed 20261712): not a second current column.
    expect(headerRole('上:年年未余额')).toBe('comparative');
    expect(headerRole('上年未余额')).toBe('comparative');
    expect(headerRole('期末·余额')).toBe('current');
    expect(headerRole('年初余额')).toBe('comparative');
    expect(headerRole('行次')).toBe('rowno');
  });
  it('finds the unit wherever the statement states it', () => {
    expect(detectUnit('编制单位：某公司 2025年度 单位：元')).toEqual({ unit: '元', found: true });
    expect(detectUnit('金额单位：人民币万元')).toEqual({ unit: '万元', found: true });
    expect(detectUnit('单位: 千 元')).toEqual({ unit: '千元', found: true });
    expect(detectUnit('期末余额（万元）')).toEqual({ unit: '万元', found: true });
    expect(detectUnit('单位:干元')).toEqual({ unit: '千元', found: true });
    expect(detectUnit('单位; 万元')).toEqual({ unit: '万元', found: true });
    expect(detectUnit('单位:二元')).toEqual({ unit: '千元', found: true });
    expect(detectUnit('利润表')).toEqual({ unit: '元', found: false });
    // A unit line whose scale OCR garbled (单位：F元 on a fax, seed 20261429): no unit read, a guess to confirm.
    expect(detectUnit('编制单位：某公司 2025年度 单位：F元')).toEqual({ unit: '千元', found: false, guessed: true });
    expect(detectUnit('单位：口元')).toEqual({ unit: '元', found: false, guessed: true });
    expect(detectUnit('单位:(元)')).toEqual({ unit: '元', found: true });
  });
});

/** Words laid out like a 会小企02表: 本年累计金额 printed before 本月金额, a 行次 column. */
function smallFormatWords(): Word[] {
  const w = (text: string, x: number, y: number, width = text.length * 12): Word => ({ text, x0: x, x1: x + width, y0: y, y1: y + 12 });
  return [
    w('利润表', 250, 10), w('单位：元', 450, 40),
    w('项目', 60, 70), w('行次', 200, 70), w('本年累计金额', 260, 70), w('本月金额', 400, 70),
    w('一、营业收入', 20, 100), w('1', 210, 100, 6), w('1,000.00', 300, 100, 50), w('90.00', 450, 100, 30),
    w('减：营业成本', 30, 130), w('2', 210, 130, 6), w('600.00', 310, 130, 40), w('50.00', 450, 130, 30),
    w('二、营业利润', 20, 160), w('3', 210, 160, 6), w('400.00', 310, 160, 40), w('40.00', 450, 160, 30),
    w('三、利润总额', 20, 190), w('4', 210, 190, 6), w('(12.50)', 305, 190, 45), w('40.00', 450, 190, 30),
  ];
}

describe('reading a page by coordinates', () => {
  it('takes 本年累计金额 even when it comes first, and skips 行次', () => {
    const r = readPage(smallFormatWords());
    expect(r.kind).toBe('income_statement');
    expect(r.readings.get('operatingRevenue')?.cell.text).toBe('1,000.00');
    expect(r.readings.get('operatingProfit')?.cell.text).toBe('400.00');
    expect(r.readings.get('totalProfit')?.amount.negative).toBe(true);
    expect(r.column).toBe('本年累计金额');
  });
  it('does not depend on the order words arrive in', () => {
    const words = smallFormatWords();
    const shuffled = [...words.filter((_, i) => i % 2), ...words.filter((_, i) => !(i % 2))].reverse();
    const a = readPage(words);
    const b = readPage(shuffled);
    expect([...b.readings.keys()].sort()).toEqual([...a.readings.keys()].sort());
    expect(b.readings.get('operatingCost')?.cell.text).toBe('600.00');
  });
});

describe('choosing among OCR readings by the identities', () => {
  it('prefers the reading that makes 资产总计 = 负债合计 + 所有者权益合计 hold', () => {
    const res = resolve('balance_sheet', new Map([
      ['totalAssets', [{ fen: 160374000n, confidence: 0.9, source: 'ocr' as const }]],
      ['totalLiabilities', [{ fen: 40260000n, confidence: 0.9, source: 'ocr' as const }]],
      // The page read 8 for 3 with more confidence than the digits pass; only 120114000 balances.
      ['equity', [{ fen: 820114000n, confidence: 0.8, source: 'ocr' as const }, { fen: 120114000n, confidence: 0.6, source: 'digits' as const }]],
    ]));
    expect(res.values.get('equity')?.fen).toBe(120114000n);
    expect(res.values.get('equity')?.flagged).toBe(false);
    expect(res.checks).toEqual([{ code: 'BALANCE_IDENTITY', ok: true, message: expect.any(String) }]);
  });
  it('flags, and does not fix, figures that contradict an identity', () => {
    const res = resolve('balance_sheet', new Map([
      ['totalAssets', [{ fen: 100n, confidence: 0.99, source: 'text' as const }]],
      ['totalLiabilities', [{ fen: 30n, confidence: 0.99, source: 'text' as const }]],
      ['equity', [{ fen: 60n, confidence: 0.99, source: 'text' as const }]],
    ]));
    expect(res.values.get('equity')).toMatchObject({ fen: 60n, flagged: true });
    expect(res.values.get('totalAssets')?.confidence).toBeLessThanOrEqual(0.6);
    expect(res.checks[0]?.ok).toBe(false);
  });
  it('takes, where no pick makes an identity hold, the readings nearest to it: lost decimal points (fax, seed 20261212)', () => {
    const ocr = (fen: bigint, confidence: number) => ({ fen, confidence, source: 'ocr' as const });
    // 42879 and 26791 read without their points on a page printed with two decimals (428.79, 267.91 万元), and a
    // 财务费用 under the seal that slipped a digit (-22.40 for -22.46): nothing balances, but one pick is 600 元 off
    // and the face values 6.8 亿.
    const res = resolve('income_statement', new Map([
      ['operatingRevenue', [ocr(1473060000n, 0.95)]], ['operatingCost', [ocr(881290000n, 0.9)]],
      ['taxesAndSurcharges', [ocr(11090000n, 0.95)]], ['sellingExpenses', [ocr(153400000n, 0.9)]],
      ['adminExpenses', [ocr(42879000000n, 0.55), ocr(428790000n, 0.5)]],
      ['rdExpenses', [ocr(26791000000n, 0.55), ocr(267910000n, 0.5)]],
      ['financeExpenses', [ocr(-22400000n, 0.9)]], ['operatingProfit', [ocr(-246960000n, 0.95)]],
    ]));
    expect(res.values.get('adminExpenses')).toMatchObject({ fen: 428790000n, flagged: true });
    expect(res.values.get('rdExpenses')).toMatchObject({ fen: 267910000n, flagged: true });
  });
  it('flags every unconfirmed figure of a failing identity, also one that looked sure (a lost digit, stress seed 20261244)', () => {
    const ocr = (fen: bigint, confidence: number) => ({ fen, confidence, source: 'ocr' as const });
    const res = resolve('income_statement', new Map([
      ['totalProfit', [ocr(530940385n, 0.95)]],
      // 138017.25 for 1380217.25, read at 0.95; 净利润 read 3929186.00 for 3929186.60, doubtful.
      ['incomeTax', [ocr(13801725n, 0.95)]], ['netProfit', [ocr(392918600n, 0.6)]],
    ]));
    expect(res.checks.find((c) => c.code === 'NET_PROFIT')?.ok).toBe(false);
    expect(res.values.get('incomeTax')?.flagged).toBe(true);
    expect(res.values.get('netProfit')?.flagged).toBe(true);
  });
  it('takes the point inside an amount, not a speck after it, as its decimal point (153.4. for 153.40)', () => {
    expect(parseAmount('153.4.')).toMatchObject({ digits: 1534n, scale: 1, doubtful: true });
    expect(parseAmount('1,234.')).toMatchObject({ digits: 1234n, scale: 0 });
  });
});

describe('staff counts', () => {
  const w = (text: string, x: number, y: number, width = text.length * 10): Word => ({ text, x0: x, x1: x + width, y0: y, y1: y + 12 });
  const table = (emp: string[], extraHeader = true) => readPage([
    w('企业职工人数统计表', 200, 10),
    ...(extraHeader ? [w('全年季平均数', 560, 40)] : []),
    w('职工总数', 10, 70), ...emp.map((t, i) => w(t, 120 + i * 50, 70, t.length * 8)),
  ]);
  it('averages eight quarter-end figures exactly and checks a printed average against them', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    const eight = ['40', '44', '44', '46', '46', '45', '45', '48'];
    expect(assemble(1, table(eight, false), 'text')?.doc.fields.employees).toMatchObject({ value: '44.75' });
    const agreed = assemble(1, table([...eight, '44.75']), 'text')?.doc.fields.employees;
    expect(agreed).toMatchObject({ value: '44.75' });
    expect(agreed?.flagged).toBeUndefined();
    expect(agreed?.confidence).toBeGreaterThanOrEqual(0.97);
    expect(assemble(1, table([...eight, '45.75']), 'text')?.doc.fields.employees).toMatchObject({ value: '45.75', flagged: true });
  });
  it('flags, and keeps, eight counts that jump more than fourfold and by 20 people or more (fresh seed 20261709 degraded: 7 read as 71 and 77)', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    const { implausibleJump } = await import('../../server/extract/core/staff.ts');
    const misread = assemble(1, table(['71', '77', '11', '7', '7', '10', '10', '9'], false), 'ocr')?.doc.fields.employees;
    expect(misread).toMatchObject({ value: '25.25', flagged: true });
    expect(misread!.confidence).toBeLessThanOrEqual(0.6);
    const grew = assemble(1, table(['8', '9', '11', '14', '18', '21', '25', '27'], false), 'ocr')?.doc.fields.employees;
    expect(grew).toMatchObject({ value: '16.625' });
    expect(grew?.flagged).toBeUndefined();
    // Four quarterly averages, some ending in .5: 7.5 is not 75 people.
    const averages = assemble(1, table(['7.5', '10', '9.5', '8'], false), 'ocr')?.doc.fields.employees;
    expect(averages).toMatchObject({ value: '8.75' });
    expect(averages?.flagged).toBeUndefined();
    // Table-driven: fourfold alone (2 → 9) or 20 people alone (60 → 85) is an ordinary year.
    expect([[2, 9], [60, 85], [5, 25], [5, 21], [4, 24]].map((c) => implausibleJump(c))).toEqual([false, false, true, false, true]);
  });
  it('flags a printed average whose quarters were not all read, instead of averaging the wrong figures', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    // One quarter figure lost under a seal: seven whole numbers and the average.
    const f = assemble(1, table(['40', '44', '44', '46', '45', '45', '48', '44.75'], false), 'ocr')?.doc.fields.employees;
    expect(f).toMatchObject({ value: '44.75', flagged: true });
  });
  it('finds the quarter whose numeral OCR lost (第 季度) by its place among the other three', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    const head = [w('企业职工人数统计表', 200, 10), w('职工总数', 150, 40), w('其中:科技人员', 350, 40),
      w('季初数', 120, 55), w('季末数', 220, 55), w('季初数', 320, 55), w('季末数', 420, 55)];
    const q = (y: number, label: Word[], n: string[]) => [...label, ...n.map((t, i) => w(t, 170 + i * 100 - t.length * 8, y, t.length * 8))];
    const r = readPage([
      ...head,
      ...q(70, [w('第', 10, 70), w('季度', 40, 70)], ['40', '44', '9', '15']),
      ...q(90, [w('第二季度', 10, 90)], ['44', '46', '15', '12']),
      ...q(110, [w('第三季度', 10, 110)], ['46', '45', '8', '9']),
      ...q(130, [w('第四季度', 10, 130)], ['45', '48', '9', '9']),
    ]);
    expect(r.quarters?.quarters[0]).toEqual({ startEmployees: 40, endEmployees: 44, startTech: 9, endTech: 15 });
    expect(assemble(1, r, 'ocr')?.doc.fields).toMatchObject({ employees: { value: '44.75' }, techStaff: { value: '10.75' } });
  });
  it('reads a quarter label with a ruling line read into it (第三季/度, stress seed 20261245 fax)', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    const head = [w('企业职工人数统计表', 200, 10), w('职工总数', 150, 40), w('其中:科技人员', 350, 40),
      w('季初数', 120, 55), w('季未数', 220, 55), w('季初数', 320, 55), w('季未数', 420, 55)];
    const q = (y: number, label: string, n: string[]) => [w(label, 10, y), ...n.map((t, i) => w(t, 170 + i * 100 - t.length * 8, y, t.length * 8))];
    const r = readPage([
      ...head, ...q(70, '第一季度', ['73', '74', '10', '11']), ...q(90, '第二季度', ['73', '68', '15', '12']),
      ...q(110, '第三季/度', ['74', '72', '14', '11']), ...q(130, '第四季度', ['74', '67', '16', '16']),
    ]);
    expect(assemble(1, r, 'ocr')?.doc.fields).toMatchObject({ employees: { value: '71.875' }, techStaff: { value: '13.125' } });
  });
  it('lets a second reading of a count cell stand in for a page reading that is no whole number', async () => {
    const head = [w('企业职工人数统计表', 200, 10), w('职工总数', 150, 40), w('其中:科技人员', 350, 40),
      w('季初数', 120, 55), w('季末数', 220, 55), w('季初数', 320, 55), w('季末数', 420, 55)];
    const q = (y: number, label: string, n: string[]) => [w(label, 10, y), ...n.map((t, i) => w(t, 170 + i * 100 - t.length * 8, y, t.length * 8))];
    const rows = [
      ...head, ...q(70, '第一季度', ['40', '44', '9', '15']), ...q(90, '第二季度', ['44', '2.46', '15', '12']),
      ...q(110, '第三季度', ['46', '45', '8', '9']), ...q(130, '第四季度', ['45', '48', '9', '9']),
    ];
    const r = readPage(rows);
    expect(r.quarters).toBeUndefined();
    // The digits re-read of that cell adds its reading to the row (as ocr-page.ts does).
    const { readQuarterTable } = await import('../../server/extract/core/staff.ts');
    const row = r.rows.find((x) => x.cells.some((c) => c.text === '2.46'))!;
    const bad = row.cells.find((c) => c.text === '2.46')!;
    row.cells.push({ ...bad, text: '46', amount: parseAmount('46')!, words: [] });
    expect(readQuarterTable(r.rows)?.employees).toBe('44.75');
  });
  it('takes no speck left of the count columns for a quarter figure or the printed average', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    const eight = (y: number, label: string, n: string[], speck?: string) => [
      w(label, 10, y), ...(speck ? [w(speck, 150, y, 6)] : []), ...n.map((t, i) => w(t, 240 + i * 50 - t.length * 8, y, t.length * 8)),
    ];
    const r = readPage([
      w('企业职工人数统计表', 200, 10),
      ...eight(70, '职工总数', ['58', '57', '60', '63', '60', '60', '61', '65']),
      ...eight(90, '其中:科技人员', ['11', '16', '11', '15', '18', '16', '14', '18'], '8'),
    ]);
    const fields = assemble(1, r, 'ocr')?.doc.fields;
    expect(fields?.employees?.value).toBe('60.5');
    expect(fields?.techStaff).toMatchObject({ value: '14.875' });
    expect(fields?.techStaff?.flagged).toBeUndefined();
  });
  it('reads a quarter table past a speck in one row, and takes the printed average, flagged, where a count is lost or disagrees', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    const head = [w('企业职工人数统计表', 200, 10), w('职工总数', 150, 40), w('其中:科技人员', 350, 40),
      w('季初数', 120, 55), w('季末数', 220, 55), w('季初数', 320, 55), w('季末数', 420, 55)];
    const q = (y: number, label: string, n: (string | undefined)[]) => [w(label, 10, y), ...n.flatMap((t, i) => (t ? [{ ...w(t, 170 + i * 100 - t.length * 8, y, t.length * 8), conf: t === '127' ? 0.8 : 0.99 }] : []))];
    const page = (q3tech: string | undefined, speck: boolean) => readPage([
      ...head, ...q(70, '第一季度', ['51', '44', '14', '9']), ...q(90, '第二季度', ['46', '50', '17', '17']),
      ...q(110, '第三季度', ['47', '49', q3tech, '17']), ...q(130, '第四季度', ['48', '44', '10', '9']),
      // Seed 20261214's fax: a speck read as 5 between the two 科技人员 columns of one row.
      ...(speck ? [w('5', 402, 130, 6)] : []),
      w('全年季平均数', 10, 150), w('47.375', 164, 150, 48), w('13.375', 364, 150, 48),
    ]);
    const read = (q3tech: string | undefined, speck = true) => assemble(1, page(q3tech, speck), 'ocr')?.doc.fields;
    expect(read('14')).toMatchObject({ employees: { value: '47.375' }, techStaff: { value: '13.375' } });
    expect(read('14')?.techStaff?.flagged).toBeUndefined();
    // The seal hides the third quarter's 季初 科技人员: the printed figures, unchecked.
    expect(read(undefined)).toMatchObject({ employees: { value: '47.375', flagged: true }, techStaff: { value: '13.375', flagged: true } });
    // A second look read the sealed cell as 127 (0.8 sure): the computed average disagrees with the printed one.
    expect(read('127', false)).toMatchObject({ techStaff: { value: '13.375', flagged: true } });
    // Read as surely as the rest, the quarters stand against the printed figure.
    expect(read('15', false)).toMatchObject({ techStaff: { value: '13.5', flagged: true } });
  });
  it('reports a count missing, not a wrong figure, when a seal hides one quarter and no average is printed', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    // Stress seed 20261220: 16 13 15 19 21 21 _ 16 — the seventh count under the seal.
    const r = table(['16', '13', '15', '19', '21', '21', '16'], false);
    expect(assemble(1, r, 'ocr')?.doc.fields.employees).toBeUndefined();
    expect(r.unreadable).toEqual([expect.objectContaining({ key: 'employees', label: '职工总数' })]);
    expect(table(['16', '13', '15', '19', '21', '21', '17', '16'], false).unreadable).toEqual([]);
  });
  it('reads a noisy scan\'s quarter table through the specks OCR read as words (20261202 degraded staff table)', async () => {
    const { assemble } = await import('../../server/extract/core/assemble.ts');
    // Text 40 px high read with confidence ≥ 0.93; specks 12–16 px high read at 0.5–0.8, as PaddleOCR gave them.
    const t = (text: string, x: number, y: number, conf = 0.99, h = 40): Word => ({ text, x0: x, x1: x + text.length * (h * 0.6), y0: y, y1: y + h, conf });
    const speck = (text: string, x: number, y: number, conf = 0.6): Word => t(text, x, y + 12, conf, 14);
    const q = (y: number, label: string, n: string[]) => [t(label, 20, y), ...n.map((v, i) => t(v, 400 + i * 250, y))];
    const words = [
      t('企业职工人数统计表', 500, 0), t('职工总数', 600, 80), t('其中：科技人员', 1100, 80),
      t('季初数', 380, 140, 0.93), t('季末数', 630, 140), t('季初数', 880, 140), t('季末数', 1130, 140, 0.91),
      ...q(200, '第一季度', ['43', '46', '9', '15']), ...q(260, '第二季度', ['41', '41', '15', '12']),
      ...q(320, '第三季度', ['45', '46', '8', '9']), ...q(380, '第四季度', ['41', '41', '9', '9']),
      // A speck just left of the second quarter's 41 (it joins the amount: 241) and one between two rows.
      speck('2', 612, 260, 0.84), speck('3', 300, 232, 0.76),
      // The noise under the table, read as dozens of short words.
      ...Array.from({ length: 40 }, (_, i) => speck(['.', 'S', '3', 'SE', '5.', 'a', '-0', '..'][i % 8]!, 60 + ((i * 397) % 1500), 520 + i * 31, 0.5 + (i % 5) * 0.06)),
    ];
    const fields = assemble(1, readPage(words), 'ocr')?.doc.fields;
    expect(fields?.employees?.value).toBe('43');
    expect(fields?.techStaff?.value).toBe('10.75');
  });
});
