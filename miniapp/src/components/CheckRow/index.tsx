import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  /** true ✓, false ✗, undefined a plain checklist box. */
  met?: boolean
  /** Not meeting it is no failure (a 直通车 condition): shown as — rather than ✗. */
  optional?: boolean
  note?: string
}

/** A condition with ✓/✗ (or — when optional), or a checklist line with an empty box. */
export function CheckRow({ label, met, optional, note }: Props) {
  const state = met === undefined ? 'todo' : met ? 'met' : optional ? 'absent' : 'unmet'
  const mark = { met: '✓', unmet: '✗', absent: '—', todo: '' }[state]
  return (
    <View className='check-row'>
      <View className={`check-row__mark check-row__mark--${state}`}>{mark}</View>
      <View className='check-row__body'>
        <Text className={`check-row__label check-row__label--${state}`}>{label}</Text>
        {note && <Text className='check-row__note'>{note}</Text>}
      </View>
    </View>
  )
}
