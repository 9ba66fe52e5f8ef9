// The owner's statements as the server keeps them: listed from the server (so they survive a refresh, a
// return and another device), uploaded one after another, followed while they are read, and removed.
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, deleteDocument, listDocuments, uploadDocument, type DocumentJob } from '../api'
import { withSession } from '../store/auth'
import { officialSizeNote, rejectReason } from './fileRules'
import { isRead, isReading } from './jobs'
import type { PickedFile } from './pickFiles'


const POLL_MS = 800

/** A file on its way up (before the server has a row for it), or one the phone refused. */
export interface LocalFile {
  key: string
  name: string
  size: number
  status: 'uploading' | 'rejected' | 'failed'
  percent: number
  message?: string
}

export function useDocuments(enabled = true) {
  const [jobs, setJobs] = useState<DocumentJob[] | null>(null)
  const [local, setLocal] = useState<LocalFile[]>([])
  /** When each job was first seen moving, for the time-left estimate. */
  const started = useRef(new Map<string, number>())
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const alive = useRef(true)

  const refresh = useCallback(async () => {
    clearTimeout(timer.current)
    try {
      await withSession()
      const { documents } = await listDocuments()
      if (!alive.current) return
      const now = Date.now()
      for (const d of documents) if (isReading(d) && !started.current.has(d.id)) started.current.set(d.id, now)
      setJobs(documents)
      if (documents.some(isReading)) timer.current = setTimeout(() => void refresh(), POLL_MS)
    } catch {
      if (alive.current) setJobs((j) => j ?? [])
    }
  }, [])

  useEffect(() => {
    alive.current = true
    if (enabled) void refresh()
    return () => {
      alive.current = false
      clearTimeout(timer.current)
    }
  }, [enabled, refresh])

  const patch = (key: string, change: Partial<LocalFile>) => setLocal((l) => l.map((f) => (f.key === key ? { ...f, ...change } : f)))

  const add = async (files: PickedFile[]) => {
    const rows = files.map((f, i) => {
      const rejected = rejectReason(f.name, f.size)
      return { file: f, row: { key: `${Date.now()}-${i}`, name: f.name, size: f.size, status: rejected ? 'rejected' : 'uploading', percent: 0, message: rejected ?? officialSizeNote(f.name, f.size) ?? undefined } as LocalFile }
    })
    setLocal((l) => [...rows.map((r) => r.row), ...l])
    for (const { file, row } of rows.filter((r) => r.row.status === 'uploading')) {
      try {
        await withSession()
        const created = await uploadDocument(file.path, file.name, (p) => patch(row.key, { percent: p }))
        started.current.set(created.id, Date.now())
        setLocal((l) => l.filter((f) => f.key !== row.key))
        await refresh()
      } catch (e) {
        patch(row.key, { status: 'failed', message: e instanceof ApiError ? e.message : '上传失败，请重试' })
      }
    }
  }

  const remove = async (job: DocumentJob) => {
    const { confirm } = await Taro.showModal({
      title: '删除这份报表？',
      content: `${job.fileName ?? '文件'}及读取出的数字将从服务器删除。`,
      confirmText: '删除',
      confirmColor: '#dc2626',
    })
    if (!confirm) return
    try {
      await deleteDocument(job.id)
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '删除失败，请重试', icon: 'none' })
    }
    await refresh()
  }

  const dismiss = (key: string) => setLocal((l) => l.filter((f) => f.key !== key))

  return {
    jobs: jobs ?? [],
    loaded: jobs !== null,
    local,
    add,
    remove,
    dismiss,
    refresh,
    startedAt: (id: string) => started.current.get(id) ?? Date.now(),
    reading: (jobs ?? []).some(isReading) || local.some((f) => f.status === 'uploading'),
    read: (jobs ?? []).filter(isRead),
  }
}

export type Documents = ReturnType<typeof useDocuments>
