// The batch page's server calls (H5: the browser's fetch and FormData, since a batch is a spreadsheet and a zip
// chosen on a computer). Types come from the server's schemas.
import type { BatchSummary, FirmResult } from '@server/batch/schemas.ts'
import { ApiError } from '../../api'
import { toApiError, request } from '../../api/client'
import { saveLink } from '../../api/saveLink'
import { getToken } from '../../store/session'

export type { BatchSummary, FirmResult }
export type FirmRow = Omit<FirmResult, 'assessment' | 'input'>

export interface Organisation {
  id: string
  name: string
  role: 'admin' | 'member'
  createdAt: string
}

export interface Batch {
  id: string
  organisationId: string
  fileName: string
  status: 'queued' | 'processing' | 'done' | 'failed'
  firms: number
  processed: number
  progress: number
  createdAt: string
  summary?: BatchSummary
  error?: { code: string; message: string }
}

const auth = (): Record<string, string> => {
  const t = getToken()
  return t ? { Authorization: `Bearer ${t}` } : {}
}

export const listOrganisations = () => request<Organisation[]>('GET', '/api/v1/organisations')
export const createOrganisation = (name: string) => request<Organisation>('POST', '/api/v1/organisations', { name })
export const joinOrganisation = (code: string) => request<Organisation>('POST', '/api/v1/organisations/join', { code })
export const createInvite = (id: string) => request<{ code: string; expiresAt: string }>('POST', `/api/v1/organisations/${id}/invites`, {})
export const listBatches = (organisationId: string) =>
  request<Batch[]>('GET', `/api/v1/batches?organisationId=${encodeURIComponent(organisationId)}`)
export const getBatch = (id: string) => request<Batch>('GET', `/api/v1/batches/${id}`)
export const batchFirms = (id: string) => request<FirmRow[]>('GET', `/api/v1/batches/${id}/firms`)

export async function uploadBatch(organisationId: string, file: File, docs: File | null): Promise<Batch> {
  const form = new FormData()
  form.append('organisationId', organisationId)
  form.append('file', file, file.name)
  if (docs) form.append('docs', docs, docs.name)
  let res: Response
  try {
    res = await fetch(`${API_BASE}/api/v1/batches`, { method: 'POST', body: form, headers: auth() })
  } catch {
    throw toApiError(0, null)
  }
  const body = await res.json().catch(() => null)
  if (!res.ok) throw toApiError(res.status, body)
  return body as Batch
}

/** Downloads a file the API serves behind the session, under the name the server gives it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`${API_BASE}${path}`, { headers: auth() })
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null))
  const disposition = res.headers.get('content-disposition') ?? ''
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition)
  const name = m ? decodeURIComponent(m[1]!) : fallbackName
  const url = URL.createObjectURL(await res.blob())
  saveLink(url, name)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The browser's file picker for one file. */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.onchange = () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    }
    document.body.appendChild(input)
    input.click()
  })
}

export { ApiError }
