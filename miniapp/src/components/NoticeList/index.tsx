import { View, Text } from '@tarojs/components'
import './index.scss'

interface Props {
  items: { code: string; message: string }[]
  tone: 'danger' | 'warning' | 'info'
  empty?: string
}

/** Reasons, triggers and warnings as the server words them, one per line with a coloured marker. */
export function NoticeList({ items, tone, empty }: Props) {
  if (items.length === 0) return empty ? <Text className='notice-empty'>{empty}</Text> : null
  return (
    <View className='notices'>
      {items.map((item) => (
        <View key={`${item.code}-${item.message}`} className={`notice notice--${tone}`}>
          <View className='notice__marker' />
          <Text className='notice__text'>{item.message}</Text>
        </View>
      ))}
    </View>
  )
}
