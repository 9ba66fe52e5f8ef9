// Every server call the mini-program makes, by resource. Paths follow contracts.md and server/http/routes.
import type {
  Consents,
  DocumentJob,
  Firm,
  Notice,
  PrecheckInputJson,
  Reminder,
  SavedCheck,
  Session,
  StoredPrecheck,
} from './types'
import { download, request, upload } from './client'

export * from './types'
export { ApiError } from './client'

/** WeChat login with a wx.login code; without a code, the development login (no WeChat credentials). */
export const login = (code?: string) =>
  code
    ? request<Session>('POST', '/api/v1/auth/wechat', { code, privacyConsent: true })
    : request<Session>('POST', '/api/v1/auth/dev', { privacyConsent: true })

/** Saves the unfinished answers so the check can be resumed on another visit or device. */
export const saveCheck = (answers: Record<string, unknown>) => request<SavedCheck>('PUT', '/api/v1/checks/current', { answers })

export const loadCheck = () => request<SavedCheck>('GET', '/api/v1/checks/current')

/** The firm's region decides its deadlines; saving it (re)plans the reminders. */
export const saveFirm = (region: string) => request<Firm>('PUT', '/api/v1/firm', { region })

export const uploadDocument = (filePath: string, name: string, onProgress?: (percent: number) => void) =>
  upload<DocumentJob>('/api/v1/documents', filePath, name, onProgress)

/** The owner's uploaded statements, newest first: the list survives a refresh, a return or another device. */
export const listDocuments = () => request<{ documents: DocumentJob[] }>('GET', '/api/v1/documents')

export const deleteDocument = (id: string) => request<unknown>('DELETE', `/api/v1/documents/${encodeURIComponent(id)}`)

/** Reconciles the answers with the uploaded statements and explains the verdict and the gaps. */
export const precheck = (input: PrecheckInputJson, documents: string[] = []) => {
  const body: PrecheckInputJson = { ...input, ...(documents.length ? { documents } : {}) }
  return request<StoredPrecheck>('POST', '/api/v1/prechecks', body)
}

/** The 自评结果 PDF of a stored pre-check, downloaded with the session (a local file path or blob: URL). */
export const downloadReport = (precheckId: string) => download(`/api/v1/prechecks/${encodeURIComponent(precheckId)}/report.pdf`)

export const listReminders = () => request<{ reminders: Reminder[]; consents: Consents }>('GET', '/api/v1/reminders')

export const cancelReminder = (id: string) => request<unknown>('DELETE', `/api/v1/reminders/${encodeURIComponent(id)}`)

/** Records the templates the owner accepted in wx.requestSubscribeMessage. */
export const recordConsents = (templateIds: string[]) => request<Consents>('POST', '/api/v1/reminders/consents', { templateIds })

export const listNotices = () => request<{ notices: Notice[]; unread: number }>('GET', '/api/v1/notices')

export const markNoticeRead = (id: string) => request<unknown>('POST', `/api/v1/notices/${encodeURIComponent(id)}/read`)

/** Deletes the firm's answers, documents, checks, reminders and the account. */
export const deleteMyData = () => request<{ deleted: string[] }>('DELETE', '/api/v1/me')
