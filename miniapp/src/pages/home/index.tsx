import { Picker, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { listNotices } from '../../api'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { PageShell } from '../../components/PageShell'
import { evaluationDeadline, formatDate } from '../../form/calendar'
import { REGION_OPTIONS, needsLocalRegistration } from '../../form/region'
import { progressOf } from '../../form/steps'
import { hasAnswers, resetDraft, updateDraft, useDraft } from '../../store/draft'
import { PAGES, openWithConsent } from '../../store/navigate'
import { getToken } from '../../store/session'
import './index.scss'

const JOURNEY = [
  { title: '回答几个是非题', text: '基本条件与直通车条件' },
  { title: '上传报表', text: '资产负债表、利润表、A107012、职工人数统计表，数字自动填好' },
  { title: '补充与核对', text: '只问报表里没有的，问题一目了然' },
  { title: '查看并转发结果', text: '得分、差距与 PDF 报告，约 5 分钟' },
]

export default function Home() {
  const draft = useDraft()
  const deadline = evaluationDeadline(draft.region)
  const regionIndex = Math.max(0, REGION_OPTIONS.findIndex((r) => r.id === draft.region))
  const started = hasAnswers(draft)
  const progress = progressOf(draft, needsLocalRegistration(draft.region))
  const finished = progress.done === progress.total
  const [unread, setUnread] = useState(0)

  // Only a logged-in owner has notices; nothing is sent before consent.
  useDidShow(() => {
    if (!getToken()) return setUnread(0)
    listNotices()
      .then((r) => setUnread(r.unread))
      .catch(() => setUnread(0))
  })

  return (
    <PageShell home>
      <View className='hero'>
        <Text className='hero__title'>科技型中小企业评价自测</Text>
        <Text className='hero__subtitle'>回答几个问题，看看能否入库、还差什么</Text>
        <View className='deadline'>
          <Picker
            mode='selector'
            range={REGION_OPTIONS.map((r) => r.name)}
            value={regionIndex}
            onChange={(e) => updateDraft((d) => ({ ...d, region: REGION_OPTIONS[Number(e.detail.value)]!.id }))}
          >
            <View className='deadline__region'>
              <Text>所在地区：{REGION_OPTIONS[regionIndex]!.name}</Text>
              <Text className='deadline__switch'>切换 ›</Text>
            </View>
          </Picker>
          {deadline ? (
            <View className='deadline__body'>
              <View className='deadline__days'>
                <Text className='deadline__number'>{deadline.daysLeft}</Text>
                <Text className='deadline__unit'>天</Text>
              </View>
              <View className='deadline__text'>
                <Text className='deadline__label'>
                  距 {deadline.year} 年评价系统关闭{deadline.estimated ? '（预计）' : ''}
                </Text>
                <Text className='deadline__date'>
                  {formatDate(deadline.date)}
                  {deadline.estimated ? ' · 以当年通知为准' : ''}
                </Text>
              </View>
            </View>
          ) : (
            <Text className='deadline__label'>本地区评价日期待通知发布</Text>
          )}
        </View>
      </View>

      <Card className='home-start'>
        {started ? (
          <>
            <Text className='home-start__title'>{finished ? '自测已填完' : '继续上次的自测'}</Text>
            <Text className='home-start__text'>
              {finished ? '答案已保存，可随时查看结果或修改' : `已完成 ${progress.done} / ${progress.total} 步，答案已自动保存`}
            </Text>
            <ActionButton onClick={() => openWithConsent(finished ? PAGES.result : PAGES.questions)}>
              {finished ? '查看结果' : '继续自测'}
            </ActionButton>
            <View className='home-start__more'>
              <ActionButton kind='text' block={false} onClick={() => openWithConsent(finished ? PAGES.questions : PAGES.result)}>
                {finished ? '修改答案' : '查看结果'}
              </ActionButton>
              <ActionButton
                kind='text'
                block={false}
                onClick={() => {
                  resetDraft()
                  openWithConsent(PAGES.questions)
                }}
              >
                重新开始
              </ActionButton>
            </View>
          </>
        ) : (
          <>
            <Text className='home-start__title'>开始一次自测</Text>
            <Text className='home-start__text'>先答几个是非题，再上传报表，数字自动填好；数据仅用于本次评估</Text>
            <ActionButton onClick={() => openWithConsent(PAGES.questions)}>开始自测</ActionButton>
          </>
        )}
      </Card>

      <Card title='四步完成，约 5 分钟'>
        <View className='journey'>
          {JOURNEY.map((j, i) => (
            <View className='journey__item' key={j.title}>
              <Text className='journey__index'>{i + 1}</Text>
              <View className='journey__body'>
                <Text className='journey__title'>{j.title}</Text>
                <Text className='journey__text'>{j.text}</Text>
              </View>
            </View>
          ))}
        </View>
      </Card>

      <View className='home-links'>
        <View className='home-links__item' onClick={() => openWithConsent(PAGES.reminders)}>
          <View className='home-links__line'>
            <Text className='home-links__title'>截止提醒</Text>
            {unread > 0 && <Text className='home-links__badge'>{unread}</Text>}
          </View>
          <Text className='home-links__text'>订阅与管理</Text>
        </View>
        <View className='home-links__item' onClick={() => openWithConsent(PAGES.account)}>
          <Text className='home-links__title'>我的数据</Text>
          <Text className='home-links__text'>隐私与删除</Text>
        </View>
      </View>
    </PageShell>
  )
}
