// Extraction results (contracts.md §3) built by hand, the way the extraction module hands them over: values in
// 元 with 2 decimals whatever unit the statement printed, one object per file.
import type { ExtractionResult, StatementKind, StatementResult, Unit } from '../../server/extract/schema.ts';
import type { ResolvedDocument } from '../../server/precheck/reconcile.ts';

type Fields = Record<string, string | { value: string; confidence?: number; flagged?: boolean }>;

export function statement(
  kind: StatementKind,
  fields: Fields,
  opts: { page?: number; unit?: Unit; period?: string; company?: string } = {},
): StatementResult {
  return {
    kind,
    page: opts.page ?? 1,
    unit: opts.unit ?? '元',
    period: opts.period ?? '2025年度',
    company: opts.company ?? '郑州示例科技有限公司',
    fields: Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? { value: v, confidence: 0.99 } : { confidence: 0.99, ...v }]),
    ),
  };
}

export function file(id: string, name: string, ...documents: StatementResult[]): ResolvedDocument {
  const extraction: ExtractionResult = { file: name, pages: documents.length, method: 'text', documents, checks: [], errors: [] };
  return { id, extraction };
}

/** 2019 format income statement: 营业收入 3000 万元, costs adding up to 2800 万元 with 研发费用 (136.5, as the contract example's projects) on its own line. */
export const income2019 = (over: Fields = {}, opts = {}) =>
  statement(
    'income_statement',
    {
      operatingRevenue: '30000000.00',
      operatingCost: '20000000.00',
      taxesAndSurcharges: '500000.00',
      sellingExpenses: '1500000.00',
      adminExpenses: '3000000.00',
      rdExpenses: '1365000.00',
      financeExpenses: '1635000.00',
      totalProfit: '1200000.00',
      incomeTax: '180000.00',
      netProfit: '1020000.00',
      ...over,
    },
    opts,
  );

/** Balance sheet: 资产 1500 万元 = 负债 700 + 所有者权益 800. */
export const balance = (over: Fields = {}, opts = {}) =>
  statement('balance_sheet', { totalAssets: '15000000.00', totalLiabilities: '7000000.00', equity: '8000000.00', ...over }, opts);

export const a107012 = (subtotal: string, opts = {}) => statement('rd_deduction', { projectCount: '2', rdSubtotal: subtotal }, opts);

export const staffTable = (employees: string, techStaff: string, opts = {}) =>
  statement('staff_table', { employees, techStaff }, opts);

/** The 2019-format income statement with its 上年金额 column (营业收入 2600 万元, 研发费用 110 万元). */
export const incomeWithPrevious = (): StatementResult => ({
  ...income2019(),
  previous: { period: '上年金额', fields: { operatingRevenue: { value: '26000000.00', confidence: 0.99 }, rdExpenses: { value: '1100000.00', confidence: 0.99 } } },
});

