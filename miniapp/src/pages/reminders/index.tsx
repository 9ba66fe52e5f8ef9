import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { InboxItem } from '../../components/InboxItem'
import { PageIntro } from '../../components/PageIntro'
import { PageShell } from '../../components/PageShell'
import { Tag } from '../../components/Tag'
import {
  ApiError,
  cancelReminder,
  listNotices,
  listReminders,
  markNoticeRead,
  recordConsents,
  saveFirm,
  type Consents,
  type Notice,
  type Reminder,
} from '../../api'
import { evaluationDeadline, formatChinaDay, formatDate } from '../../form/calendar'
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
  const [consents, setConsents] = useState<Consents | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const [subscribed, setSubscribed] = useState(false)
  const [notices, setNotices] = useState<Notice[]>([])

  const refresh = async () => {
    try {
      const r = await listReminders()
      setReminders(r.reminders)
      setConsents(r.consents)
    } catch {
      setReminders([])
    }
  }

  // Also fetches the templates ahead, so a tap can open WeChat's consent dialog at once.
  useDidShow(() => {
    void refresh()
    listNotices()
      .then((r) => setNotices(r.notices))
      .catch(() => setNotices([]))
  })

  const open = (n: Notice) => {
    if (n.read) return
    setNotices((all) => all.map((x) => (x.id === n.id ? { ...x, read: true } : x)))
    markNoticeRead(n.id).catch(() => undefined)
  }

  const subscribe = async () => {
    setBusy(true)
    setMessage('')
    try {
      const accepted = await askSubscribe(consents?.templateIds ?? [])
      if (accepted.length) setConsents(await recordConsents(accepted))
      // The firm's region decides which deadlines are planned.
      await saveFirm(draft.region)
      await refresh()
      setSubscribed(true)
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

  const viaWechat = (consents?.total ?? 0) > 0

  return (
    <PageShell>
      <PageIntro title='截止提醒'>
        {deadline &&
          `${deadline.regionName} ${deadline.year} 年评价系统${deadline.estimated ? '预计' : ''}于 ${formatDate(deadline.date)} 关闭，还有 ${deadline.daysLeft} 天。`}
      </PageIntro>

      <Card title='订阅提醒' hint='微信每次授权只能发送一条提醒，下次进入时可再次订阅'>
        <ActionButton onClick={subscribe} loading={busy}>
          订阅截止提醒
        </ActionButton>
        {consents && consents.templateIds.length > 0 && (
          <Text className='reminders__consents'>剩余可发送的微信提醒：{consents.total} 条</Text>
        )}
        {message && <Text className='reminders__message'>{message}</Text>}
      </Card>

      <Card title='即将发送的提醒'>
        {reminders === null && <Text className='muted'>正在读取…</Text>}
        {reminders !== null && reminders.length === 0 && (
          <Text className='muted'>
            {subscribed
              ? `已订阅。${deadline?.estimated ? `${deadline.year} 年的截止日期发布后，` : ''}会按${deadline?.regionName ?? '所在地区'}的截止日期自动安排提醒。`
              : '还没有提醒，订阅后按所在地区的截止日期安排。'}
          </Text>
        )}
        {(reminders ?? []).map((r) => (
          <View key={r.id} className='reminder'>
            <View className='reminder__body'>
              <Text className='reminder__title'>{r.title}</Text>
              <Text className='reminder__date'>
                截止 {formatDate(r.date)} · {formatChinaDay(r.sendAt)} 提醒
              </Text>
            </View>
            <View className='reminder__side'>
              <Tag tone='info'>{viaWechat ? '微信提醒' : '站内提醒'}</Tag>
              {r.status === 'scheduled' && (
                <Text className='reminder__cancel' onClick={() => cancel(r.id)}>
                  取消
                </Text>
              )}
            </View>
          </View>
        ))}
      </Card>

      {notices.length > 0 && (
        <Card title='收到的提醒'>
          {notices.map((n) => (
            <InboxItem key={n.id} notice={n} onOpen={open} />
          ))}
        </Card>
      )}
    </PageShell>
  )
}
