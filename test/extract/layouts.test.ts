// The real-world layouts, on positioned words as a PDF or OCR gives them: dated column headers, 营业总收入 above
// 营业收入, 附注 numbers, statements that begin mid-page with 合并/母公司 scopes, continuation pages without a header,
// 百万元, parenthesised deductions; and the geometry and decoding arithmetic of the photo path and PaddleOCR.
import { describe, expect, it } from 'vitest';
import { assemble } from '../../server/extract/core/assemble.ts';
import { groupStatements, markUse, withRereads } from '../../server/extract/core/group.ts';
import type { Word } from '../../server/extract/core/layout.ts';
import { decodeLine, textBoxes } from '../../server/extract/core/paddle-decode.ts';
import { readPage, readSegments } from '../../server/extract/core/read-page.ts';
import { findSheet, homography, warp, type Quad } from '../../server/extract/core/sheet.ts';
import { detectUnit } from '../../server/extract/core/unit.ts';

const w = (text: string, x: number, y: number, width = [...text].length * 10): Word => ({ text, x0: x, x1: x + width, y0: y, y1: y + 12 });
/** A label and amounts on one line; amounts right-aligned at the given edges. */
const line = (y: number, label: string, ...cells: [string, number][]) => [w(label, 20, y), ...cells.map(([t, edge]) => w(t, edge - t.length * 7, y, t.length * 7))];
const values = (r: ReturnType<typeof readPage>) => Object.fromEntries(assemble(1, r, 'text')!.doc.fields ? Object.entries(assemble(1, r, 'text')!.doc.fields).map(([k, f]) => [k, f.value]) : []);

describe('columns chosen by the header\'s period', () => {
  it('takes the latest year whatever its position, drops 附注 numbers, and keeps the other year as previous', () => {
    const r = readPage([
      w('利润表', 200, 0), w('单位:元', 400, 20),
      w('项目', 40, 40), w('附注', 200, 40), w('2019年度', 260, 40), w('2020年度', 380, 40),
      ...line(60, '一、营业收入', ['30', 220], ['900.00', 330], ['1,000.00', 450]),
      ...line(80, '减:营业成本', ['31', 220], ['500.00', 330], ['600.00', 450]),
      ...line(100, '二、营业利润', ['400.00', 330], ['400.00', 450]),
    ]);
    expect(r.readings.get('operatingRevenue')?.cell.text).toBe('1,000.00');
    expect(r.readings.get('operatingCost')?.previous?.cell.text).toBe('500.00');
    const doc = assemble(1, r, 'text')!.doc;
    expect(doc.previous?.fields.operatingRevenue?.value).toBe('900.00');
    expect(doc.previous?.period).toBe('2019年度');
  });
  it('reads a summary table in 万元 whose year columns are bare numbers, latest first', () => {
    const r = readPage([
      w('利润表', 200, 0), w('单位:万元', 400, 20),
      w('项目', 40, 40), w('2021', 240, 40, 30), w('2020', 340, 40, 30), w('2019', 440, 40, 30),
      ...line(60, '营业收入', ['3,456.78', 270], ['2,345.67', 370], ['1,234.56', 470]),
      ...line(80, '净利润', ['456.78', 270], ['345.67', 370], ['234.56', 470]),
    ]);
    expect(values(r)).toEqual({ operatingRevenue: '34567800.00', netProfit: '4567800.00' });
  });
});

describe('headers over short amounts', () => {
  it('names columns whose short amounts (百万元) reach under no centred header, and takes 本年累计数 over 本月数', () => {
    const r = readPage([
      w('损益表', 200, 0), w('单位:百万元', 400, 20),
      w('项目', 40, 40), w('行次', 180, 40), w('本月数', 250, 40), w('本年累计数', 390, 40),
      ...line(60, '一、主营业务收入', ['1', 200], ['30.20', 330], ['38.13', 480]),
      ...line(80, '四、利润总额', ['14', 200], ['0.85', 330], ['10.28', 480]),
    ]);
    expect(r.readings.get('mainBusinessRevenue')?.cell.text).toBe('38.13');
    expect(r.readings.get('totalProfit')?.role).toBe('ytd');
  });
});

