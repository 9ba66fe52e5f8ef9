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
import { evaluationDeadline, formatDate } from '../../form/calendar'
import { useDraft } from '../../store/draft'
import { askSubscribe } from '../../reminders/askSubscribe'
import { groupByDeadline, offsetsText, type DeadlineGroup } from '../../reminders/groups'
import './index.scss'

/**
 * Reminders of the evaluation deadlines, one row per deadline. One tap subscribes to all of the region's
 * deadlines (and, in WeChat, asks the one-time consent per message); the page then says 已订阅. Cancelling a
 * deadline's reminders asks first.
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
      if (r.reminders.length) setSubscribed(true)
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
      Taro.showToast({ title: '已订阅', icon: 'success' })
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : '订阅失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  const cancel = async (g: DeadlineGroup) => {
    const { confirm } = await Taro.showModal({
      title: '取消这项提醒？',
      content: `${g.title}（${formatDate(g.date)}）的 ${g.cancellable.length} 条提醒将不再发送。`,
      confirmText: '取消提醒',
      cancelText: '保留',
      confirmColor: '#dc2626',
    })
    if (!confirm) return
    try {
      for (const r of g.cancellable) await cancelReminder(r.id)
      await refresh()
      Taro.showToast({ title: '已取消', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '取消失败', icon: 'none' })
      await refresh()
    }
  }

  const viaWechat = (consents?.total ?? 0) > 0
  const groups = groupByDeadline(reminders ?? [])
  const weapp = process.env.TARO_ENV === 'weapp'

  return (
    <PageShell>
      <PageIntro title='截止提醒'>
        {deadline &&
          `${deadline.regionName} ${deadline.year} 年评价系统${deadline.estimated ? '预计' : ''}于 ${formatDate(deadline.date)} 关闭，还有 ${deadline.daysLeft} 天。`}
      </PageIntro>

      <Card title='订阅提醒' hint={weapp ? '微信每次授权只能发送一条提醒，可再次授权' : '提醒会出现在“收到的提醒”里'}>
        {subscribed ? (
          <View className='reminders__subscribed'>
            <Tag tone='success'>已订阅</Tag>
            <Text className='reminders__subscribed-text'>会按{deadline?.regionName ?? '所在地区'}的截止日期提醒您</Text>
          </View>
        ) : null}
        {(!subscribed || weapp) && (
          <ActionButton kind={subscribed ? 'secondary' : 'primary'} onClick={subscribe} loading={busy}>
            {subscribed ? '再授权一次微信提醒' : '一键订阅全部截止提醒'}
          </ActionButton>
        )}
        {consents && consents.templateIds.length > 0 && <Text className='reminders__consents'>剩余可发送的微信提醒：{consents.total} 条</Text>}
        {message && <Text className='reminders__message'>{message}</Text>}
      </Card>

      <Card title='已安排的提醒'>
        {reminders === null && <Text className='muted'>正在读取…</Text>}
        {reminders !== null && groups.length === 0 && (
          <Text className='muted'>
            {subscribed
              ? `已订阅。${deadline?.estimated ? `${deadline.year} 年的截止日期发布后，` : ''}会按${deadline?.regionName ?? '所在地区'}的截止日期自动安排提醒。`
              : '还没有提醒，订阅后按所在地区的截止日期安排。'}
          </Text>
        )}
        {groups.map((g) => (
          <View key={g.key} className='reminder'>
            <View className='reminder__body'>
              <Text className='reminder__title'>{g.title}</Text>
              <Text className='reminder__date'>
                截止 {formatDate(g.date)} · {offsetsText(g.offsets)}
              </Text>
              <View className='reminder__tags'>
                <Tag tone='success'>已订阅</Tag>
                <Tag tone='info'>{viaWechat ? '微信提醒' : '站内提醒'}</Tag>
              </View>
            </View>
            {g.cancellable.length > 0 && (
              <View className='reminder__cancel' role='button' aria-label={`取消${g.title}的提醒`} onClick={() => cancel(g)}>
                取消
              </View>
            )}
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
