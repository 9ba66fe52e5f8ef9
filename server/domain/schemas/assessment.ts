// The assessment contracts (contracts.md §1–§2) as zod schemas: the single definition that the engine,
// the API, the OpenAPI document, the CLI and the mini-program all derive their types from.
import { z } from 'zod';
import { decimalPlaces, isDecimalString, isZero, parseDecimal } from '../exact.ts';
import { averagedStaff } from '../staff.ts';
import { PACK_IDS } from '../rules/packs.ts';
import { text } from './text.ts';
import { LadderResultSchema } from './ladder.ts';

/** Upper sanity bound for any amount in 万元 (1 万亿元): beyond it a figure is a typo, not a firm. */
const MAX_WAN = 100_000_000n;

/**
 * An amount in 万元: a decimal string (a JSON number is accepted) with at most 6 decimals, i.e. exact to
 * the 分. The parsed value stays a canonical string; the engine turns it into an exact fraction.
 */
export const amountWan = (opts: { allowNegative?: boolean } = {}) =>
  z
    .union([z.string(), z.number()])
    .transform((v, ctx) => {
      const s = typeof v === 'number' ? String(v) : v.trim();
      if (!isDecimalString(s)) {
        ctx.addIssue({ code: 'custom', params: { code: 'INVALID_AMOUNT' }, input: v });
        return z.NEVER;
      }
      if (decimalPlaces(s) > 6) {
        ctx.addIssue({ code: 'custom', params: { code: 'TOO_PRECISE' }, input: v });
        return z.NEVER;
      }
      const f = parseDecimal(s);
      if ((!opts.allowNegative && f.n < 0n) || (f.n < 0n ? -f.n : f.n) > MAX_WAN * f.d) {
        ctx.addIssue({ code: 'custom', params: { code: 'OUT_OF_RANGE' }, input: v });
        return z.NEVER;
      }
      return s.replace(/^\+/, '');
    })
    .meta({ type: 'string', description: '金额（万元），十进制字符串，最多6位小数', examples: ['120.5'] });

const count = z.number().int().min(0).max(1_000_000);

/** An averaged headcount: may be fractional (a decimal string or a number). */
const averagedCount = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const s = typeof v === 'number' ? String(v) : v.trim();
    if (!isDecimalString(s) || parseDecimal(s).n < 0n || decimalPlaces(s) > 6) {
      ctx.addIssue({ code: 'custom', params: { code: 'INVALID_COUNT' }, input: v });
      return z.NEVER;
    }
    return s;
  })
  .meta({ type: 'string', description: '全年季平均人数，可为小数' });

export const RegionSchema = z
  .string()
  .refine((id) => PACK_IDS.includes(id), { params: { code: 'UNKNOWN_REGION' } })
  .meta({ description: `政策包（地区）：${PACK_IDS.join('、')}` });

export const QuarterSchema = z.object({
  startEmployees: count,
  endEmployees: count,
  startTech: count,
  endTech: count,
});

export const StaffSchema = z
  .object({
    quarters: z.array(QuarterSchema).length(4).optional(),
    employees: averagedCount.optional(),
    techStaff: averagedCount.optional(),
  })
  .superRefine((s, ctx) => {
    const averaged = s.employees !== undefined || s.techStaff !== undefined;
    if (!s.quarters && !averaged) {
      ctx.addIssue({ code: 'custom', path: ['quarters'], params: { code: 'REQUIRED' } });
    } else if (!s.quarters) {
      if (s.employees === undefined) ctx.addIssue({ code: 'custom', path: ['employees'], params: { code: 'REQUIRED' } });
      if (s.techStaff === undefined) ctx.addIssue({ code: 'custom', path: ['techStaff'], params: { code: 'REQUIRED' } });
    }
    if ((s.quarters || (s.employees !== undefined && s.techStaff !== undefined)) && isZero(averagedStaff(s).employees))
      ctx.addIssue({ code: 'custom', path: ['employees'], params: { code: 'ZERO_EMPLOYEES' } });
    s.quarters?.forEach((q, i) => {
      if (q.startTech > q.startEmployees)
        ctx.addIssue({ code: 'custom', path: ['quarters', i, 'startTech'], params: { code: 'TECH_EXCEEDS_EMPLOYEES' } });
      if (q.endTech > q.endEmployees)
        ctx.addIssue({ code: 'custom', path: ['quarters', i, 'endTech'], params: { code: 'TECH_EXCEEDS_EMPLOYEES' } });
    });
  });

