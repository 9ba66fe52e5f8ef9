// The extraction contract (shared spec contracts.md §3). Every result leaves extractFile through this schema,
// so the JSON we hand to the API, the command and the mini-program cannot drift from the contract.
import { z } from 'zod';

export const STATEMENT_KINDS = ['balance_sheet', 'income_statement', 'rd_deduction', 'staff_table'] as const;
export const StatementKind = z.enum(STATEMENT_KINDS);
export type StatementKind = z.infer<typeof StatementKind>;

export const FIELD_NAMES = {
  balance_sheet: ['totalAssets', 'totalLiabilities', 'equity'],
  income_statement: [
    'operatingRevenue', 'mainBusinessRevenue', 'otherBusinessRevenue', 'operatingCost', 'taxesAndSurcharges',
    'sellingExpenses', 'adminExpenses', 'rdExpenses', 'financeExpenses', 'operatingProfit', 'totalProfit',
    'incomeTax', 'netProfit',
  ],
  rd_deduction: ['projectCount', 'rdSubtotal'],
  staff_table: ['employees', 'techStaff'],
} as const satisfies Record<StatementKind, readonly string[]>;

export type FieldName = (typeof FIELD_NAMES)[StatementKind][number];

/** Money: 元 with exactly 2 decimals. Counts: a non-negative decimal (quarterly averages may be fractional). */
const Money = z.string().regex(/^-?\d+\.\d{2}$/);
const Count = z.string().regex(/^\d+(\.\d+)?$/);

export const Field = z.object({
  value: z.union([Money, Count]),
  confidence: z.number().min(0).max(1),
  /** Set when a check failed or the reading is doubtful: the user must confirm this figure. */
  flagged: z.boolean().optional(),
  /** `derived` when the figure was not read but computed from an accounting identity. */
  source: z.enum(['read', 'derived']).optional(),
});
export type Field = z.infer<typeof Field>;

export const UNITS = ['元', '千元', '万元', '百万元', '亿元'] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

/** Which entity a statement covers: 合并 (the group), 母公司 (the parent alone), or the only one printed. */
export const Scope = z.enum(['consolidated', 'parent', 'single']);
export type Scope = z.infer<typeof Scope>;

/** A line printed on the page whose amount could not be read: the user is asked for it. */
export const MissingField = z.object({ field: z.string(), label: z.string() });
export type MissingField = z.infer<typeof MissingField>;

export const StatementResult = z.object({
  kind: StatementKind,
  page: z.number().int().min(1),
  /** Further pages the same statement continues on. */
  pages: z.array(z.number().int().min(1)).optional(),
  unit: Unit,
  company: z.string().optional(),
  period: z.string().optional(),
  /** Which column was read, as printed (e.g. 本年累计金额). */
  column: z.string().optional(),
  seal: z.boolean().optional(),
  fields: z.record(z.string(), Field),
  scope: Scope.optional(),
  /**
   * The statement the form should use: the applying firm's own figures (母公司 when a group's 合并 statement
   * is printed beside it; the only one otherwise).
   */
  use: z.boolean().optional(),
  /** The comparative column (上期 / 上年 / 年初 / 上年年末), in 元 like `fields`. */
  previous: z.object({ period: z.string().optional(), fields: z.record(z.string(), Field) }).optional(),
  missing: z.array(MissingField).optional(),
  /** Staff tables printed per quarter: the figures the form asks for (contracts.md §1 staff.quarters). */
  quarters: z
    .array(z.object({ startEmployees: z.number().int(), endEmployees: z.number().int(), startTech: z.number().int(), endTech: z.number().int() }))
    .length(4)
    .optional(),
});
export type StatementResult = z.infer<typeof StatementResult>;

export const Check = z.object({
  code: z.string(),
  ok: z.boolean(),
  message: z.string(),
  page: z.number().int().min(1).optional(),
});
export type Check = z.infer<typeof Check>;

export const ERROR_CODES = [
  'UNSUPPORTED_TYPE', 'PDF_ENCRYPTED', 'PDF_BROKEN', 'EMPTY_PAGE', 'EMPTY_FILE', 'TOO_MANY_PAGES', 'IMAGE_TOO_LARGE',
  'IMAGE_BROKEN', 'FILE_TOO_LARGE', 'UNKNOWN_STATEMENT', 'TIMEOUT', 'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ExtractIssue = z.object({
  code: z.string(),
  message: z.string(),
  page: z.number().int().min(1).optional(),
});
export type ExtractIssue = z.infer<typeof ExtractIssue>;

export const PageInfo = z.object({
  page: z.number().int().min(1),
  method: z.enum(['text', 'ocr']),
  seal: z.boolean(),
  /** Degrees the page image was turned to read it (0, 90, 180, 270), plus the measured skew. */
  rotation: z.number().optional(),
  skew: z.number().optional(),
  ms: z.number().optional(),
});

/** What `extractFile(..., { onProgress })` reports beside the fraction done. */
export const ProgressDetail = z.object({
  page: z.number().int().min(1),
  pages: z.number().int().min(1),
  step: z.enum(['reading', 'preparing', 'recognizing', 'checking']),
});
export type ProgressDetail = z.infer<typeof ProgressDetail>;

export const ExtractionResult = z.object({
  file: z.string(),
  pages: z.number().int().min(0),
  method: z.enum(['text', 'ocr']),
  documents: z.array(StatementResult),
  checks: z.array(Check),
  errors: z.array(ExtractIssue),
  warnings: z.array(ExtractIssue).optional(),
  pageInfo: z.array(PageInfo).optional(),
  sha256: z.string().optional(),
  size: z.number().int().optional(),
  ms: z.number().optional(),
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;
