import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { PageIntro } from '../../components/PageIntro'
import { PageShell } from '../../components/PageShell'
import { ApiError } from '../../api'
import { ensureLoggedIn } from '../../store/auth'
import { PAGES } from '../../store/navigate'
import { giveConsent } from '../../store/session'
import './index.scss'

const TERMS = [
  { title: '我们收集什么', text: '您填写的评价数据、上传的报表文件，以及用于登录的微信标识（openid）。不收集手机号、通讯录或位置。' },
  { title: '用来做什么', text: '只用于计算评价结果、核对报表数字、生成说明，以及按您的订阅发送截止提醒。' },
  { title: '保存多久', text: '保存到您删除为止。您可以随时在“我的数据”中一键删除全部数据。' },
  { title: '谁能看到', text: '只有您本人。报表仅在服务器上读取，不会提供给第三方。' },
]

/** Consent before login: nothing is sent and wx.login is not called until the owner agrees here. */
export default function Privacy() {
  const { params } = useRouter()
  const next = params.next ? decodeURIComponent(params.next) : PAGES.questions
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const agree = async () => {
    setBusy(true)
    setError('')
    try {
      giveConsent()
      await ensureLoggedIn()
      Taro.redirectTo({ url: next })
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell
      footer={
        <>
          <View className='privacy__decline'>
            <ActionButton kind='secondary' onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: PAGES.home }))}>
              暂不同意
            </ActionButton>
          </View>
          <View className='privacy__agree'>
            <ActionButton loading={busy} onClick={agree}>
              同意并继续
            </ActionButton>
          </View>
        </>
      }
    >
      <PageIntro title='使用前，请了解我们如何处理您的数据'>点击“同意并继续”后才会登录并保存数据。</PageIntro>
      <Card>
        {TERMS.map((t) => (
          <View key={t.title} className='privacy__term'>
            <Text className='privacy__term-title'>{t.title}</Text>
            <Text className='privacy__term-text'>{t.text}</Text>
          </View>
        ))}
      </Card>
      {error && <Text className='privacy__error'>{error}</Text>}
    </PageShell>
  )
}
