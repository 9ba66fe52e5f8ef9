import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { IndicatorRow } from '../../../components/IndicatorRow'
import type { AssessmentResult } from '../../../api'
import { bandLabel, ipBandLabel, percent, rdBandLabel, scoringFor } from '../../../result/labels'
import { people, peopleText, wanText } from '@domain/wording.ts'

/** The 评价指标 part of the 自评结果: each indicator with its measure, band and points, and the total. */
export function ScoreCard({ r }: { r: AssessmentResult }) {
  const scoring = scoringFor(r.evaluationYear)
  return (
    <Card title='评价指标得分' hint={`${r.evaluationYear} 年度评价 · 依据上一会计年度数据`}>
      <IndicatorRow
        name='科技人员'
        measure={`占比 ${percent(r.ratios.techStaff)}（${people(r.derived.techStaff)} / ${peopleText(r.derived.employees)}）`}
        band={bandLabel(scoring.techStaffBands, r.scores.techStaff)}
        points={r.scores.techStaff}
        max={20}
      />
      <IndicatorRow
        name='研发投入'
        measure={`研发费用总额 ${wanText(r.derived.rdTotal)}`}
        band={rdBandLabel(scoring, r.scores)}
        points={r.scores.rd}
        max={50}
        note={`占销售收入 ${percent(r.ratios.rdBySales)}（${r.scores.rdBySales ?? '—'} 分）· 占成本费用支出 ${percent(r.ratios.rdByCost)}（${r.scores.rdByCost ?? '—'} 分），取较高者`}
      />
      <IndicatorRow
        name='科技成果'
        measure={`Ⅰ类 ${r.derived.ipClass1} 项 · Ⅱ类 ${r.derived.ipClass2} 项`}
        band={ipBandLabel(scoring.ipClass2Bands, r.derived.ipClass1, r.scores.ip)}
        points={r.scores.ip}
        max={30}
      />
      <View className='result__total'>
        <Text>合计</Text>
        <Text className='result__total-value'>{r.total} 分</Text>
      </View>
    </Card>
  )
}
