// Every server call the mini-program makes, by resource. Paths follow contracts.md and the issues.
import type {
  AssessmentInputJson,
  AssessmentRecord,
  DocumentJob,
  PrecheckResult,
  Reminder,
  Session,
} from './types'
import { request, upload } from './client'

export * from './types'
export { ApiError } from './client'

/** WeChat login with a wx.login code; `code` is omitted for the development login (H5, no credentials). */
export const login = (code?: string) =>
  request<Session>('POST', code ? '/api/v1/auth/wechat' : '/api/v1/auth/dev', code ? { code } : {})

export const createAssessment = (input: AssessmentInputJson) =>
  request<AssessmentRecord>('POST', '/api/v1/assessments', input)

export const getAssessment = (id: string) => request<AssessmentRecord>('GET', `/api/v1/assessments/${encodeURIComponent(id)}`)

/** Saves the unfinished answers so the check can be resumed on another visit or device. */
export const saveDraft = (draft: unknown) => request<{ ok?: boolean }>('PUT', '/api/v1/drafts/current', { draft })

export const loadDraft = () => request<{ draft: unknown | null }>('GET', '/api/v1/drafts/current')

export const uploadDocument = (filePath: string, name: string, onProgress?: (percent: number) => void) =>
  upload<DocumentJob>('/api/v1/documents', filePath, name, onProgress)

export const getDocument = (id: string) => request<DocumentJob>('GET', `/api/v1/documents/${encodeURIComponent(id)}`)

export const precheck = (input: AssessmentInputJson, documentIds: string[] = []) =>
  request<PrecheckResult>('POST', '/api/v1/prechecks', { input, documentIds })

export const listReminders = () => request<{ reminders: Reminder[] }>('GET', '/api/v1/reminders')

export const cancelReminder = (id: string) => request<unknown>('DELETE', `/api/v1/reminders/${encodeURIComponent(id)}`)

/** Records the one-time consents WeChat granted for these message templates. */
export const recordConsents = (accepted: string[], region: string) =>
  request<{ reminders: Reminder[] }>('POST', '/api/v1/reminders/subscriptions', { templateIds: accepted, region })

/** Template ids the server will send with (configured on the server, shown to the owner by WeChat). */
export const reminderTemplates = () => request<{ templateIds: string[] }>('GET', '/api/v1/reminders/templates')

/** Deletes the firm's answers, documents, checks and reminders. */
export const deleteMyData = () => request<unknown>('DELETE', '/api/v1/me')