export const RD_FORMS = ['self', 'cooperative', 'centralized', 'commissioned_domestic', 'commissioned_foreign'] as const;
export const RdFormSchema = z.enum(RD_FORMS);

export const RdProjectSchema = z.object({
  name: text().trim().min(1).max(100),
  code: text().trim().max(50).optional(),
  form: RdFormSchema,
  status: z.enum(['ongoing', 'completed']),
  amount: amountWan(),
});

export const IpSchema = z.object({
  invention: count.default(0),
  plantVariety: count.default(0),
  cropVariety: count.default(0),
  newDrug: count.default(0),
  tcmProtected: count.default(0),
  icLayout: count.default(0),
  utilityModel: count.default(0),
  design: count.default(0),
  software: count.default(0),
});

export { IP_CLASS1, IP_CLASS2 } from '../rules/national.ts';
import { IP_CLASS1 } from '../rules/national.ts';

export const FinanceSchema = z.object({
  totalAssets: amountWan(),
  netAssets: amountWan({ allowNegative: true }).optional(),
  salesRevenue: amountWan(),
  mainBusinessRevenue: amountWan().optional(),
  totalProfit: amountWan({ allowNegative: true }).optional(),
  totalTax: amountWan().optional(),
  totalCost: amountWan(),
}).superRefine((f, ctx) => {
  // rules.md §3: with both zero no R&D ratio exists.
  if (isZero(parseDecimal(f.salesRevenue)) && isZero(parseDecimal(f.totalCost)))
    ctx.addIssue({ code: 'custom', path: ['salesRevenue'], params: { code: 'ZERO_REVENUE_AND_COST' } });
});

const maybe = <T extends z.ZodType>(t: T) => t.nullable().optional();

/**
 * contracts.md §5: the ladder's own answers (创新型 / 专精特新 / 小巨人). Every field is optional; null or
 * absent is "not answered", never 否 or 0.
 */
export const LadderInputSchema = z
  .object({
    previousYear: maybe(
      z.object({
        mainBusinessRevenue: maybe(amountWan()),
        operatingRevenue: maybe(amountWan()),
        rdTotal: maybe(amountWan()),
      }),
    ),
    totalLiabilities: maybe(amountWan()),
    ipClass1HighValue: maybe(count),
    ipClass1SelfDeveloped: maybe(count),
    leadingProductStrategic: maybe(z.boolean()),
    innovationDirect: maybe(
      z.object({
        provincialAward: maybe(z.boolean()),
        hnteOrDemo: maybe(z.boolean()),
        provincialLab: maybe(z.boolean()),
        equity500: maybe(z.boolean()),
      }),
    ),
    nicheYears: maybe(z.number().min(0).max(200)),
    marketShareLeading: maybe(z.boolean()),
    chainKeyLink: maybe(z.boolean()),
    titles: maybe(z.object({ innovative: maybe(z.boolean()), specialized: maybe(z.boolean()) })),
  })
  // Inlined in the OpenAPI document (no component id): a plain object, as every other section of the form.
  .meta({ description: '梯度培育（创新型、专精特新、小巨人）选填信息，未填即“未回答”' });