describe('a 本年累计 cell that does not read', () => {
  it('gives nothing (a gap to look at again) rather than the 本月 figure beside it', () => {
    const r = readPage([
      w('损益表', 200, 0), w('单位:元', 400, 20),
      w('项目', 40, 40), w('行次', 180, 40), w('本月数', 250, 40), w('本年累计数', 390, 40),
      ...line(60, '减:营业费用', ['6', 200], ['358.96', 330], ['1,857.58', 480]),
      ...line(80, '管理费用', ['7', 200], ['1,843.98', 330], ['*1,947.39', 480]),
    ]);
    expect(r.readings.get('sellingExpenses')?.cell.text).toBe('1,857.58');
    expect(r.readings.has('adminExpenses')).toBe(false);
    expect(r.gaps.map((g) => g.key)).toContain('adminExpenses');
  });
  it('keeps a seal\'s digits read just left of a signed amount out of it (310 | -155.30, seed 20261204 photo)', () => {
    const r = readPage([
      w('损益表', 200, 0), w('单位:千元', 400, 20),
      w('项目', 40, 40), w('行次', 180, 40), w('本月数', 250, 40), w('本年累计数', 390, 40),
      ...line(60, '管理费用', ['7', 200], ['1,843.98', 330], ['1,947.39', 480]),
      ...line(80, '财务费用', ['8', 200], ['-185.66', 330]),
      { text: '310', x0: 406, x1: 428, y0: 83, y1: 93, conf: 0.65 }, { text: '-155.30', x0: 431, x1: 480, y0: 80, y1: 92, conf: 0.97 },
    ]);
    expect(r.readings.get('financeExpenses')?.cell.text).toBe('-155.30');
    expect(r.readings.get('financeExpenses')?.role).toBe('ytd');
  });
});

describe('a seal\'s legend read into a label', () => {
  it('matches the label without the seal text OCR ran into its cell (净利润… 财务秘用章, seed 20261402 photo)', () => {
    const t = (text: string, x0: number, x1: number, y: number, conf = 0.99, h = 52): Word => ({ text, x0, x1, y0: y, y1: y + h, conf });
    const r = readPage([
      t('利润表', 900, 1100, 0), t('单位：万元', 1780, 1925, 80),
      t('项目', 620, 670, 160), t('本期金额', 1286, 1402, 160), t('上期金额', 1682, 1798, 160),
      t('三、利润总额(亏损总额以“-”号填列)', 170, 790, 240), t('648.37', 1420, 1522, 240), t('170.02', 1813, 1908, 240),
      t('减：所得税费用', 205, 425, 320), t('162.09', 1417, 1521, 320), t('42.50', 1826, 1908, 320),
      t('四、净利润(净亏损以“-”号填列)', 168, 720, 400, 0.97), t('财务秘用章', 754, 909, 398, 0.51), t('486.28', 1417, 1521, 400), t('127.52', 1810, 1914, 400),
    ]);
    expect(r.readings.get('netProfit')?.cell.text).toBe('486.28');
    expect(r.readings.get('financeExpenses')).toBeUndefined();
  });
  it('ends a label at its sign note when the seal\'s text is read into the same word (利润总额…号填列）专用套, seed 20261446)', () => {
    const t = (text: string, x0: number, x1: number, y: number, conf = 0.99, h = 42): Word => ({ text, x0, x1, y0: y, y1: y + h, conf });
    const r = readPage([
      t('利润表', 600, 760, 0), t('单位：万元', 1300, 1450, 60),
      t('项目', 400, 450, 120), t('本期金额', 1120, 1240, 120), t('上期金额', 1430, 1550, 120),
      t('二、营业利润（亏损以“-”号填列）', 150, 600, 200), t('596.39', 1152, 1236, 200), t('380.12', 1462, 1547, 200),
      t('三、利润总额（亏损总额以“-”号填列）专用套', 150, 737, 260, 0.91), t('602.61', 1152, 1236, 260), t('389.06', 1462, 1547, 260),
    ]);
    expect(r.readings.get('totalProfit')?.cell.text).toBe('602.61');
  });
});

