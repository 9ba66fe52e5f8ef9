// The reading progress an owner can trust: the page and step the server is on ("第 2/6 页 · 识别文字") and,
// when it is long, an estimate of the time left from how fast it has gone so far.
import type { DocumentJob, ProgressDetail } from '../api'

const STEP_TEXT: Record<ProgressDetail['step'], string> = {
  reading: '读取文字',
  preparing: '准备图像',
  recognizing: '识别文字',
  checking: '核对勾稽关系',
}

/** Seconds left, by the pace so far; null while too early to tell or when nearly done. */
export function secondsLeft(startedAt: number, now: number, fraction: number): number | null {
  const elapsed = (now - startedAt) / 1000
  if (fraction < 0.05 || fraction >= 1 || elapsed < 3) return null
  return Math.round((elapsed * (1 - fraction)) / fraction)
}

export function etaText(seconds: number | null): string {
  if (seconds === null || seconds < 8) return ''
  return seconds < 90 ? `约还需 ${Math.ceil(seconds / 5) * 5} 秒` : `约还需 ${Math.ceil(seconds / 60)} 分钟`
}

/** One line for a document being read: "排队中" or "第 2/6 页 · 识别文字 · 38% · 约还需 20 秒". */
export function progressText(job: Pick<DocumentJob, 'status' | 'progress' | 'progressDetail'>, seconds: number | null): string {
  if (job.status === 'queued') return '排队等待读取…'
  const d = job.progressDetail
  const parts = [
    d && d.pages > 0 ? `第 ${Math.max(1, d.page)}/${d.pages} 页` : null,
    d ? STEP_TEXT[d.step] : '读取中',
    `${Math.round(job.progress * 100)}%`,
    etaText(seconds) || null,
  ]
  return parts.filter(Boolean).join(' · ')
}
