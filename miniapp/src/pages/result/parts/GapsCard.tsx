import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import type { Gaps } from '../../../api'
import { leverText } from '../../../result/labels'
import { grouped } from '@domain/wording.ts'

/** The smallest single changes that would qualify, the cheapest way there, and what no figure can fix. */
export function GapsCard({ gaps }: { gaps: Gaps }) {
  if (!gaps.levers.length && !gaps.notByNumbers.length) return null
  return (
    <Card title='怎样才能符合' hint={gaps.levers.length ? '以下任意一项单独做到，即可达到评分要求' : undefined}>
      {gaps.levers.map((l) => (
        <View key={l.lever} className='result__lever'>
          <Text className='result__lever-text'>{leverText(l)}</Text>
          {l.totalAfter !== undefined && <Text className='result__lever-after'>做到后约 {l.totalAfter} 分</Text>}
        </View>
      ))}
      {gaps.cheapest && (
        <Text className='result__cheapest'>
          最省的做法：{gaps.cheapest.levers.map(leverText).join('，并')}，预计投入约 {grouped(gaps.cheapest.estimatedCostWan)} 万元（{gaps.cheapest.basis}）
        </Text>
      )}
      {gaps.notByNumbers.length > 0 && (
        <Text className='result__not-numbers'>
          另有 {gaps.notByNumbers.length} 项条件无法靠增加数字解决，请对照上方“企业不符合原因”处理。
        </Text>
      )}
    </Card>
  )
}
