// A generated statement PDF (利润表 + 资产负债表, in 元) with its true figures, from the extraction fixtures.
import { closeBrowser, htmlToPdf } from '../../extract/fixtures/render.ts';
import { balanceSheet, documentHtml, incomeStatement } from '../../extract/fixtures/statements.ts';

export interface Statement {
  path: string;
  /** True figures in 元, by `${kind}.${field}`. */
  truth: Record<string, string>;
}

export async function statementPdf(): Promise<Statement> {
  const income = incomeStatement({ format: '2019', unit: '元', seed: 11 });
  const balance = balanceSheet({ format: '2019', unit: '元', seed: 11 });
  const path = await htmlToPdf(documentHtml([balance, income]), '2025年度财务报表.pdf');
  await closeBrowser();
  const truth: Record<string, string> = {};
  for (const s of [income, balance]) for (const [k, v] of Object.entries(s.truth)) truth[`${s.kind}.${k}`] = v;
  return { path, truth };
}

/** 元 "30000000.00" → 万元 "3000" (exact: statement amounts have 2 decimals). */
export function wan(yuan: string): string {
  const neg = yuan.startsWith('-');
  const [int, frac = ''] = yuan.replace('-', '').split('.');
  const fen = BigInt(int!) * 100n + BigInt(frac.padEnd(2, '0'));
  const whole = fen / 1_000_000n;
  const rest = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}
