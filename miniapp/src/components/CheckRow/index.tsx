import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  /** true ✓, false ✗, undefined a plain checklist box. */
  met?: boolean
  note?: string
}

/** A condition with ✓/✗, or a checklist line with an empty box. */
export function CheckRow({ label, met, note }: Props) {
  const state = met === undefined ? 'todo' : met ? 'met' : 'unmet'
  return (
    <View className='check-row'>
      <View className={`check-row__mark check-row__mark--${state}`}>{state === 'met' ? '✓' : state === 'unmet' ? '✗' : ''}</View>
      <View className='check-row__body'>
        <Text className={`check-row__label ${state === 'unmet' ? 'check-row__label--unmet' : ''}`}>{label}</Text>
        {note && <Text className='check-row__note'>{note}</Text>}
      </View>
    </View>
  )
}
