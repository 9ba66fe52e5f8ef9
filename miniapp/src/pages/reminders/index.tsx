import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { PageShell } from '../../components/PageShell'
import { Tag } from '../../components/Tag'
import { ApiError, cancelReminder, listReminders, recordConsents, reminderTemplates, type Reminder } from '../../api'
import { evaluationDeadline, formatDate } from '../../form/calendar'
import { useDraft } from '../../store/draft'
import { askSubscribe } from '../../reminders/askSubscribe'
import './index.scss'

/**
 * Reminders of the evaluation deadlines. WeChat's consent is one-time per message, so the subscribe
 * button is offered again on every visit; each tap asks WeChat, then tells the server what was granted.
 */
export default function Reminders() {
  const draft = useDraft()
  const deadline = evaluationDeadline(draft.region)
  const [reminders, setReminders] = useState<Reminder[] | null>(null)
  const [templates, setTemplates] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  const refresh = () =>
    listReminders()
      .then((r) => setReminders(r.reminders))
      .catch(() => setReminders([]))

  useDidShow(() => {
    void refresh()
    // Fetched ahead so the tap can ask WeChat at once (the consent dialog must open from the tap itself).
    reminderTemplates()
      .then((t) => setTemplates(t.templateIds))
      .catch(() => setTemplates([]))
  })

  const subscribe = async () => {
    setBusy(true)
    setMessage('')
    try {
      const accepted = await askSubscribe(templates)
      if (!accepted.length) {
        setMessage('您没有允许发送提醒，可随时再次订阅。')
        return
      }
      const r = await recordConsents(accepted, draft.region)
      setReminders(r.reminders)
      Taro.showToast({ title: '订阅成功', icon: 'success' })
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '订阅失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const cancel = async (id: string) => {
    try {
      await cancelReminder(id)
      await refresh()
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '取消失败', icon: 'none' })
    }
  }

  const upcoming = (reminders ?? []).filter((r) => r.status !== 'cancelled' && r.status !== 'sent')

  return (
    <PageShell>
      <View className='reminders__intro'>
        <Text className='reminders__title'>截止提醒</Text>
        {deadline && (
          <Text className='reminders__lead'>
            {deadline.regionName} {deadline.year} 年评价系统{deadline.estimated ? '预计' : ''}于 {formatDate(deadline.date)} 关闭，还有 {deadline.daysLeft} 天。
          </Text>
        )}
      </View>

      <Card title='订阅提醒' hint='微信每次授权只发送一条提醒，收到后可再次订阅'>
        <ActionButton onClick={subscribe} loading={busy}>
          订阅截止提醒
        </ActionButton>
        {message && <Text className='reminders__message'>{message}</Text>}
      </Card>

      <Card title='即将发送的提醒'>
        {reminders === null && <Text className='muted'>正在读取…</Text>}
        {reminders !== null && upcoming.length === 0 && <Text className='muted'>还没有订阅提醒。</Text>}
        {upcoming.map((r) => (
          <View key={r.id} className='reminder'>
            <View className='reminder__body'>
              <Text className='reminder__title'>{r.title}</Text>
              <Text className='reminder__date'>
                截止 {formatDate(r.date)}
                {r.sendAt ? ` · ${formatDate(r.sendAt.slice(0, 10))} 提醒` : ''}
              </Text>
            </View>
            <View className='reminder__side'>
              <Tag tone='info'>已订阅</Tag>
              <Text className='reminder__cancel' onClick={() => cancel(r.id)}>
                取消
              </Text>
            </View>
          </View>
        ))}
      </Card>
    </PageShell>
  )
}
