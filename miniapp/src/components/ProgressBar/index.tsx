import { View } from '@tarojs/components'
import './index.scss'

/** A thin bar for upload and reading progress (0–100). */
export function ProgressBar({ percent }: { percent: number }) {
  const width = Math.max(0, Math.min(100, Math.round(percent)))
  return (
    <View className='progress' role='progressbar' aria-valuenow={width}>
      <View className='progress__fill' style={{ width: `${width}%` }} />
    </View>
  )
}
