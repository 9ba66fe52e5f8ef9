// Request/response types. The assessment contract comes from the server's zod schemas (one definition);
// the shapes below it are written against contracts.md and issue text for the APIs still being built,
// and are marked so they can be swapped for the server's own types when those land.
import type { AssessmentInputJson, AssessmentResult } from '@schemas/assessment.ts'
import type { ValidationIssue } from '@schemas/issues.ts'

export type { AssessmentInputJson, AssessmentResult, ValidationIssue }

/** POST /api/v1/assessments and GET /api/v1/assessments/:id (server/http/routes/assessments.ts: the result, flattened, with id and input). */
export type AssessmentRecord = AssessmentResult & { id: string; createdAt: string; input: AssessmentInputJson }

/** contracts.md §2a, with the server's cheapest combination. */
export interface Gaps {
  notByNumbers: string[]
  levers: { lever: 'techStaff' | 'rdExpense' | 'ipClass1' | 'ipClass2'; add: string; totalAfter?: number }[]
  cheapest?: { levers: Gaps['levers']; totalAfter: number; estimatedCostWan: string; basis: string } | null
}

/** contracts.md §2b. */
export interface Explanation {
  text: string
  source: 'llm' | 'template'
  model?: string
}

type Notice = { code: string; message: string }

/** Where a reconciled figure came from (server/precheck/schemas.ts OriginSchema). */
export type Origin =
  | { kind: 'declared'; path: string }
  | { kind: 'document'; documentId: string; file: string; statement: string; page: number; field: string; unit: string }
  | { kind: 'derived'; formula: string; from: Origin[] }

/** One figure of the form after reconciliation (FigureSchema). */
export interface Figure {
  key: string
  label: string
  unit: '万元' | '人'
  value: string
  origin: Origin
  alternatives: { value: string; origin: Origin }[]
  ambiguity?: { code: string; message: string; otherValue?: string }
}

/**
 * POST /api/v1/prechecks: the fields of server/precheck/schemas.ts PrecheckResultSchema the mini-program
 * reads (mirrored while that module is being written; to be imported from it once it has landed).
 */
export interface PrecheckResult {
  verdict: 'qualified' | 'not_qualified' | 'undetermined'
  /** The full 自评结果 once the reconciled form is complete. */
  assessment: AssessmentResult | null
  figures: Figure[]
  discrepancies: { code: string; figure: string; declared: string; document: string; difference: string; message: string }[]
  flags: (Notice & { kind: 'on_site' | 'review' })[]
  questions: { path: string; section: string; question: string }[]
  gaps: Gaps | null
  explanation?: Explanation
  evaluationYear: number
}

/** What the mini-program shows on the upload page for one figure to confirm. */
export interface ReconciledFigure {
  /** JSON path in the assessment input, e.g. "finance.salesRevenue". */
  path: string
  label: string
  /** 万元 */
  typed?: string | null
  extracted?: string | null
  file?: string
  page?: number
  discrepancy?: boolean
  message?: string
}

/** contracts.md §3: one extracted field. */
export interface ExtractedField {
  value: string
  confidence: number
  flagged?: boolean
}

export interface ExtractedDocument {
  kind: 'balance_sheet' | 'income_statement' | 'rd_deduction' | 'staff_table'
  page: number
  unit: string
  company?: string
  period?: string
  fields: Record<string, ExtractedField>
}

/** POST /api/v1/documents and GET /api/v1/documents/:id (DocumentSchema): the job and, once done, contracts.md §3's result. */
export interface DocumentJob {
  id: string
  fileName?: string
  status: 'queued' | 'processing' | 'done' | 'failed'
  /** 0–1 */
  progress: number
  result?: {
    file: string
    pages: number
    method: 'text' | 'ocr'
    documents: ExtractedDocument[]
    checks: { code: string; ok: boolean; message: string }[]
    errors: { code: string; message: string }[]
  }
  error?: { code: string; message: string }
}

// The shapes below mirror server/http/routes/{auth,checks,firm,reminders}.ts (SessionSchema, CheckDraftSchema,
// FirmSchema, ReminderSchema, ConsentsSchema); those modules pull in the whole server, so they are not imported.

/** POST /api/v1/auth/wechat and /api/v1/auth/dev. */
export interface Session {
  token: string
  expiresAt: string
  user: { id: string; dev: boolean; privacyConsentAt: string }
}

/** GET/PUT /api/v1/checks/current: the unfinished answers (AssessmentInput with every field optional). */
export interface SavedCheck {
  answers: Record<string, unknown> | null
  updatedAt: string | null
}

/** GET/PUT /api/v1/firm. */
export interface Firm {
  name: string | null
  region: string
  regionName: string
  submitted: boolean
  tiered: boolean
}

export interface Reminder {
  id: string
  kind: string
  title: string
  /** The deadline (Beijing date). */
  date: string
  offsetDays: number
  /** When the reminder is sent. */
  sendAt: string
  status: 'scheduled' | 'claimed'
}

/** One-time subscribe-message consents: templates to ask for, and the unspent ones per template. */
export interface Consents {
  templateIds: string[]
  available: Record<string, number>
  total: number
}
