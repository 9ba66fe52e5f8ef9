import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { CheckRow } from '../../components/CheckRow'
import { ExplanationText } from '../../components/ExplanationText'
import { IndicatorRow } from '../../components/IndicatorRow'
import { NoticeList } from '../../components/NoticeList'
import { PageShell } from '../../components/PageShell'
import { ScoreHeader } from '../../components/ScoreHeader'
import { Tag } from '../../components/Tag'
import { ApiError } from '../../api'
import { getDraft } from '../../store/draft'
import { PAGES } from '../../store/navigate'
import { ROUTE_TEXT, bandLabel, ipBandLabel, leverText, percent, scoringFor } from '../../result/labels'
import { MissingAnswers, loadResult, type ResultView } from '../../result/loadResult'
import { DEFAULT_MATERIALS } from '../../result/materials'
import './index.scss'

const GROUP_TITLES = { basic: '基本条件', direct: '直通车条件', other: '其他条件' } as const

/** 自评结果 laid out like the official table, then what it means and what to do next. */
export default function Result() {
  const [view, setView] = useState<ResultView | null>(null)
  const [error, setError] = useState('')
  const [missing, setMissing] = useState<MissingAnswers['questions']>([])

  // Recomputed on every visit: the answers may have changed since the last one.
  useDidShow(() => {
    loadResult(getDraft())
      .then(setView)
      .catch((e) => {
        if (e instanceof MissingAnswers) setMissing(e.questions)
        setError(e instanceof ApiError || e instanceof MissingAnswers ? e.message : '暂时无法计算结果，请稍后重试')
      })
  })

  if (!view) {
    return (
      <PageShell>
        <View className='result__loading'>
          <Text>{error || '正在计算评价结果…'}</Text>
          {missing.length > 0 && (
            <Card className='result__missing'>
              {missing.map((q) => (
                <CheckRow key={q.path} label={q.question} note={q.section} />
              ))}
            </Card>
          )}
          {error && (
            <ActionButton kind='secondary' onClick={() => Taro.redirectTo({ url: PAGES.questions })}>
              {missing.length ? '去回答' : '返回修改答案'}
            </ActionButton>
          )}
        </View>
      </PageShell>
    )
  }

  const r = view.result
  const scoring = scoringFor(r.evaluationYear)
  const groups = (['basic', 'direct', 'other'] as const).map((g) => ({ g, items: r.conditions.filter((c) => c.group === g) }))

  return (
    <PageShell
      footer={
        <>
          <View className='result__edit'>
            <ActionButton kind='secondary' onClick={() => Taro.redirectTo({ url: PAGES.questions })}>
              修改答案
            </ActionButton>
          </View>
          <View className='result__remind'>
            <ActionButton onClick={() => Taro.navigateTo({ url: PAGES.reminders })}>订阅截止提醒</ActionButton>
          </View>
        </>
      }
    >
      <ScoreHeader qualified={r.qualified} total={r.total} passMark={scoring.passMark} route={r.route} routeText={r.route ? ROUTE_TEXT[r.route] : undefined} />

      <Card title='评价指标得分' hint={`${r.evaluationYear} 年度评价 · 依据上一会计年度数据`}>
        <IndicatorRow
          name='科技人员'
          measure={`占比 ${percent(r.ratios.techStaff)}（${r.derived.techStaff} / ${r.derived.employees} 人）`}
          band={bandLabel(scoring.techStaffBands, r.scores.techStaff)}
          points={r.scores.techStaff}
          max={20}
        />
        <IndicatorRow
          name='研发投入'
          measure={`研发费用总额 ${r.derived.rdTotal} 万元`}
          band={r.scores.rdBySales !== null && r.scores.rdBySales >= (r.scores.rdByCost ?? -1) ? `占销售收入 ${bandLabel(scoring.rdBySalesBands, r.scores.rdBySales)}` : `占成本费用 ${bandLabel(scoring.rdByCostBands, r.scores.rdByCost)}`}
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

      <Card title='企业不符合原因'>
        <NoticeList tone='danger' items={r.reasons} empty='无，各项条件均符合。' />
      </Card>

      {groups.map(({ g, items }) =>
        items.length ? (
          <Card key={g} title={GROUP_TITLES[g]}>
            {items.map((c) => (
              <CheckRow key={c.code} label={c.label} met={c.met} optional={g === 'direct'} />
            ))}
          </Card>
        ) : null,
      )}

      {view.explanation && (
        <Card title='结果说明' extra={<Tag tone='neutral'>{view.explanation.source === 'llm' ? 'AI 撰写，已核对' : '标准说明'}</Tag>}>
          <ExplanationText text={view.explanation.text} />
        </Card>
      )}

      {view.gaps && (view.gaps.levers.length > 0 || view.gaps.notByNumbers.length > 0) && (
        <Card title='怎样才能符合' hint='以下任意一项单独做到，即可达到评分要求'>
          {view.gaps.levers.map((l) => (
            <View key={l.lever} className='result__lever'>
              <Text className='result__lever-text'>{leverText(l)}</Text>
              {l.totalAfter !== undefined && <Text className='result__lever-after'>做到后约 {l.totalAfter} 分</Text>}
            </View>
          ))}
          {view.gaps.cheapest && (
            <Text className='result__cheapest'>
              最省的做法：{view.gaps.cheapest.levers.map(leverText).join('，并')}，预计投入约 {view.gaps.cheapest.estimatedCostWan} 万元（{view.gaps.cheapest.basis}）
            </Text>
          )}
          {view.gaps.notByNumbers.length > 0 && (
            <Text className='result__not-numbers'>
              另有 {view.gaps.notByNumbers.length} 项条件无法靠增加数字解决，请对照上方“企业不符合原因”处理。
            </Text>
          )}
        </Card>
      )}

      <Card title='可能触发现场核查' hint='出现以下情况时，审核部门会到企业现场核实'>
        <NoticeList tone='warning' items={r.onSiteCheck} empty='未发现触发现场核查的情形。' />
      </Card>

      {view.review.length > 0 && (
        <Card title='审核时会重点关注' hint='评审会比对这些情况，请提前准备好说明'>
          <NoticeList tone='warning' items={view.review} />
        </Card>
      )}

      {r.warnings.length > 0 && (
        <Card title='提醒'>
          <NoticeList tone='info' items={r.warnings} />
        </Card>
      )}

      <Card title='申报材料清单' hint='正式申报时在评价系统中上传'>
        {DEFAULT_MATERIALS.map((m) => (
          <CheckRow key={m.name} label={m.name} note={[m.note, m.limit].filter(Boolean).join(' · ')} />
        ))}
      </Card>
    </PageShell>
  )
}