describe('a unit line that does not read', () => {
  it('flags every figure when the scale of 单位：…元 is garbled, instead of reading them in 元 unflagged (seed 20261429 fax)', () => {
    const r = readPage([
      w('利润表', 200, 0), w('编制单位：某公司', 20, 20), w('单位：F元', 400, 20),
      w('项目', 40, 40), w('本年累计金额', 300, 40),
      ...line(60, '一、营业收入', ['17,890.49', 380]),
      ...line(80, '减：营业成本', ['10,077.14', 380]),
      ...line(100, '二、营业利润', ['7,813.35', 380]),
    ]);
    expect(r.unitFound).toBe(false);
    expect(r.unitGuessed).toBe(true);
    const doc = assemble(1, r, 'ocr')!.doc;
    expect(doc.unit).toBe('千元');
    expect(doc.fields.operatingRevenue?.value).toBe('17890490.00');
    expect(Object.values(doc.fields).every((f) => f.flagged)).toBe(true);
  });
});

describe('A107012 checked by its own row 46 formula', () => {
  const page = (subtotal: string) => readPage([
    w('A107012', 400, 0), w('研发费用加计扣除优惠明细表', 150, 10), w('金额单位：元（列至角分）', 300, 25),
    w('行次', 0, 40), w('项目', 150, 40), w('金额（数量）', 400, 40),
    w('1', 0, 60), ...line(60, '本年可享受研发费用加计扣除项目数量', ['2', 480]),
    w('2', 0, 80), ...line(80, '一、自主研发、合作研发、集中研发（3+7+16+19+23+34）', ['888,791.14', 480]),
    w('41', 0, 100), ...line(100, '（一）委托境内机构或个人进行研发活动所发生的费用', ['268,427.62', 480]),
    w('42', 0, 120), ...line(120, '其中：允许加计扣除的委托境内机构或个人进行研发活动所发生的费用', ['214,742.09', 480]),
    w('46', 0, 140), ...line(140, '三、年度研发费用小计（2+42+44）', [subtotal, 480]),
  ]);
  it('confirms a 小计 that adds up and flags one read with a digit lost (1,103,533.3, seed 20261413 photo)', () => {
    const good = assemble(1, page('1,103,533.23'), 'ocr')!;
    expect(good.doc.fields.rdSubtotal).toMatchObject({ value: '1103533.23' });
    expect(good.doc.fields.rdSubtotal?.flagged).toBeUndefined();
    expect(good.checks.find((c) => c.code === 'RD_SUBTOTAL')?.ok).toBe(true);
    const bad = assemble(1, page('1,103,533.3'), 'ocr')!;
    expect(bad.doc.fields.rdSubtotal?.flagged).toBe(true);
    expect(Object.keys(bad.doc.fields).sort()).toEqual(['projectCount', 'rdSubtotal']);
  });
});

describe('specks of a noisy scan', () => {
  it('keeps a speck read surely as "1" from bridging a 行次 number and its amount (seed 20261231 stress fax)', () => {
    const t = (text: string, x0: number, x1: number, y: number, conf = 0.99, h = 28): Word => ({ text, x0, x1, y0: y, y1: y + h, conf });
    const r = readPage([
      t('资产负债表', 500, 640, 0), t('单位：元', 900, 1000, 40),
      t('负债和所有者权益', 650, 840, 80), t('行次', 870, 900, 80), t('期末余额', 950, 1030, 80),
      t('负债合计', 690, 780, 140), t('42', 878, 896, 140), t('4,317,206.20', 935, 1051, 140),
      t('所有者权益合计', 690, 825, 200), t('43', 874, 896, 200, 1), t('1', 912, 917, 206, 0.93, 13), t('11,688,164.92', 926, 1050, 200, 1),
      t('负债和所有者权益总计', 650, 840, 260), t('44', 877, 896, 260), t('16,005,371.12', 925, 1052, 260),
    ]);
    expect(r.readings.get('equity')?.cell.text).toBe('11,688,164.92');
  });
});

