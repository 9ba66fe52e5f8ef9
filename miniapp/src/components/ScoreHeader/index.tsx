import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  qualified: boolean
  total: number
  passMark: number
  route: string | null
  routeText?: string
  /** Findings the owner must still deal with: a green 符合 never hides them. */
  alerts?: number
}

/** The verdict at the top of the result: 符合 / 暂不符合, the total against the pass mark, and the route. */
export function ScoreHeader({ qualified, total, passMark, route, routeText, alerts = 0 }: Props) {
  return (
    <View className={`score-header ${qualified ? 'score-header--pass' : 'score-header--fail'}`}>
      <View className='score-header__dial'>
        <Text className='score-header__total'>{total}</Text>
        <Text className='score-header__unit'>分</Text>
      </View>
      <View className='score-header__body'>
        <Text className='score-header__verdict'>{qualified ? '符合科技型中小企业条件' : '暂不符合评价条件'}</Text>
        <Text className='score-header__detail'>
          {route === 'direct'
            ? '满足直通车条件，可不经打分入库'
            : route === 'score'
              ? `综合得分 ${total} 分，${passMark} 分及以上且科技人员指标不为 0 分为符合`
              : '有基本条件不符合，未进入评分'}
        </Text>
        {routeText && <Text className='score-header__route'>评价方式：{routeText}</Text>}
        {alerts > 0 && <Text className='score-header__alerts'>另有 {alerts} 个问题需要处理，见下方</Text>}
      </View>
    </View>
  )
}
