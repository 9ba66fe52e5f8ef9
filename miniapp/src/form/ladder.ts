// The 更高一级 page's answers → contracts.md §5's `ladder` input: blank stays "not answered" (absent), never
// 否 or 0; amounts and counts are sent as typed (the server checks them exactly).
import type { PrecheckInputJson } from '../api'
import type { LadderDraft } from './draft'

type LadderInput = NonNullable<PrecheckInputJson['ladder']>

const text = (v: string | undefined) => {
  const t = v?.trim()
  return t ? t : undefined
}
const count = (v: string | undefined) => {
  const t = text(v)
  return t !== undefined && /^\d+$/.test(t) ? Number(t) : undefined
}
const years = (v: string | undefined) => {
  const t = text(v)
  return t !== undefined && /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined
}

function defined<T extends object>(o: T): T | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
  return Object.keys(out).length ? out : undefined
}

export function ladderInput(d: LadderDraft | undefined): LadderInput | undefined {
  if (!d) return undefined
  return defined<LadderInput>({
    previousYear: defined({ mainBusinessRevenue: text(d.prevMainRevenue), operatingRevenue: text(d.prevRevenue), rdTotal: text(d.prevRd) }),
    totalLiabilities: text(d.totalLiabilities),
    ipClass1HighValue: count(d.ipClass1HighValue),
    ipClass1SelfDeveloped: count(d.ipClass1SelfDeveloped),
    leadingProductStrategic: d.leadingProductStrategic,
    innovationDirect: defined({ provincialAward: d.provincialAward, hnteOrDemo: d.hnteOrDemo, provincialLab: d.provincialLab, equity500: d.equity500 }),
    nicheYears: years(d.nicheYears),
    marketShareLeading: d.marketShareLeading,
    chainKeyLink: d.chainKeyLink,
    titles: defined({ innovative: d.titleInnovative, specialized: d.titleSpecialized }),
  })
}