describe('label variants', () => {
  it('takes 营业收入 over 营业总收入, and 营业总收入 only when no 营业收入 line exists', () => {
    const both = readPage([
      w('合并利润表', 200, 0), w('本期金额', 300, 40), w('上期金额', 420, 40),
      ...line(60, '一、营业总收入', ['1,100.00', 360], ['1,000.00', 480]),
      ...line(80, '其中:营业收入', ['1,000.00', 360], ['900.00', 480]),
      ...line(100, '二、营业总成本', ['800.00', 360], ['700.00', 480]),
      ...line(120, '其中:营业成本', ['600.00', 360], ['500.00', 480]),
    ]);
    expect(values(both)).toMatchObject({ operatingRevenue: '1000.00', operatingCost: '600.00' });
    const totalOnly = readPage([
      w('利润表', 200, 0), w('本期金额', 300, 40),
      ...line(60, '一、营业总收入', ['1,100.00', 360]), ...line(80, '二、营业总成本', ['800.00', 360]),
    ]);
    expect(values(totalOnly)).toMatchObject({ operatingRevenue: '1100.00', operatingCost: '800.00' });
  });
  it('never takes 归属于母公司所有者权益合计 for 所有者权益合计; reads 负债总计 and 股东权益合计', () => {
    const r = readPage([
      w('资产负债表', 200, 0), w('期末余额', 300, 40),
      ...line(60, '资产总计', ['1,000.00', 360]), ...line(80, '负债总计', ['400.00', 360]),
      ...line(100, '归属于母公司所有者权益合计', ['550.00', 360]), ...line(120, '股东权益合计', ['600.00', 360]),
    ]);
    expect(values(r)).toEqual({ totalAssets: '1000.00', totalLiabilities: '400.00', equity: '600.00' });
  });
  it('reads what a 减： line deducts in parentheses as that line\'s amount, other parentheses as negative', () => {
    const r = readPage([
      w('利润表', 200, 0), w('本期金额', 300, 40),
      ...line(60, '一、营业收入', ['1,000.00', 360]), ...line(80, '减:营业成本', ['(600.00)', 360]),
      ...line(100, '销售费用', ['(100.00)', 360]), ...line(120, '加:投资收益', ['(50.00)', 360]),
      ...line(140, '二、营业利润', ['250.00', 360]),
    ]);
    expect(values(r)).toMatchObject({ operatingCost: '600.00', sellingExpenses: '100.00', operatingProfit: '250.00' });
    expect(assemble(1, r, 'text')!.checks.find((c) => c.code === 'OPERATING_PROFIT')?.ok).toBe(true);
  });
  it('finds 百万元 and 亿元, with or without 人民币, in a heading or a note line', () => {
    expect(detectUnit('金额单位：人民币百万元').unit).toBe('百万元');
    expect(detectUnit('除特别注明外，金额单位为人民币亿元').unit).toBe('亿元');
    const r = readPage([w('资产负债表', 200, 0), w('单位:人民币百万元', 380, 20), w('期末余额', 300, 40), ...line(60, '资产总计', ['1,234.56', 360])]);
    expect(values(r)).toEqual({ totalAssets: '1234560000.00' });
  });
});

