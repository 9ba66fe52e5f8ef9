import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { CheckRow } from '../../components/CheckRow'
import { ExplanationText } from '../../components/ExplanationText'
import { NoticeList, findingItems } from '../../components/NoticeList'
import { PageShell } from '../../components/PageShell'
import { ScoreHeader } from '../../components/ScoreHeader'
import { Tag } from '../../components/Tag'
import { ApiError, type ValidationIssue } from '../../api'
import { stepOfPath } from '../../form/steps'
import { getDraft } from '../../store/draft'
import { PAGES } from '../../store/navigate'
import { ROUTE_TEXT, scoringFor } from '../../result/labels'
import { MissingAnswers, loadResult, type ResultView } from '../../result/loadResult'
import { DEFAULT_MATERIALS } from '../../result/materials'
import { forwardReport } from '../../result/report'
import { withoutListedFindings } from '../../result/explanation'
import { GapsCard } from './parts/GapsCard'
import { ScoreCard } from './parts/ScoreCard'
import './index.scss'

const GROUP_TITLES = { basic: '基本条件', direct: '直通车条件', other: '其他条件' } as const

/** Links to what comes after the result (the 梯度培育 page adds its own line here). */
const NEXT_LINKS: { title: string; text: string; url: string }[] = [
  { title: '更高一级', text: '创新型、专精特新、小巨人：您在哪一级，下一级还差什么', url: PAGES.ladder },
  { title: '截止提醒', text: '按所在地区的截止日期提醒您', url: PAGES.reminders },
]

/**
 * 自评结果 laid out like the official table, with every finding in view right under the verdict, the PDF
 * report to forward and the share card; then the indicators, reasons, conditions, gaps and explanation.
 */
export default function Result() {
  const [view, setView] = useState<ResultView | null>(null)
  const [error, setError] = useState('')
  const [missing, setMissing] = useState<MissingAnswers['questions']>([])
  const [issues, setIssues] = useState<ValidationIssue[]>([])
  const [sending, setSending] = useState(false)
  const shared = useRef<ResultView | null>(null)

  // Recomputed on every visit: the answers may have changed since the last one.
  useDidShow(() => {
    loadResult(getDraft())
      .then((v) => {
        shared.current = v
        setView(v)
      })
      .catch((e) => {
        if (e instanceof MissingAnswers) setMissing(e.questions)
        if (e instanceof ApiError) setIssues(e.issues)
        setError(e instanceof ApiError || e instanceof MissingAnswers ? e.message : '暂时无法计算结果，请稍后重试')
      })
  })

  // The card a forwarded result shows in a chat: the verdict in its title, opening the mini-program.
  useShareAppMessage(() => {
    const r = shared.current?.result
    return {
      title: r ? `科技型中小企业自评：${r.total} 分，${r.qualified ? '符合条件' : '暂不符合'}` : '科技型中小企业评价自测',
      path: PAGES.home,
    }
  })

  const send = async () => {
    if (!view) return
    setSending(true)
    try {
      await forwardReport(view.precheckId, view.result.evaluationYear)
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '报告生成失败，请稍后重试', icon: 'none' })
    } finally {
      setSending(false)
    }
  }

  if (!view) {
    const firstPath = missing[0]?.path ?? issues[0]?.path
    return (
      <PageShell>
        <View className='result__loading'>
          <Text>{error || '正在计算评价结果…'}</Text>
          {(missing.length > 0 || issues.length > 0) && (
            <Card className='result__missing'>
              {missing.map((q) => (
                <CheckRow key={`${q.path}-${q.question}`} label={q.question} note={q.section} />
              ))}
              <NoticeList tone='danger' items={issues} />
            </Card>
          )}
          {error && (
            <ActionButton
              kind={missing.length || issues.length ? 'primary' : 'secondary'}
              onClick={() => Taro.redirectTo({ url: `${PAGES.questions}${firstPath ? `?step=${stepOfPath(firstPath)}` : ''}` })}
            >
              {missing.length ? '去回答' : '返回修改答案'}
            </ActionButton>
          )}
        </View>
      </PageShell>
    )
  }

  const r = view.result
  const groups = (['basic', 'direct', 'other'] as const).map((g) => ({ g, items: r.conditions.filter((c) => c.group === g) }))
  const weapp = process.env.TARO_ENV === 'weapp'

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
            <ActionButton loading={sending} onClick={send}>
              {weapp ? '发送 PDF 报告' : '下载 PDF 报告'}
            </ActionButton>
          </View>
        </>
      }
    >
      <ScoreHeader
        qualified={r.qualified}
        total={r.total}
        passMark={scoringFor(r.evaluationYear).passMark}
        route={r.route}
        routeText={r.route ? ROUTE_TEXT[r.route] : undefined}
        alerts={view.findings.length}
      />

      <Card title={`需要处理的问题（${view.findings.length}）`} className='result__findings'>
        <NoticeList tone='warning' items={findingItems(view.findings)} empty='未发现需要处理的问题。' />
      </Card>

      <ScoreCard r={r} />

      <Card title='企业不符合原因'>
        <NoticeList tone='danger' items={r.reasons} empty='无，各项条件均符合。' />
      </Card>

      {view.gaps && <GapsCard gaps={view.gaps} />}

      {groups.map(({ g, items }) =>
        items.length ? (
          <Card key={g} title={GROUP_TITLES[g]}>
            {items.map((c) => (
              <CheckRow key={c.code} label={c.label} met={c.met} optional={g === 'direct'} />
            ))}
          </Card>
        ) : null,
      )}

      {weapp && (
        <Card title='转发给会计' hint='PDF 报告含评分表、不符合原因、需处理的问题、差距与数据来源'>
          <Button className='result__share' openType='share'>
            分享结果卡片
          </Button>
        </Card>
      )}

      {view.explanation && (
        <Card title='结果说明' hint='需要处理的问题已全部列在上方' extra={<Tag tone='neutral'>{view.explanation.source === 'llm' ? 'AI 撰写，已核对' : '标准说明'}</Tag>}>
          <ExplanationText text={withoutListedFindings(view.explanation.text)} />
        </Card>
      )}

      <Card title='申报材料清单' hint='正式申报时在评价系统中上传'>
        {DEFAULT_MATERIALS.map((m) => (
          <CheckRow key={m.name} label={m.name} note={[m.note, m.limit].filter(Boolean).join(' · ')} />
        ))}
      </Card>

      <Card title='下一步'>
        {NEXT_LINKS.map((l) => (
          <View key={l.url} className='result__link' role='link' onClick={() => Taro.navigateTo({ url: l.url })}>
            <Text className='result__link-title'>{l.title}</Text>
            <Text className='result__link-text'>{l.text} ›</Text>
          </View>
        ))}
      </Card>
    </PageShell>
  )
}
