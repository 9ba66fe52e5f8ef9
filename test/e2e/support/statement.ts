// The statements of the journey's firm, generated with their true figures (test/extract/fixtures):
// - a text PDF of the last fiscal year with its 利润表, A107012 and 职工人数统计表 (the A107012 printed under a
//   slightly different company name, which the pre-check must point out);
// - a phone photo of its 资产负债表 whose bottom rows did not make it into the picture: the statement is read
//   only partly (资产总计 is not on the photo), so the owner is asked for that one figure.
import { join } from 'node:path';
import sharp from 'sharp';
import { closeBrowser, damage, htmlToPdf, pdfToPngs } from '../../extract/fixtures/render.ts';
import { balanceSheet, documentHtml, incomeStatement, rdDeduction, staffTable, type Sheet } from '../../extract/fixtures/statements.ts';
import { findPack } from '../../../server/domain/rules/packs.ts';

export interface Statements {
  pdf: string;
  photo: string;
  fiscalYear: number;
  /** True figures in 元 (people for the staff table), by `${kind}.${field}`. */
  truth: Record<string, string>;
  quarters: number[][];
  company: string;
}

/** The evaluation year the mini-program prepares for today (the next system close still ahead), as its home page shows. */
export function evaluationYear(now = new Date()): number {
  const pack = findPack('national')!;
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const years = Object.keys(pack.dates).map(Number).sort((a, b) => a - b);
  const latest = pack.dates[years.at(-1)!]!.systemCloses.date;
  const y = Number(today.slice(0, 4));
  const closes = (year: number) => pack.dates[year]?.systemCloses.date ?? `${year}${latest.slice(4)}`;
  return closes(y) >= today ? y : y + 1;
}

/** A sheet of another fiscal year (the fixtures print 2025). */
const ofYear = (s: Sheet, year: number): Sheet => ({ ...s, html: s.html.replaceAll('2025', String(year)) });

/** The balance sheet as a photo that cut off its last rows (from 资产总计 down). */
function cutOffAtTotals(s: Sheet): Sheet {
  const at = s.html.indexOf('资产总计');
  const rowStart = s.html.lastIndexOf('<tr>', at);
  const tableEnd = s.html.indexOf('</table>', at);
  return { ...s, html: s.html.slice(0, rowStart) + s.html.slice(tableEnd) };
}

export async function journeyStatements(): Promise<Statements> {
  const fiscalYear = evaluationYear() - 1;
  const company = '郑州云帆智能科技有限公司';
  const income = ofYear(incomeStatement({ format: '2019', unit: '元', seed: 31, company }), fiscalYear);
  const rd = ofYear(rdDeduction({ seed: 31, company: '郑州云帆科技有限公司' }), fiscalYear);
  const staff = ofYear(staffTable({ seed: 31, layout: 'rows', company }), fiscalYear);
  const balance = ofYear(balanceSheet({ format: '2019', unit: '元', seed: 31, company }), fiscalYear);
  const pdf = await htmlToPdf(documentHtml([income, rd, staff]), `${fiscalYear}年度财务报表.pdf`);
  const [page] = await pdfToPngs(await htmlToPdf(documentHtml([cutOffAtTotals(balance)])), 200);
  const photo = await damage(page!, { photo: true, rotate: 1.2, jpeg: 82 });
  await closeBrowser();
  // The file names the owner would see (the fixtures cache keeps them under hashed folders).
  const named = join(photo, '..', '资产负债表照片.jpg');
  await sharp(photo).toFile(named);
  const truth: Record<string, string> = {};
  for (const s of [income, rd, staff, balance]) for (const [k, v] of Object.entries(s.truth)) truth[`${s.kind}.${k}`] = v;
  // The per-quarter counts as printed (the staff table's rows): read back from its HTML.
  const cells = [...staff.html.matchAll(/<td>第[一二三四]季度<\/td>((?:<td class="n">\d+<\/td>){4})/g)].map((m) => [...m[1]!.matchAll(/(\d+)/g)].map((x) => Number(x[1])));
  return { pdf, photo: named, fiscalYear, truth, quarters: cells, company };
}

/** 元 → 万元, exact ("30000000.00" → "3000"). */
export function wan(yuan: string): string {
  const neg = yuan.startsWith('-');
  const [int, frac = ''] = yuan.replace('-', '').split('.');
  const fen = BigInt(int!) * 100n + BigInt(frac.padEnd(2, '0'));
  const whole = fen / 1_000_000n;
  const rest = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}