describe('statements across and within pages', () => {
  const bs = (y: number, scope: string, total: string) => [
    w(`${scope}资产负债表`, 200, y), w('单位:元', 400, y + 20), w('项目', 40, y + 40), w('2020年12月31日', 250, y + 40), w('2019年12月31日', 380, y + 40),
    ...line(y + 60, '货币资金', ['100.00', 360], ['90.00', 480]),
  ];
  it('starts a statement at a mid-page title and continues one on a page without title or header', () => {
    const page1 = readSegments([...bs(0, '合并', ''), ...line(80, '资产总计', ['1,000.00', 360], ['900.00', 480])]);
    // Page 2: the rest of the consolidated sheet (no header), then the parent's sheet begins mid-page.
    const rest = [...line(0, '负债合计', ['400.00', 362], ['380.00', 478]), ...line(20, '所有者权益合计', ['600.00', 362], ['520.00', 478]), ...line(40, '预收款项', ['7.00', 478])];
    const page2 = readSegments([...rest, ...bs(100, '母公司', ''), ...line(180, '资产总计', ['500.00', 360], ['450.00', 480])], {});
    expect(page2.map((s) => [s.kind, s.titled, s.scope])).toEqual([['balance_sheet', false, 'single'], ['balance_sheet', true, 'parent']]);
    const seg = (r: (typeof page1)[number]) => ({ reading: r, candidates: withRereads(r, 'text', []), words: r.rows.flatMap((x) => x.cells.flatMap((c) => c.words)), rereads: [], unreadable: [] });
    const groups = groupStatements([
      { page: 1, method: 'text', seal: false, segments: page1.map(seg) },
      { page: 2, method: 'text', seal: false, segments: page2.map(seg) },
    ]);
    expect(groups.map((g) => g.map((p) => p.page))).toEqual([[1, 2], [2]]);
    const cont = groups[0]![1]!.segment.reading;
    // The comparative-only 预收款项 is not taken as the current figure: the columns come from page 1's header.
    expect(cont.readings.get('totalLiabilities')?.role).toBe('current');
    expect(cont.readings.get('equity')?.previous?.cell.text).toBe('520.00');
    expect(cont.scope).toBe('consolidated');
    const docs = groups.map((g) => assemble(g[0]!.page, g[0]!.segment.reading, 'text')!.doc);
    markUse(docs);
    expect(docs.map((d) => [d.scope, d.use])).toEqual([['consolidated', false], ['parent', true]]);
  });
  it('never takes a 附注 number for an amount on a continuation page, even with a running head in its column', () => {
    // Page 1: the statement's header names 附注 and the two dated columns. Page 2 repeats no header; the year of
    // its running head (2020年年度报告) sits at the right edge of the note numbers, so that column looks like money.
    const page1 = readSegments([
      w('合并利润表', 200, 0), w('单位:元', 400, 20),
      w('项目', 40, 40), w('附注', 200, 40), w('2020年度', 260, 40), w('2019年度', 380, 40),
      ...line(60, '一、营业收入', ['30', 222], ['1,000.00', 360], ['900.00', 480]),
      ...line(80, '减:营业成本', ['31', 222], ['600.00', 360], ['500.00', 480]),
    ]);
    const page2 = readSegments([
      w('2020', 195, 0, 28), w('年年度报告', 228, 0),
      ...line(20, '三、营业利润', ['1,050.00', 360], ['950.00', 480]),
      ...line(40, '加:营业外收入', ['42', 222], ['10.00', 360], ['9.00', 480]),
      ...line(60, '减:营业外支出', ['43', 222], ['60.00', 360], ['59.00', 480]),
      ...line(80, '四、利润总额', ['1,000.00', 360], ['900.00', 480]),
      ...line(100, '减:所得税费用', ['44', 222], ['250.00', 360], ['225.00', 480]),
      ...line(120, '五、净利润', ['750.00', 360], ['675.00', 480]),
    ]);
    const seg = (r: (typeof page1)[number]) => ({ reading: r, candidates: withRereads(r, 'ocr', []), words: r.rows.flatMap((x) => x.cells.flatMap((c) => c.words)), rereads: [], unreadable: [] });
    const [group] = groupStatements([
      { page: 1, method: 'ocr', seal: false, segments: page1.map(seg) },
      { page: 2, method: 'ocr', seal: false, segments: page2.map(seg) },
    ]);
    expect(group!.map((p) => p.page)).toEqual([1, 2]);
    const cont = group![1]!.segment.reading;
    expect(cont.readings.get('incomeTax')?.cell.text).toBe('250.00');
    expect(cont.readings.get('incomeTax')?.previous?.cell.text).toBe('225.00');
    expect(cont.readings.get('netProfit')?.cell.text).toBe('750.00');
  });
  it('drops a bare note number before amounts printed with decimals, whatever column it fell in', () => {
    const r = readPage([
      w('利润表', 200, 0), w('本期金额', 200, 40), w('上期金额', 380, 40),
      ...line(60, '四、利润总额', ['1,000.00', 360], ['900.00', 480]),
      ...line(80, '减:所得税费用', ['44', 250], ['250.00', 360], ['225.00', 480]),
      ...line(100, '五、净利润', ['750.00', 360], ['675.00', 480]),
    ]);
    expect(values(r)).toMatchObject({ totalProfit: '1000.00', incomeTax: '250.00', netProfit: '750.00' });
  });
  it('ends a statement at the title of one we do not read (现金流量表)', () => {
    const segs = readSegments([w('合并利润表', 200, 0), w('本期金额', 300, 20), ...line(40, '营业收入', ['1.00', 360]), w('合并现金流量表', 200, 80), ...line(100, '营业收入', ['9.00', 360])]);
    expect(segs.map((s) => s.otherStatement ?? false)).toEqual([false, true]);
  });
});

