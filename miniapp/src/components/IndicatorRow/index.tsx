import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  name: string
  /** What was measured, e.g. "科技人员占比 28.12%". */
  measure: string
  band: string
  points: number | null
  max: number
  note?: string
}

/** One 评价指标 line of the 自评结果: the measure, the band it fell in and the points out of the maximum. */
export function IndicatorRow({ name, measure, band, points, max, note }: Props) {
  const share = points === null ? 0 : Math.round((points / max) * 100)
  return (
    <View className='indicator'>
      <View className='indicator__head'>
        <Text className='indicator__name'>{name}</Text>
        <Text className='indicator__points'>
          <Text className='indicator__score'>{points ?? '—'}</Text> / {max} 分
        </Text>
      </View>
      <View className='indicator__bar'>
        <View className='indicator__fill' style={{ width: `${share}%` }} />
      </View>
      <View className='indicator__foot'>
        <Text>{measure}</Text>
        <Text>区间 {band}</Text>
      </View>
      {note && <Text className='indicator__note'>{note}</Text>}
    </View>
  )
}
