// Uploads chosen files one after another and follows the server reading each (GET /documents/:id)
// until it is done, updating one row per file.
import { useRef, useState } from 'react'
import { ApiError, getDocument, uploadDocument, type DocumentJob } from '../api'
import type { UploadItem } from '../components/UploadRow'
import { officialSizeNote, rejectReason } from './fileRules'
import type { PickedFile } from './pickFiles'

const POLL_MS = 600
const POLL_LIMIT = 200

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits for the server to finish reading, reporting its progress as a percentage. */
export async function followDocument(job: DocumentJob, onProgress: (percent: number) => void): Promise<DocumentJob> {
  let current = job
  for (let i = 0; i < POLL_LIMIT && (current.status === 'queued' || current.status === 'processing'); i++) {
    await sleep(POLL_MS)
    current = await getDocument(current.id)
    onProgress(current.progress * 100)
  }
  return current
}

/** The problem a finished job reports, in the server's words, or null when it read something. */
export function jobProblem(job: DocumentJob): string | null {
  if (job.status === 'failed') return job.error?.message ?? '读取失败，请换一个清晰的文件'
  const errors = job.result?.errors ?? []
  if (errors.length && !(job.result?.documents.length ?? 0)) return errors[0]!.message
  if (job.status === 'done' && !(job.result?.documents.length ?? 0)) return '没有在文件中找到报表，请确认上传的是报表'
  return null
}

export function useUploads() {
  const [items, setItems] = useState<UploadItem[]>([])
  const jobs = useRef<DocumentJob[]>([])
  const [busy, setBusy] = useState(false)

  const patch = (key: string, change: Partial<UploadItem>) =>
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...change } : it)))

  const add = async (files: PickedFile[]) => {
    const rows = files.map((f, i): UploadItem & { path: string } => {
      const rejected = rejectReason(f.name, f.size)
      return {
        key: `${Date.now()}-${i}`,
        path: f.path,
        name: f.name,
        size: f.size,
        status: rejected ? 'rejected' : 'uploading',
        percent: 0,
        message: rejected ?? officialSizeNote(f.name, f.size) ?? undefined,
      }
    })
    setItems((list) => [...list, ...rows.map(({ path: _path, ...row }) => row)])
    setBusy(true)
    for (const row of rows.filter((r) => r.status === 'uploading')) {
      try {
        const created = await uploadDocument(row.path, row.name, (p) => patch(row.key, { percent: p }))
        patch(row.key, { status: 'reading', percent: created.progress * 100, documentId: created.id })
        const done = await followDocument(created, (p) => patch(row.key, { percent: p }))
        const problem = jobProblem(done)
        jobs.current = [...jobs.current.filter((j) => j.id !== done.id), done]
        patch(row.key, problem ? { status: 'failed', message: problem } : { status: 'done', percent: 100 })
      } catch (e) {
        patch(row.key, { status: 'failed', message: e instanceof ApiError ? e.message : '上传失败，请重试' })
      }
    }
    setBusy(false)
  }

  const readJobs = () => jobs.current.filter((j) => jobProblem(j) === null)
  return { items, add, busy, readJobs }
}
