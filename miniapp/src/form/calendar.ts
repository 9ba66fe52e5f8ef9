// Which evaluation year the owner is preparing for and how many days are left, from the region's
// policy pack (the server's data, shared). After a year's system has closed, the next year is shown
// with the same calendar day marked as an estimate until that year's notice is published.
import { findPack } from '@domain/rules/packs.ts'

export interface Deadline {
  year: number
  regionName: string
  /** ISO date */
  date: string
  label: string
  daysLeft: number
  /** True when the date is carried over from an earlier year's notice (by the pack, or here for a year it lacks). */
  estimated: boolean
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Calendar day in China (UTC+8) as a UTC midnight timestamp, so day differences are whole numbers. */
function chinaDay(d: Date): number {
  const shifted = new Date(d.getTime() + 8 * 60 * 60 * 1000)
  return Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate())
}

export function evaluationDeadline(region: string, now: Date = new Date()): Deadline | null {
  const pack = findPack(region) ?? findPack('national')
  if (!pack) return null
  const today = chinaDay(now)
  const thisYear = new Date(today).getUTCFullYear()
  const years = Object.keys(pack.dates).map(Number).sort((a, b) => a - b)
  const latest = years.at(-1)
  if (latest === undefined) return null

  for (const year of [thisYear, thisYear + 1]) {
    const known = pack.dates[year]
    const closes = known?.systemCloses ?? pack.dates[latest]!.systemCloses
    const date = known ? closes.date : `${year}${closes.date.slice(4)}`
    const day = Date.parse(`${date}T00:00:00Z`)
    if (day >= today) {
      return {
        year,
        regionName: pack.name,
        date,
        label: closes.label,
        daysLeft: Math.round((day - today) / DAY_MS),
        estimated: !known || closes.provisional === true,
      }
    }
  }
  return null
}

/** The evaluation year the figures are for: the next window that is still open. */
export const currentEvaluationYear = (region: string, now: Date = new Date()) =>
  evaluationDeadline(region, now)?.year ?? now.getFullYear()

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** A timestamp's calendar day in China, e.g. "2027年8月24日". */
export function formatChinaDay(isoDateTime: string): string {
  return formatDate(new Date(chinaDay(new Date(isoDateTime))).toISOString().slice(0, 10))
}
