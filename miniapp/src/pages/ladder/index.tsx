import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Card } from '../../components/Card'
import { CheckRow } from '../../components/CheckRow'
import { NumberField } from '../../components/NumberField'
import { PageIntro } from '../../components/PageIntro'
import { PageShell } from '../../components/PageShell'
import { Tag, type Tone } from '../../components/Tag'
import { YesNoQuestion } from '../../components/YesNoQuestion'
import { percent } from '@domain/wording.ts'
import type { LadderResult, TitleResult } from '@schemas/ladder.ts'
import { ApiError } from '../../api'
import type { LadderDraft } from '../../form/draft'
import { MissingAnswers, loadResult, type ResultView } from '../../result/loadResult'
import { getDraft, updateDraft, useDraft } from '../../store/draft'
import { STATE_TEXT, missingText, verdictText } from './labels'
import './index.scss'

const RECOMPUTE_MS = 600

const tone = (q: boolean | null): Tone => (q === true ? 'success' : q === false ? 'danger' : 'warning')

/** One rung (专精特新 / 小巨人): each condition with its state, what decides it and the smallest change. */
function TitleCard({ title, t }: { title: string; t: TitleResult }) {
  const open = t.conditions.some((c) => c.state === 'unknown') ? 'answers' : 'platform'
  return (
    <Card title={title} extra={<Tag tone={tone(t.qualified)}>{verdictText(t.qualified, open)}</Tag>} className='ladder__rung'>
      {t.conditions.map((c) => (
        <View key={c.code} className={`ladder__condition ladder__condition--${c.state}`} data-code={c.code} data-state={c.state}>
          <CheckRow
            label={c.label}
            met={c.state === 'met' ? true : c.state === 'unmet' ? false : undefined}
            note={[
              `${STATE_TEXT[c.state]}${c.detail && c.state !== 'platform' ? `：${c.detail}` : ''}`,
              c.gap?.text,
              c.missing?.length ? `待补充：${c.missing.map(missingText).join('、')}` : undefined,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </View>
      ))}
      <Text className='ladder__source'>依据：{t.source.title}{t.source.article ?? ''}</Text>
    </Card>
  )
}

function InnovativeCard({ l }: { l: LadderResult['innovative'] }) {
  const s = l.scores
  const row = (label: string, points: number | null, max: number, ratio?: string | null) => (
    <View className='ladder__score'>
      <Text>{label}{ratio !== undefined ? `（${percent(ratio)}）` : ''}</Text>
      <Text className='ladder__points'>{points ?? '—'} / {max}</Text>
    </View>
  )
  return (
    <Card
      title='创新型中小企业'
      hint={l.route === 'direct' ? '满足直接认定条件' : `评分 ${l.total ?? '—'} 分：60分及以上，且创新能力≥20、成长性≥15、专业化≥15`}
      extra={<Tag tone={tone(l.qualified)}>{verdictText(l.qualified, 'answers')}</Tag>}
      className='ladder__rung'
    >
      <View data-rung='innovative' data-qualified={String(l.qualified)} />
      {row('知识产权', s.ip, 20)}
      {row('研发费用占营业收入比重', s.rdRatio, 20, l.ratios.rdRatio)}
      {row('主营业务收入增长率', s.growth, 20, l.ratios.growth)}
      {row('资产负债率', s.debtRatio, 10, l.ratios.debtRatio)}
      {row('主导产品所属领域', s.field, 10)}
      {row('主营业务收入占营业收入比重', s.mainShare, 20, l.ratios.mainShare)}
      {l.missing.length > 0 && <Text className='ladder__missing'>待补充：{l.missing.map(missingText).join('、')}</Text>}
      {l.gaps.map((g) => (
        <Text key={g.code} className='ladder__gap'>· {g.text}</Text>
      ))}
      <Text className='ladder__source'>依据：{l.source.title}</Text>
    </Card>
  )
}

/** The answers only the ladder needs; blank is "not answered". */
function Questions({ d, set }: { d: LadderDraft; set: (patch: Partial<LadderDraft>) => void }) {
  const num = (key: keyof LadderDraft, label: string, unit: string, integer = false) => (
    <NumberField label={label} unit={unit} integer={integer} optional value={d[key] as string | undefined} onChange={(v) => set({ [key]: v })} name={`ladder-${key}`} />
  )
  const yn = (key: keyof LadderDraft, label: string) => (
    <YesNoQuestion label={label} value={d[key] as boolean | undefined} onChange={(v) => set({ [key]: v })} />
  )
  return (
    <Card title='补充信息' hint='不清楚的可以不填，结果会标明“待补充”'>
      {num('prevRevenue', '前一年营业收入', '万元')}
      {num('prevMainRevenue', '前一年主营业务收入', '万元')}
      {num('prevRd', '前一年研发费用', '万元')}
      {num('totalLiabilities', '负债合计', '万元')}
      {num('ipClass1SelfDeveloped', '自主研发的Ⅰ类知识产权', '件', true)}
      {num('ipClass1HighValue', '其中高价值Ⅰ类知识产权', '件', true)}
      {num('nicheYears', '从事细分市场年限', '年')}
      {yn('leadingProductStrategic', '主导产品是否属于战略性新兴产业或工业“六基”等重点领域')}
      {yn('provincialAward', '近三年是否获得国家级或省级科技奖励')}
      {yn('hnteOrDemo', '是否为高新技术企业、技术创新示范或知识产权示范（优势）企业')}
      {yn('provincialLab', '是否拥有省部级以上研发机构')}
      {yn('equity500', '近三年新增股权融资（合格机构投资者实缴）是否达到500万元')}
      {yn('titleInnovative', '是否已取得创新型中小企业称号')}
      {yn('titleSpecialized', '是否已取得专精特新中小企业称号')}
      {yn('marketShareLeading', '细分市场占有率是否达到10%以上或位列国内前三')}
      {yn('chainKeyLink', '主导产品是否处于产业链关键环节')}
    </Card>
  )
}

/**
 * 更高一级: where the firm stands on 创新型 → 专精特新 → 小巨人 from the same answers as the 科技型 result, with what
 * decides each rung, the smallest changes, "由平台评价" where the platform alone judges, and the source line.
 */
export default function Ladder() {
  const draft = useDraft()
  const [view, setView] = useState<ResultView | null>(null)
  const [error, setError] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout>>()

  const compute = () =>
    loadResult(getDraft())
      .then((v) => {
        setView(v)
        setError('')
      })
      .catch((e) => setError(e instanceof ApiError || e instanceof MissingAnswers ? e.message : '暂时无法计算，请稍后重试'))

  useDidShow(() => void compute())
  useEffect(() => () => clearTimeout(timer.current), [])

  const set = (patch: Partial<LadderDraft>) => {
    updateDraft((d) => ({ ...d, ladder: { ...d.ladder, ...patch } }))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void compute(), RECOMPUTE_MS)
  }

  const l = view?.result.ladder
  const offered = (view?.ladderFigures ?? []).filter((f) => f.used)
  return (
    <PageShell>
      <PageIntro title='更高一级：梯度培育'>
        <Text>科技型 → 创新型 → 专精特新 → 小巨人。按您已填的信息逐级判断，并列出下一级还差什么。</Text>
      </PageIntro>
      {error && <Text className='ladder__error'>{error}</Text>}
      {!l && !error && <Text className='ladder__loading'>正在计算…</Text>}
      {l && (
        <>
          <Card title='科技型中小企业' extra={<Tag tone={view!.result.qualified ? 'success' : 'danger'}>{view!.result.qualified ? '符合' : '不符合'}</Tag>}>
            <Text className='ladder__hint'>{view!.result.qualified ? '本次评价符合条件，视为持有科技型称号（专精特新的入门条件之一）' : '本次评价不符合条件'}</Text>
          </Card>
          <InnovativeCard l={l.innovative} />
          <TitleCard title='专精特新中小企业' t={l.specialized} />
          <TitleCard title='专精特新“小巨人”企业' t={l.littleGiant} />
          {offered.length > 0 && (
            <Card title='已从报表读取' hint='上期（上年）金额一栏'>
              {offered.map((f) => (
                <CheckRow key={f.path} label={`${f.label}：${f.value} 万元`} note={f.origin ? `${f.origin.file} 第 ${f.origin.page} 页 ${f.column}` : f.column} />
              ))}
            </Card>
          )}
          <Card title='称号维护与日期'>
            {l.upkeep.map((u) => (
              <CheckRow key={u.kind} label={`${u.date ? `${u.date} ` : ''}${u.label}`} note={`依据：${u.source.title}${u.source.article ?? ''}${u.certainty === 'provisional' ? '（预计）' : ''}`} />
            ))}
          </Card>
          <Text className='ladder__notice'>{l.notice}</Text>
        </>
      )}
      <Questions d={draft.ladder ?? {}} set={set} />
    </PageShell>
  )
}
