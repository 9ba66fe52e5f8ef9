// Checks between the statements of one file. The A107012 subtotal and the income statement's 研发费用 describe
// the same spending under tax and accounting rules: a difference is legitimate but worth the user's eye, so
// it is reported and no figure is flagged.
import type { StatementResult } from '../schema.ts';

export function crossChecks(docs: StatementResult[]): { code: string; ok: boolean; message: string; page?: number }[] {
  const out: { code: string; ok: boolean; message: string; page?: number }[] = [];
  const income = docs.find((d) => d.kind === 'income_statement' && d.fields.rdExpenses);
  const rd = docs.find((d) => d.kind === 'rd_deduction' && d.fields.rdSubtotal);
  if (income && rd) {
    const a = income.fields.rdExpenses?.value;
    const b = rd.fields.rdSubtotal?.value;
    out.push({
      code: 'RD_CROSS_CHECK', ok: a === b, page: rd.page,
      message: a === b
        ? 'A107012 年度研发费用小计与利润表研发费用一致'
        : `A107012 年度研发费用小计（${b} 元）与利润表研发费用（${a} 元）不一致：税会差异时属正常，请核对`,
    });
  }
  return out;
}
