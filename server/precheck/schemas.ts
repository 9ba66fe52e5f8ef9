// The pre-check contracts (contracts.md §1 with every fact optional, §2a gaps, §2b explanation) as zod
// schemas: the route, the command and the OpenAPI document derive their types from here. Leaf rules (amounts,
// counts, projects, quarters) are the assessment's own schemas, so a pre-check accepts exactly the values an
// assessment would.
import { z } from 'zod';
import {
  AssessmentInputSchema,
  AssessmentResultSchema,
  FinanceSchema,
  IpSchema,
  LadderInputSchema,
  REASON_CODES,
  ReasonCodeSchema,
  RegionSchema,
  SourceRefSchema,
  StaffSchema,
  amountWan,
  type ReasonCode,
} from '../domain/schemas/assessment.ts';
import { isZero, parseDecimal } from '../domain/exact.ts';
import { text } from '../domain/schemas/text.ts';
import { ExtractIssue, StatementKind, Unit } from '../extract/schema.ts';

// ── Input ──────────────────────────────────────────────────────────────────────────────────────────
const shape = AssessmentInputSchema.shape;
/** An averaged headcount (decimal string or number), as the assessment accepts it. */
const averagedCount = StaffSchema.shape.employees.unwrap();

/** Headcounts by education level (S3): the form checks that they add up to 职工总数. */
export const EducationSchema = z.object({
  doctor: averagedCount.optional(),
  master: averagedCount.optional(),
  bachelor: averagedCount.optional(),
  collegeOrBelow: averagedCount.optional(),
});

const PartialStaffSchema = z
  .object({
    quarters: StaffSchema.shape.quarters,
    employees: averagedCount.optional(),
    techStaff: averagedCount.optional(),
    education: EducationSchema.optional(),
  })
  .superRefine((s, ctx) => {
    // Whatever is complete is checked by the assessment's own staff rules (tech ≤ employees, not zero).
    const complete = s.quarters ? { quarters: s.quarters } : s.employees !== undefined && s.techStaff !== undefined ? s : null;
    if (!complete) return;
    const r = StaffSchema.safeParse(complete);
    if (!r.success)
      for (const issue of r.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, params: (issue as { params?: Record<string, unknown> }).params });
  });

const PartialFinanceSchema = z
  .object(
    Object.fromEntries(Object.entries(FinanceSchema.shape).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof FinanceSchema.shape]: z.ZodOptional<(typeof FinanceSchema.shape)[K]>;
    },
  )
  .superRefine((f, ctx) => {
    if (f.salesRevenue !== undefined && f.totalCost !== undefined && isZero(parseDecimal(f.salesRevenue)) && isZero(parseDecimal(f.totalCost)))
      ctx.addIssue({ code: 'custom', path: ['salesRevenue'], params: { code: 'ZERO_REVENUE_AND_COST' } });
  });

/** Last year's figures, optional, for 突增突减 (rules.md §6). */
export const PreviousYearSchema = z.object({
  salesRevenue: amountWan().optional(),
  totalCost: amountWan().optional(),
  totalAssets: amountWan().optional(),
  netAssets: amountWan({ allowNegative: true }).optional(),
  totalProfit: amountWan({ allowNegative: true }).optional(),
  rdTotal: amountWan().optional(),
  employees: averagedCount.optional(),
  techStaff: averagedCount.optional(),
});

export const PrecheckInputSchema = z
  .object({
    evaluationYear: shape.evaluationYear.optional(),
    region: RegionSchema.optional(),
    firstTime: z.boolean().optional(),
    pastViolation: z.boolean().optional(),
    basic: shape.basic.partial().optional(),
    directPass: shape.directPass.partial().optional(),
    rdAuxiliaryAccount: z.boolean().optional(),
    superDeductionClaimed: z.boolean().optional(),
    finance: PartialFinanceSchema.optional(),
    rdProjects: shape.rdProjects.optional(),
    staff: PartialStaffSchema.optional(),
    /** Given: kinds left out count as 0 (as in an assessment). Absent: unknown. */
    ip: IpSchema.optional(),
    /** Ids of extracted statements (contracts.md §3) to reconcile with the declared figures. */
    documents: z.array(text().trim().min(1).max(100)).max(20).optional(),
    previousYear: PreviousYearSchema.optional(),
    /** contracts.md §5: the ladder's answers; statements' comparative column fills what is left unanswered. */
    ladder: LadderInputSchema.optional(),
  })
  .meta({ id: 'PrecheckInput', description: '预审输入：评价输入的任意部分（均可缺省）及已识别报表的编号' });

export type PrecheckInput = z.output<typeof PrecheckInputSchema>;
export type PrecheckInputJson = z.input<typeof PrecheckInputSchema>;

