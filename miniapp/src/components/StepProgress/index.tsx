import { View, Text } from '@tarojs/components'
import './index.scss'

interface Props {
  current: number
  titles: string[]
  /** One line under the title: what the step is for. */
  hint?: string
  onJump?: (index: number) => void
}

/** Where the owner is in the form: "第 3 / 7 步" with a dot per step that can be tapped to go back. */
export function StepProgress({ current, titles, hint, onJump }: Props) {
  return (
    <View className='steps'>
      <View className='steps__line'>
        <Text className='steps__count'>
          第 {current + 1} / {titles.length} 步
        </Text>
        <Text className='steps__title'>{titles[current]}</Text>
      </View>
      {hint && <Text className='steps__hint'>{hint}</Text>}
      <View className='steps__dots'>
        {titles.map((t, i) => (
          <View
            key={t}
            aria-label={t}
            className={`steps__dot ${i < current ? 'steps__dot--done' : ''} ${i === current ? 'steps__dot--on' : ''}`}
            onClick={() => onJump?.(i)}
          />
        ))}
      </View>
    </View>
  )
}