describe('photo geometry', () => {
  it('finds a tilted sheet on a desk and maps it back to a rectangle', () => {
    const W = 200, H = 260;
    const quad: Quad = [{ x: 40, y: 30 }, { x: 170, y: 40 }, { x: 185, y: 240 }, { x: 20, y: 225 }];
    const img = new Uint8Array(W * H).fill(70);
    // Paint the quadrilateral white with a dark "text" stripe inside.
    const H2 = homography(quad, 100, 140);
    for (let v = 0; v <= 140; v += 0.25) for (let u = 0; u <= 100; u += 0.25) {
      const z = H2[6]! * u + H2[7]! * v + 1;
      const x = Math.round((H2[0]! * u + H2[1]! * v + H2[2]!) / z), y = Math.round((H2[3]! * u + H2[4]! * v + H2[5]!) / z);
      if (x >= 0 && y >= 0 && x < W && y < H) img[y * W + x] = v > 60 && v < 64 && u > 10 && u < 90 ? 20 : 235;
    }
    const found = findSheet(img, W, H)!;
    found.forEach((p, i) => {
      expect(Math.abs(p.x - quad[i]!.x)).toBeLessThan(3);
      expect(Math.abs(p.y - quad[i]!.y)).toBeLessThan(3);
    });
    const flat = warp(img, W, H, found, 100, 140);
    // The dark stripe comes back as a horizontal band at v ≈ 62.
    const rowMean = (v: number) => flat.slice(v * 100 + 20, v * 100 + 80).reduce((a, b) => a + b, 0) / 80;
    expect(rowMean(62)).toBeLessThan(80);
    expect(rowMean(40)).toBeGreaterThan(150);
  });
  it('keeps the corner of a sheet whose light falls off below Otsu\'s level but stays above the desk', () => {
    const W = 200, H = 260;
    const img = new Uint8Array(W * H).fill(90);
    // Paper from (20,15) to (180,245): bright at the top left, in shadow (≈ 115) towards the bottom right.
    for (let y = 15; y <= 245; y++) for (let x = 20; x <= 180; x++) {
      const d = Math.hypot(x - 20, y - 15) / Math.hypot(160, 230);
      img[y * W + x] = Math.round(245 - 130 * d ** 2);
    }
    const found = findSheet(img, W, H)!;
    expect(found).toBeDefined();
    const want = [{ x: 20, y: 15 }, { x: 180, y: 15 }, { x: 180, y: 245 }, { x: 20, y: 245 }];
    found.forEach((p, i) => {
      expect(Math.abs(p.x - want[i]!.x)).toBeLessThan(3);
      expect(Math.abs(p.y - want[i]!.y)).toBeLessThan(3);
    });
  });
  it('finds no sheet in a scan (paper to the edges)', () => {
    expect(findSheet(new Uint8Array(100 * 140).fill(240), 100, 140)).toBeUndefined();
  });
});

describe('PaddleOCR decoding', () => {
  it('turns a probability map into boxes grown back to the text', () => {
    const W = 40, H = 20;
    const p = new Float32Array(W * H);
    for (let y = 8; y < 12; y++) for (let x = 5; x < 30; x++) p[y * W + x] = 0.9;
    const [b] = textBoxes(p, W, H);
    expect(b!.x0).toBeLessThan(5);
    expect(b!.x1).toBeGreaterThan(30);
    expect(b!.y0).toBeLessThan(8);
  });
  it('decodes CTC steps and splits a line at its gaps into words with positions', () => {
    const dict = ['营', '业', '收', '入', '1', ',', '0', '.', ' '];
    const classes = dict.length + 1;
    const seq = [1, 1, 2, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 6, 7, 7, 0, 7, 8, 7, 7, 0, 7];
    const probs = new Float32Array(seq.length * classes);
    seq.forEach((k, t) => { probs[t * classes + k] = 0.98; });
    const words = decodeLine(probs, 0, seq.length, classes, dict, { x0: 100, y0: 10, x1: 100 + seq.length * 8, y1: 34 }, 8);
    expect(words.map((x) => x.text)).toEqual(['营业收入', '1,00.00']);
    expect(words[1]!.x0).toBeGreaterThan(words[0]!.x1);
  });
});
