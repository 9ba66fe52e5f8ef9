import { Text, View } from '@tarojs/components'
import { NumberField } from '../../../components/NumberField'
import { annualAverages, quarterAverages } from '../../../form/live'
import type { QuarterKey } from '../../../form/draft'
import type { StepProps } from './types'

const QUARTER_FIELDS: { key: QuarterKey; label: string }[] = [
  { key: 'startEmployees', label: '季初职工总数' },
  { key: 'endEmployees', label: '季末职工总数' },
  { key: 'startTech', label: '季初科技人员数' },
  { key: 'endTech', label: '季末科技人员数' },
]

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度']

/** Staff by quarter; 季平均数 and 全年季平均数 update as the owner types (rules.md §4). */
export function StaffStep({ draft, update }: StepProps) {
  const annual = annualAverages(draft.quarters)
  const setCount = (quarter: number, key: QuarterKey, value: string) =>
    update((d) => ({ ...d, quarters: d.quarters.map((q, i) => (i === quarter ? { ...q, [key]: value } : q)) }))

  return (
    <View>
      <View className='live-summary' aria-live='polite'>
        <View className='live-summary__item'>
          <Text className='live-summary__label'>职工总数（全年季平均）</Text>
          <Text className='live-summary__value'>{annual ? annual.employees : '—'}</Text>
        </View>
        <View className='live-summary__item'>
          <Text className='live-summary__label'>科技人员（全年季平均）</Text>
          <Text className='live-summary__value'>{annual ? annual.techStaff : '—'}</Text>
        </View>
        <View className='live-summary__item'>
          <Text className='live-summary__label'>科技人员占比</Text>
          <Text className='live-summary__value'>{annual?.techShare ? `${annual.techShare}%` : '—'}</Text>
        </View>
      </View>
      {draft.quarters.map((q, i) => {
        const avg = quarterAverages(q)
        return (
          <View key={QUARTER_NAMES[i]} className='quarter'>
            <View className='quarter__head'>
              <Text className='quarter__title'>{QUARTER_NAMES[i]}</Text>
              <Text className='quarter__avg'>
                {avg ? `季平均 职工 ${avg.employees} · 科技 ${avg.techStaff}` : '填完四项后显示季平均数'}
              </Text>
            </View>
            {QUARTER_FIELDS.map((f) => (
              <NumberField
                key={f.key}
                name={`q${i + 1}-${f.key}`}
                label={f.label}
                unit='人'
                integer
                value={q[f.key]}
                onChange={(v) => setCount(i, f.key, v)}
              />
            ))}
          </View>
        )
      })}
    </View>
  )
}
