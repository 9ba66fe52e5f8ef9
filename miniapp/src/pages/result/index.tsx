import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { CheckRow } from '../../components/CheckRow'
import { ExplanationText } from '../../components/ExplanationText'
import { NoticeList } from '../../components/NoticeList'
import { PageShell } from '../../components/PageShell'
import { ScoreHeader } from '../../components/ScoreHeader'
import { Tag } from '../../components/Tag'
import { ApiError } from '../../api'
import { getDraft } from '../../store/draft'
import { PAGES } from '../../store/navigate'
import { ROUTE_TEXT, scoringFor } from '../../result/labels'
import { MissingAnswers, loadResult, type ResultView } from '../../result/loadResult'
import { DEFAULT_MATERIALS } from '../../result/materials'
import { GapsCard } from './parts/GapsCard'
import { ScoreCard } from './parts/ScoreCard'
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
                <CheckRow key={`${q.path}-${q.question}`} label={q.question} note={q.section} />
              ))}
            </Card>
          )}
          {error && (
            <ActionButton kind={missing.length ? 'primary' : 'secondary'} onClick={() => Taro.redirectTo({ url: PAGES.questions })}>
              {missing.length ? '去回答' : '返回修改答案'}
            </ActionButton>
          )}
        </View>
      </PageShell>
    )
  }

  const r = view.result
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
      <ScoreHeader qualified={r.qualified} total={r.total} passMark={scoringFor(r.evaluationYear).passMark} route={r.route} routeText={r.route ? ROUTE_TEXT[r.route] : undefined} />

      <ScoreCard r={r} />

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

      {view.gaps && <GapsCard gaps={view.gaps} />}

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