// ── Gaps (contracts.md §2a) ───────────────────────────────────────────────────────────────────────
export const LEVERS = ['techStaff', 'rdExpense', 'ipClass2', 'ipClass1'] as const;
export const LeverSchema = z.enum(LEVERS);
export type Lever = z.infer<typeof LeverSchema>;

export const SCORE_REASONS = ['SCORE_BELOW_60', 'TECH_STAFF_ZERO'] as const satisfies readonly ReasonCode[];
/** Every other reason: no figure can fix it (contracts.md §2a). */
export const NOT_BY_NUMBERS = REASON_CODES.filter((c) => !(SCORE_REASONS as readonly ReasonCode[]).includes(c));

export const LeverChangeSchema = z.object({
  lever: LeverSchema,
  /** Whole people, 万元 (0.01 steps, rounded up) or whole IP items. */
  add: z.string(),
  /** 综合得分 after this change alone. */
  totalAfter: z.number().int().optional(),
});
export type LeverChange = z.infer<typeof LeverChangeSchema>;

export const GapsSchema = z
  .object({
    notByNumbers: z.array(ReasonCodeSchema),
    levers: z.array(LeverChangeSchema),
    /** The cheapest single lever or pair that passes, by the estimated unit costs in `basis`. */
    cheapest: z
      .object({
        levers: z.array(LeverChangeSchema),
        totalAfter: z.number().int(),
        estimatedCostWan: z.string(),
        basis: z.string(),
      })
      .nullable(),
    /** The 直通车 conditions and whether each is known to hold. */
    directRoutes: z
      .array(z.object({ code: z.string(), label: z.string(), state: z.enum(['met', 'not_met', 'unknown']) }))
      .optional(),
  })
  .meta({ id: 'Gaps', description: '达标差距：无法通过数字弥补的原因、各单项最小调整、最省的组合' });
export type Gaps = z.infer<typeof GapsSchema>;

// ── Result ────────────────────────────────────────────────────────────────────────────────────────
export const StateSchema = z.enum(['met', 'not_met', 'unknown']);
export type State = z.infer<typeof StateSchema>;

const NoticeSchema = z.object({ code: z.string(), message: z.string(), source: SourceRefSchema.optional() });
export type PrecheckNotice = z.infer<typeof NoticeSchema>;

export const DocumentOriginSchema = z.object({
  kind: z.literal('document'),
  documentId: z.string(),
  file: z.string(),
  statement: StatementKind,
  page: z.number().int(),
  /** The statement line (contracts.md §3 field name). */
  field: z.string(),
  /** The line as statements word it (资产总计, 营业收入 …), for the owner to find it on the page. */
  line: z.string().optional(),
  /** The unit the statement printed; the value is converted to 万元. */
  unit: Unit,
});
export const DeclaredOriginSchema = z.object({ kind: z.literal('declared'), path: z.string() });
export const DerivedOriginSchema = z.object({
  kind: z.literal('derived'),
  formula: z.string(),
  from: z.array(z.union([DeclaredOriginSchema, DocumentOriginSchema])),
});
export const OriginSchema = z.discriminatedUnion('kind', [DeclaredOriginSchema, DocumentOriginSchema, DerivedOriginSchema]);
export type Origin = z.infer<typeof OriginSchema>;
export type DocumentOrigin = z.infer<typeof DocumentOriginSchema>;

export const FIGURE_KEYS = [
  'totalAssets',
  'totalLiabilities',
  'netAssets',
  'salesRevenue',
  'mainBusinessRevenue',
  'totalCost',
  'totalProfit',
  'totalTax',
  'rdTotal',
  'rdExpensesStatement',
  'rdSubtotalA107012',
  'employees',
  'techStaff',
] as const;
export const FigureKeySchema = z.enum(FIGURE_KEYS);
export type FigureKey = z.infer<typeof FigureKeySchema>;

