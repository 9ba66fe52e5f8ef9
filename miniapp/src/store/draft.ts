// The current check: answers kept on the device at once and saved on the server shortly after, so the
// owner can leave at any step and resume later (also from another device once logged in).
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { loadCheck, saveCheck } from '../api'
import { fromSavedAnswers, toSavedAnswers } from '../form/answers'
import { getToken } from './session'
import type { Draft } from '../form/draft'
import { emptyDraft } from '../form/draft'

const KEY = 'kexiao.draft.v1'
const SAVE_DELAY_MS = 800

let current: Draft = read()
const listeners = new Set<() => void>()
let saveTimer: ReturnType<typeof setTimeout> | undefined

function read(): Draft {
  const stored = Taro.getStorageSync(KEY)
  return stored && typeof stored === 'object' ? { ...emptyDraft(), ...(stored as Draft) } : emptyDraft()
}

function emit() {
  for (const l of listeners) l()
}

export function getDraft(): Draft {
  return current
}

/** Replaces the draft with `update(draft)`, stores it locally and schedules the server save. */
export function updateDraft(update: (d: Draft) => Draft): void {
  current = update(current)
  Taro.setStorageSync(KEY, current)
  emit()
  clearTimeout(saveTimer)
  if (!getToken()) return // not logged in yet: nothing leaves the device before consent
  saveTimer = setTimeout(() => {
    // Saving on the server is a convenience: the local copy already holds the answers.
    saveCheck(toSavedAnswers(current)).catch(() => undefined)
  }, SAVE_DELAY_MS)
}

export function resetDraft(region?: string): void {
  updateDraft(() => emptyDraft(region ?? current.region))
}

/** After login: take the server's copy when this device has nothing typed yet. */
export async function restoreDraftFromServer(): Promise<void> {
  try {
    const { answers } = await loadCheck()
    if (answers && !hasAnswers(current)) {
      current = fromSavedAnswers(answers)
      Taro.setStorageSync(KEY, current)
      emit()
    }
  } catch {
    /* no server copy: keep the local one */
  }
}

export function hasAnswers(d: Draft): boolean {
  return d.basic.registeredInMainland !== undefined || Object.keys(d.finance).length > 0
}

export function useDraft(): Draft {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    getDraft,
    getDraft,
  )
}

export function forgetDraft(): void {
  clearTimeout(saveTimer)
  Taro.removeStorageSync(KEY)
  current = emptyDraft()
  emit()
}
