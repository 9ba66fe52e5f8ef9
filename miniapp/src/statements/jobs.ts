// What a document job's state means for the owner (pure: the rows and the result page share it).
import type { DocumentJob } from '../api'

/** The problem a finished job reports, in the server's words, or null when it read something. */
export function jobProblem(job: DocumentJob): string | null {
  if (job.status === 'failed') return job.error?.message ?? '读取失败，请换一个清晰的文件'
  if (job.status !== 'done') return null
  const errors = job.result?.errors ?? []
  if (errors.length && !(job.result?.documents.length ?? 0)) return errors[0]!.message
  if (!(job.result?.documents.length ?? 0)) return '没有在文件中找到报表，请确认上传的是资产负债表、利润表、A107012 或职工人数统计表'
  return null
}

export const isReading = (j: DocumentJob) => j.status === 'queued' || j.status === 'processing'
export const isRead = (j: DocumentJob) => j.status === 'done' && jobProblem(j) === null

