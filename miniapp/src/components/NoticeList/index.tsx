import { View, Text } from '@tarojs/components'
import './index.scss'

export type NoticeTone = 'danger' | 'warning' | 'info'

interface Props {
  /** Each line may carry its own tone (a pre-check finding); otherwise the list's tone applies. */
  items: { code: string; message: string; tone?: NoticeTone }[]
  tone: NoticeTone
  empty?: string
}

/** Reasons, findings and triggers as the server words them, one per line with a coloured marker. */
export function NoticeList({ items, tone, empty }: Props) {
  if (items.length === 0) return empty ? <Text className='notice-empty'>{empty}</Text> : null
  return (
    <View className='notices' role='list'>
      {items.map((item) => (
        <View key={`${item.code}-${item.message}`} role='listitem' className={`notice notice--${item.tone ?? tone}`}>
          <View className='notice__marker' />
          <Text className='notice__text'>{item.message}</Text>
        </View>
      ))}
    </View>
  )
}

/** A pre-check's findings as the list shows them. */
export const findingItems = (findings: { code: string; text: string; tone: NoticeTone }[] = []) =>
  findings.map((f) => ({ code: f.code, message: f.text, tone: f.tone }))
