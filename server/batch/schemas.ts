// What a batch produces per firm and in all, as zod schemas: the API, the OpenAPI document, the result sheet
// and the H5 page derive their types from here.
import { z } from 'zod';
import { AssessmentResultSchema, ReasonCodeSchema } from '../domain/schemas/assessment.ts';

const notice = z.object({ code: z.string(), message: z.string() });

export const BatchIssueSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** Column letter; null when the sheet has no such column (or for JSON Lines). */
  column: z.string().nullable(),
  header: z.string(),
  /** JSON path in the assessment input (contracts.md §1). */
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type BatchIssue = z.infer<typeof BatchIssueSchema>;

/** The ladder's verdicts (contracts.md §5) as one row shows them. */
export const LadderStateSchema = z.object({
  innovative: z.boolean().nullable(),
  specialized: z.boolean().nullable(),
  littleGiant: z.boolean().nullable(),
  /** One line: 创新型：符合；专精特新：待平台评定；… */
  text: z.string(),
});

export const DiscrepancyRowSchema = z.object({
  figure: z.string(),
  label: z.string(),
  declared: z.string(),
  document: z.string(),
  file: z.string(),
  page: z.number().int(),
  message: z.string(),
});

const points = z.number().int().nullable();

export const FirmResultSchema = z
  .object({
    /** The row number the spreadsheet shows (the line for CSV and JSON Lines). */
    row: z.number().int(),
    name: z.string().nullable(),
    creditCode: z.string().nullable(),
    /** scored: the form alone; checked: reconciled with the firm's statements; invalid: not scored. */
    status: z.enum(['scored', 'checked', 'invalid']),
    verdict: z.enum(['qualified', 'not_qualified', 'undetermined', 'invalid']),
    qualified: z.boolean().nullable(),
    route: z.enum(['direct', 'score', 'unknown']).nullable(),
    total: points,
    scores: z.object({ techStaff: points, rdBySales: points, rdByCost: points, rd: points, ip: points }),
    ratios: z.object({ techStaff: z.string().nullable(), rdBySales: z.string().nullable(), rdByCost: z.string().nullable() }),
    reasons: z.array(notice.extend({ code: ReasonCodeSchema })),
    onSiteCheck: z.array(notice),
    /** Reviewer risk and warnings: the assessment's warnings, the pre-check's flags and inconsistencies. */
    flags: z.array(notice),
    /** Invalid or missing inputs, each with its cell. */
    issues: z.array(BatchIssueSchema),
    discrepancies: z.array(DiscrepancyRowSchema),
    documents: z.array(z.object({ file: z.string(), errors: z.array(notice) })),
    ladder: LadderStateSchema.nullable(),
    /** The 自评结果 when the form (reconciled) is complete. */
    assessment: AssessmentResultSchema.nullable(),
    /** The validated input the result was computed from (contracts.md §1, or the pre-check's partial form). */
    input: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'BatchFirmResult', description: '批量预审中一家企业的结果' });
export type FirmResult = z.infer<typeof FirmResultSchema>;

const counts = z.record(z.string(), z.object({ label: z.string(), count: z.number().int() }));

export const BatchSummarySchema = z
  .object({
    firms: z.number().int(),
    byVerdict: z.object({
      qualified: z.number().int(),
      not_qualified: z.number().int(),
      undetermined: z.number().int(),
      invalid: z.number().int(),
    }),
    byRoute: z.object({ direct: z.number().int(), score: z.number().int(), none: z.number().int() }),
    byReason: counts,
    byOnSiteCheck: counts,
    byFlag: counts,
    byIssue: counts,
    withDiscrepancies: z.number().int(),
    blankRows: z.array(z.number().int()),
    notes: z.array(z.string()),
  })
  .meta({ id: 'BatchSummary', description: '批量预审汇总：按结论、原因、核查情形统计' });
export type BatchSummary = z.infer<typeof BatchSummarySchema>;