export const AssessmentInputSchema = z
  .object({
    evaluationYear: z.number().int().min(2022).max(2100),
    region: RegionSchema.default('national'),
    firstTime: z.boolean().optional(),
    pastViolation: z.boolean().optional(),
    basic: z.object({
      registeredInMainland: z.boolean(),
      /** Only asked by packs that evaluate local firms only (e.g. Ningbo). */
      registeredInRegion: z.boolean().optional(),
      productsAllowed: z.boolean(),
      creditClean: z.boolean(),
      taxCollection: z.enum(['audit', 'assessed']),
      industryCode: text()
        .trim()
        .toUpperCase()
        .regex(/^[A-T](\d{2}(\d{1,2})?)?$/)
        .optional(),
    }),
    directPass: z.object({
      highTechCertificate: z.boolean(),
      nationalAwardTop3: z.boolean(),
      provincialRdInstitution: z.boolean(),
      ledStandard: z.boolean(),
    }),
    rdAuxiliaryAccount: z.boolean(),
    superDeductionClaimed: z.boolean().optional(),
    finance: FinanceSchema,
    rdProjects: z.array(RdProjectSchema).max(500),
    staff: StaffSchema,
    ip: IpSchema,
    ladder: LadderInputSchema.optional(),
  })
  .superRefine((x, ctx) => {
    // The Ⅰ类 items the ladder asks about are among the Ⅰ类 items counted in `ip`.
    const class1 = IP_CLASS1.reduce((n, k) => n + x.ip[k], 0);
    for (const key of ['ipClass1HighValue', 'ipClass1SelfDeveloped'] as const) {
      const v = x.ladder?.[key];
      if (v != null && v > class1) ctx.addIssue({ code: 'custom', path: ['ladder', key], params: { code: 'EXCEEDS_CLASS1' } });
    }
  })
  .meta({ id: 'AssessmentInput', description: '评价输入（上一会计年度数据，金额单位万元）' });

export type AssessmentInput = z.output<typeof AssessmentInputSchema>;
export type AssessmentInputJson = z.input<typeof AssessmentInputSchema>;
export type RdForm = z.infer<typeof RdFormSchema>;

export const REASON_CODES = [
  'REG',
  'SCOPE',
  'CREDIT',
  'TAX_METHOD',
  'INDUSTRY',
  'SIZE_EMPLOYEES',
  'SIZE_REVENUE',
  'SIZE_ASSETS',
  'NO_RD_ACCOUNT',
  'SCORE_BELOW_60',
  'TECH_STAFF_ZERO',
] as const;
export const ReasonCodeSchema = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

export const ON_SITE_CODES = ['FEW_STAFF', 'NO_IP', 'LOW_RD', 'PAST_VIOLATION', 'FIRST_TIME'] as const;

export const SourceRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  article: z.string().optional(),
});

const notice = <C extends z.ZodType>(code: C) =>
  z.object({ code, message: z.string(), source: SourceRefSchema.optional() });

const ratio = z.string().nullable();

export const AssessmentResultSchema = z
  .object({
    qualified: z.boolean(),
    route: z.enum(['direct', 'score']).nullable(),
    total: z.number().int(),
    scores: z.object({
      techStaff: z.number().int(),
      rdBySales: z.number().int().nullable(),
      rdByCost: z.number().int().nullable(),
      rd: z.number().int(),
      ip: z.number().int(),
    }),
    ratios: z.object({ techStaff: ratio, rdBySales: ratio, rdByCost: ratio }),
    derived: z.object({
      employees: z.string(),
      techStaff: z.string(),
      rdTotal: z.string(),
      ipClass1: z.number().int(),
      ipClass2: z.number().int(),
    }),
    reasons: z.array(notice(ReasonCodeSchema)),
    onSiteCheck: z.array(notice(z.enum(ON_SITE_CODES))),
    warnings: z.array(notice(z.string())),
    /** Every basic and 直通车 condition as the 自评结果 table lists it. */
    conditions: z.array(
      z.object({
        code: z.string(),
        group: z.enum(['basic', 'direct', 'other']),
        label: z.string(),
        met: z.boolean(),
        source: SourceRefSchema,
      }),
    ),
    region: z.string(),
    evaluationYear: z.number().int(),
    rulesVersion: z.string(),
    /** contracts.md §5: 创新型 / 专精特新 / 小巨人 from the same answers. */
    ladder: LadderResultSchema.optional(),
  })
  .meta({ id: 'AssessmentResult', description: '自评结果' });

export type AssessmentResult = z.infer<typeof AssessmentResultSchema>;
export type Notice<C extends string = string> = { code: C; message: string; source?: z.infer<typeof SourceRefSchema> };
export type OnSiteCode = (typeof ON_SITE_CODES)[number];
