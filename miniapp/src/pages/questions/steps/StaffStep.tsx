import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../components/ActionButton'
import { NumberField } from '../../../components/NumberField'
import { Tag } from '../../../components/Tag'
import { annualAverages, quarterAverages, staffChecks } from '../../../form/live'
import type { QuarterDraft, QuarterKey } from '../../../form/draft'
import { quartersComplete } from '../../../form/steps'
import type { StepProps } from './types'

const QUARTER_FIELDS: { key: QuarterKey; label: string }[] = [
  { key: 'startEmployees', label: '季初职工总数' },
  { key: 'endEmployees', label: '季末职工总数' },
  { key: 'startTech', label: '季初科技人员数' },
  { key: 'endTech', label: '季末科技人员数' },
]

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度']

/**
 * Staff by quarter (rules.md §4). A quarter starts where the last one ended unless changed; "与上季度末相同"
 * fills a quarter in one tap; 科技人员 ≤ 职工 and the quarter-to-quarter carry are checked as typed; the
 * 全年季平均数 stays in view while typing.
 */
export function StaffStep({ draft, update }: StepProps) {
  const annual = annualAverages(draft.quarters)
  const checks = staffChecks(draft.quarters)
  const averagesOnly = !!draft.staffAverages && !quartersComplete(draft)

  const setCount = (quarter: number, key: QuarterKey, value: string) =>
    update((d) => {
      const quarters = d.quarters.map((q) => ({ ...q }))
      const before = quarters[quarter]![key]
      quarters[quarter]![key] = value
      // 季末 carries into the next 季初 while that still holds what it carried (or nothing).
      const next = quarters[quarter + 1]
      const carried = key === 'endEmployees' ? 'startEmployees' : key === 'endTech' ? 'startTech' : null
      if (next && carried && (!next[carried] || next[carried] === before)) next[carried] = value
      return { ...d, quarters }
    })

  const sameAsLast = (quarter: number) =>
    update((d) => {
      const prev = d.quarters[quarter - 1]!
      const same: QuarterDraft = { startEmployees: prev.endEmployees, endEmployees: prev.endEmployees, startTech: prev.endTech, endTech: prev.endTech }
      return { ...d, quarters: d.quarters.map((q, i) => (i === quarter ? same : q)) }
    })

  return (
    <View>
      <View className='live-summary live-summary--sticky' aria-live='polite'>
        <View className='live-summary__item'>
          <Text className='live-summary__label'>职工（全年季平均）</Text>
          <Text className='live-summary__value'>{averagesOnly ? draft.staffAverages!.employees : (annual?.employees ?? '—')}</Text>
        </View>
        <View className='live-summary__item'>
          <Text className='live-summary__label'>科技人员（全年季平均）</Text>
          <Text className='live-summary__value'>{averagesOnly ? draft.staffAverages!.techStaff : (annual?.techStaff ?? '—')}</Text>
        </View>
        <View className='live-summary__item'>
          <Text className='live-summary__label'>科技人员占比</Text>
          <Text className='live-summary__value'>{annual?.techShare ? `${annual.techShare}%` : '—'}</Text>
        </View>
      </View>
      {!averagesOnly && draft.filled['staff.quarters'] && (
        <View className='step-note'>
          <Tag tone='success'>来自报表</Tag>
          <Text> {draft.filled['staff.quarters'].source}：四个季度的季初、季末人数已填入，可直接修改。</Text>
        </View>
      )}
      {averagesOnly && (
        <View className='step-note'>
          <Tag tone='success'>来自报表</Tag>
          <Text> {draft.filled['staff.averages']?.source ?? '职工人数统计表'}只列出全年季平均数，已按它评估。正式填报时需逐季填写。</Text>
          <ActionButton kind='text' block={false} onClick={() => update((d) => ({ ...d, staffAverages: undefined }))}>
            改为按季度填写
          </ActionButton>
        </View>
      )}
      {!averagesOnly &&
        draft.quarters.map((q, i) => {
          const avg = quarterAverages(q)
          const prev = draft.quarters[i - 1]
          return (
            <View key={QUARTER_NAMES[i]} className='quarter'>
              <View className='quarter__head'>
                <Text className='quarter__title'>{QUARTER_NAMES[i]}</Text>
                <Text className='quarter__avg'>{avg ? `季平均 职工 ${avg.employees} · 科技 ${avg.techStaff}` : '填完四项后显示季平均数'}</Text>
              </View>
              {i > 0 && prev?.endEmployees && prev.endTech && (
                <View className='quarter__same'>
                  <ActionButton kind='secondary' onClick={() => sameAsLast(i)}>
                    与上季度末相同
                  </ActionButton>
                </View>
              )}
              {QUARTER_FIELDS.map((f) => (
                <NumberField
                  key={f.key}
                  name={`q${i + 1}-${f.key}`}
                  label={`${QUARTER_NAMES[i]}${f.label}`}
                  unit='人'
                  integer
                  value={q[f.key]}
                  error={checks.errors[`${i}.${f.key}`]}
                  hint={checks.notes[`${i}.${f.key}`]}
                  onChange={(v) => setCount(i, f.key, v)}
                />
              ))}
            </View>
          )
        })}
    </View>
  )
}
