// Reminders grouped by the deadline they are for: one row per deadline ("评价系统关闭 · 2027年8月31日 ·
// 提前 30、7、1 天提醒") instead of one near-identical row per send date.
import type { Reminder } from '../api'

export interface DeadlineGroup {
  key: string
  title: string
  /** The deadline (Beijing date). */
  date: string
  /** Days before the deadline each reminder goes out, largest first. */
  offsets: number[]
  reminders: Reminder[]
  /** Reminders that can still be cancelled (not yet being sent). */
  cancellable: Reminder[]
}

export function groupByDeadline(reminders: Reminder[]): DeadlineGroup[] {
  const groups = new Map<string, DeadlineGroup>()
  for (const r of reminders) {
    const key = `${r.kind}:${r.date}`
    const g = groups.get(key) ?? { key, title: r.title, date: r.date, offsets: [], reminders: [], cancellable: [] }
    g.reminders.push(r)
    if (!g.offsets.includes(r.offsetDays)) g.offsets.push(r.offsetDays)
    if (r.status === 'scheduled') g.cancellable.push(r)
    groups.set(key, g)
  }
  return [...groups.values()]
    .map((g) => ({ ...g, offsets: g.offsets.sort((a, b) => b - a) }))
    .sort((a, b) => a.date.localeCompare(b.date))
}

/** "提前 30、7、1 天提醒", "提前 7 天及当天提醒". */
export function offsetsText(offsets: number[]): string {
  const before = offsets.filter((d) => d > 0)
  const parts = [before.length ? `提前 ${before.join('、')} 天` : '', offsets.includes(0) ? '当天' : ''].filter(Boolean)
  return parts.length ? `${parts.join('及')}提醒` : ''
}
