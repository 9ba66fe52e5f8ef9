// Request/response types. The contracts come from the server's zod schemas (type-only imports, one
// definition): assessment, extraction and pre-check.
import type { AssessmentInputJson, AssessmentResult } from '@schemas/assessment.ts'
import type { ValidationIssue } from '@schemas/issues.ts'
import type { ExtractionResult, ProgressDetail, StatementResult } from '@server/extract/schema.ts'
import type { Explanation, Figure, Finding, Gaps, Origin, PrecheckInputJson, PrecheckResult } from '@server/precheck/schemas.ts'

export type { AssessmentInputJson, AssessmentResult, ValidationIssue }
export type { ExtractionResult, Explanation, Figure, Finding, Gaps, Origin, PrecheckInputJson, PrecheckResult, ProgressDetail, StatementResult }

/** POST /api/v1/prechecks: the result as stored, with its id (the PDF report is made from it). */
export type StoredPrecheck = PrecheckResult & { id: string; createdAt: string }

/** POST /api/v1/documents and GET /api/v1/documents (DocumentSchema): the job and, once done, contracts.md §3's result. */
export interface DocumentJob {
  id: string
  fileName?: string
  status: 'queued' | 'processing' | 'done' | 'failed'
  /** 0–1 */
  progress: number
  /** Page and step while it is being read. */
  progressDetail?: ProgressDetail
  createdAt?: string
  result?: ExtractionResult
  error?: { code: string; message: string }
}

// The shapes below mirror server/http/routes/{auth,checks,firm,reminders,notices}.ts (SessionSchema, CheckDraftSchema,
// FirmSchema, ReminderSchema, ConsentsSchema, NoticeSchema); those modules pull in the whole server, so they are not imported.

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

/** GET /api/v1/notices: reminders delivered inside the app (always, and instead of WeChat when it cannot deliver). */
export interface Notice {
  id: string
  title: string
  body: string
  deadline: string | null
  createdAt: string
  read: boolean
}

/** One-time subscribe-message consents: templates to ask for, and the unspent ones per template. */
export interface Consents {
  templateIds: string[]
  available: Record<string, number>
  total: number
}