export const FigureSchema = z.object({
  key: FigureKeySchema,
  label: z.string(),
  unit: z.enum(['万元', '人']),
  /** Exact decimal string. */
  value: z.string(),
  origin: OriginSchema,
  /** The same figure from other sources (other statements, or the declared value when a document was used). */
  alternatives: z.array(z.object({ value: z.string(), origin: OriginSchema })),
  /** Set when the statement's format leaves the figure open to two readings (rules.md §4: flag, don't choose). */
  ambiguity: z.object({ code: z.string(), message: z.string(), otherValue: z.string().optional() }).optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** A ladder figure offered by a statement (contracts.md §5 input path), with where it was read. */
export const LadderFigureSchema = z.object({
  path: z.enum(['ladder.previousYear.operatingRevenue', 'ladder.previousYear.mainBusinessRevenue', 'ladder.previousYear.rdTotal', 'ladder.totalLiabilities']),
  label: z.string(),
  /** 万元, exact. */
  value: z.string(),
  /** The statement line; null when reconciled from several (the balance sheet's 负债合计 as the figures show it). */
  origin: DocumentOriginSchema.nullable(),
  /** The column it was read from (上期金额 / 上年金额 …). */
  column: z.string(),
  confidence: z.number(),
  /** It fills a field the owner left unanswered (an answer always wins). */
  used: z.boolean(),
});
export type LadderFigure = z.infer<typeof LadderFigureSchema>;

export const DiscrepancySchema = z.object({
  code: z.literal('DECLARED_VS_DOCUMENT'),
  figure: FigureKeySchema,
  declared: z.string(),
  document: z.string(),
  /** declared − document, 万元 (or people). */
  difference: z.string(),
  origin: DocumentOriginSchema,
  message: z.string(),
});

export const IdentityFailureSchema = z.object({
  code: z.string(),
  documentId: z.string(),
  page: z.number().int().optional(),
  message: z.string(),
});

export const InconsistencySchema = NoticeSchema.extend({ figures: z.array(z.string()) });
export type Inconsistency = z.infer<typeof InconsistencySchema>;

export const QuestionSchema = z.object({
  /** JSON path of the answer in the pre-check input. */
  path: z.string(),
  section: z.string(),
  question: z.string(),
  /** What the answer decides: condition codes, score indicators (techStaff, rd, ip) or on-site triggers. */
  affects: z.array(z.string()),
  /** The verdict is undetermined and this answer could decide it. */
  neededForVerdict: z.boolean(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const ExplanationSchema = z
  .object({
    text: z.string(),
    source: z.enum(['llm', 'template']),
    /** The model that wrote the text, or the template's version. */
    model: z.string(),
    prompt: z.string().optional(),
    /** Why the template was used although a model is configured. */
    fallbackReason: z.string().optional(),
  })
  .meta({ id: 'Explanation', description: '通俗解释（模型只负责措辞；未通过校验时使用模板）' });
export type Explanation = z.infer<typeof ExplanationSchema>;

/** One finding worded for the owner: what is wrong and what to do, in one sentence (server/precheck/findings.ts). */
export const FindingSchema = z.object({
  code: z.string(),
  kind: z.enum(['document', 'discrepancy', 'identity', 'inconsistency', 'on_site', 'review', 'warning']),
  tone: z.enum(['danger', 'warning', 'info']),
  text: z.string(),
  figure: z.string().optional(),
  documentId: z.string().optional(),
  page: z.number().int().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

const points = z.number().int().nullable();
export const PrecheckResultSchema = z
  .object({
    verdict: z.enum(['qualified', 'not_qualified', 'undetermined']),
    route: z.enum(['direct', 'score', 'unknown']).nullable(),
    /** The full 自评结果 when the reconciled form is complete; null while facts are missing. */
    assessment: AssessmentResultSchema.nullable(),
    conditions: z.array(
      z.object({ code: z.string(), group: z.enum(['basic', 'direct', 'other']), label: z.string(), state: StateSchema, source: SourceRefSchema }),
    ),
    scores: z.object({ techStaff: points, rdBySales: points, rdByCost: points, rd: points, ip: points, total: points }),
    ratios: z.object({ techStaff: z.string().nullable(), rdBySales: z.string().nullable(), rdByCost: z.string().nullable() }),
    /** Reasons that hold whatever the missing answers turn out to be. */
    reasons: z.array(NoticeSchema.extend({ code: ReasonCodeSchema })),
    figures: z.array(FigureSchema),
    discrepancies: z.array(DiscrepancySchema),
    identities: z.array(IdentityFailureSchema),
    inconsistencies: z.array(InconsistencySchema),
    /** Reviewer risk: on-site triggers (rules.md §6), 科技人员 ≥ 90 % (§10), swings against last year. */
    flags: z.array(NoticeSchema.extend({ kind: z.enum(['on_site', 'review']) })),
    warnings: z.array(NoticeSchema),
    questions: z.array(QuestionSchema),
    gaps: GapsSchema.nullable(),
    /** Every finding above (documents, discrepancies, identities, inconsistencies, flags, warnings) in one sentence each, worst first. */
    findings: z.array(FindingSchema).optional(),
    /** Added by the service: the model's words when they passed the guard, else the template (§2b). */
    explanation: ExplanationSchema.optional(),
    documents: z.array(
      z.object({
        id: z.string(),
        file: z.string(),
        statements: z.array(z.object({ kind: StatementKind, page: z.number().int(), unit: Unit, period: z.string().optional() })),
        errors: z.array(ExtractIssue),
      }),
    ),
    /** Ladder figures read from the statements (the comparative column's previous year, 负债合计). */
    ladderFigures: z.array(LadderFigureSchema).optional(),
    evaluationYear: z.number().int(),
    region: z.string(),
    rulesVersion: z.string(),
  })
  .meta({ id: 'PrecheckResult', description: '预审结果' });
export type PrecheckResult = z.infer<typeof PrecheckResultSchema>;
