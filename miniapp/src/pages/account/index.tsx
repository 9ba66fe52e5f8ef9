import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { PageIntro } from '../../components/PageIntro'
import { PageShell } from '../../components/PageShell'
import { ApiError, deleteMyData } from '../../api'
import { forgetDraft } from '../../store/draft'
import { PAGES } from '../../store/navigate'
import { clearSession } from '../../store/session'
import './index.scss'

const STORED = ['评价自测的全部答案和结果', '上传的报表文件及读取出的数字', '已订阅的截止提醒', '登录信息（微信 openid）']

/** What the server keeps about the firm, and the one button that deletes all of it. */
export default function Account() {
  const [busy, setBusy] = useState(false)

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除全部数据？',
      content: '答案、报表、结果和提醒将被永久删除，无法恢复。',
      confirmText: '删除',
      confirmColor: '#dc2626',
    })
    if (!confirm) return
    setBusy(true)
    try {
      await deleteMyData()
      forgetDraft()
      clearSession()
      await Taro.showToast({ title: '已删除', icon: 'success' })
      Taro.reLaunch({ url: PAGES.home })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '删除失败，请稍后重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell>
      <PageIntro title='我的数据'>数据只用于您的评价自测和提醒，您可以随时全部删除。</PageIntro>
      <Card title='我们保存的内容'>
        {STORED.map((s) => (
          <View key={s} className='account__item'>
            <Text>{s}</Text>
          </View>
        ))}
      </Card>
      <Card title='删除数据' hint='删除后会退出登录，本机保存的答案也会清除'>
        <ActionButton kind='danger' loading={busy} onClick={remove}>
          删除我的全部数据
        </ActionButton>
      </Card>
    </PageShell>
  )
}
