import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { FigureConfirm } from '../../components/FigureConfirm'
import { NoticeList } from '../../components/NoticeList'
import { PageIntro } from '../../components/PageIntro'
import { PageShell } from '../../components/PageShell'
import { UploadRow } from '../../components/UploadRow'
import { ApiError, type PrecheckResult, type ReconciledFigure } from '../../api'
import { getDraft, updateDraft } from '../../store/draft'
import { PAGES } from '../../store/navigate'
import { pickFiles, type PickSource } from '../../upload/pickFiles'
import { reconcile } from '../../upload/reconcile'
import { useUploads } from '../../upload/useUploads'
import './index.scss'

const STATEMENTS = [
  { name: '资产负债表', reads: '资产总计、负债合计、所有者权益' },
  { name: '利润表', reads: '营业收入、各项成本费用、利润总额' },
  { name: '研发费用加计扣除优惠明细表（A107012）', reads: '研发项目数、研发费用小计' },
  { name: '职工人数统计表', reads: '职工总数、科技人员数' },
]

/** Statements in, figures out: each read figure is accepted or corrected before the result is shown. */
export default function Upload() {
  const { items, add, busy, readJobs } = useUploads()
  const [figures, setFigures] = useState<ReconciledFigure[] | null>(null)
  const [check, setCheck] = useState<PrecheckResult | null>(null)
  const [values, setValues] = useState<Record<string, string>>({})
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({})
  const [reconciling, setReconciling] = useState(false)

  const choose = async (source: PickSource) => {
    try {
      const files = await pickFiles(source)
      if (files.length) await add(files)
    } catch {
      /* the owner closed the picker */
    }
  }

  const compare = async () => {
    setReconciling(true)
    try {
      const r = await reconcile(getDraft(), readJobs())
      setCheck(r.check)
      setFigures(r.figures)
      setValues(Object.fromEntries(r.figures.map((f) => [f.path, f.extracted ?? f.typed ?? ''])))
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '核对失败，请重试', icon: 'none' })
    } finally {
      setReconciling(false)
    }
  }

  const allConfirmed = figures !== null && figures.every((f) => confirmed[f.path])

  const finish = () => {
    const ids = readJobs().map((j) => j.id)
    // The confirmed figures become the answers: the form shows them if the owner goes back to edit.
    const finance = Object.fromEntries((figures ?? []).map((f) => [f.path.replace(/^finance\./, ''), values[f.path] ?? '']))
    updateDraft((d) => ({ ...d, documentIds: ids, finance: { ...d.finance, ...finance } }))
    Taro.navigateTo({ url: PAGES.result })
  }

  const readCount = items.filter((i) => i.status === 'done').length
  // Differences on figures that are not confirmed below (headcounts, R&D totals) still need to be seen.
  const otherDifferences = (check?.discrepancies ?? [])
    .filter((d) => !figures?.some((f) => f.path === `finance.${d.figure}`))
    .map((d) => ({ code: d.figure, message: d.message }))
  const footer =
    figures === null ? (
      <>
        <View className='upload__skip'>
          <ActionButton kind='secondary' onClick={() => Taro.navigateTo({ url: PAGES.result })}>
            跳过
          </ActionButton>
        </View>
        <View className='upload__main'>
          <ActionButton onClick={compare} disabled={busy || readCount === 0} loading={reconciling}>
            核对读取的数字
          </ActionButton>
        </View>
      </>
    ) : (
      <ActionButton onClick={finish} disabled={!allConfirmed}>
        {allConfirmed ? '确认，查看评价结果' : `还有 ${figures.filter((f) => !confirmed[f.path]).length} 项待确认`}
      </ActionButton>
    )

  return (
    <PageShell footer={footer}>
      <PageIntro title='上传上一年度报表'>读取报表中的数字，与您填写的核对，再请您逐项确认。</PageIntro>

      {figures === null && (
        <Card title='选择文件' hint='支持 PDF、PNG、JPG，单个文件不超过 20 MB'>
          <View className='upload__pickers'>
            <View className='upload__picker' onClick={() => choose('chat')}>
              <Text className='upload__picker-title'>选择聊天中的 PDF</Text>
              <Text className='upload__picker-text'>财务发来的报表文件</Text>
            </View>
            <View className='upload__picker' onClick={() => choose('photo')}>
              <Text className='upload__picker-title'>拍照或相册</Text>
              <Text className='upload__picker-text'>纸质报表拍清楚即可</Text>
            </View>
          </View>
        </Card>
      )}

      {figures === null && items.length === 0 && (
        <Card title='可以上传的报表' hint='上一会计年度、加盖公章的版本最好'>
          {STATEMENTS.map((st) => (
            <View key={st.name} className='upload__kind'>
              <Text className='upload__kind-name'>{st.name}</Text>
              <Text className='upload__kind-reads'>读取：{st.reads}</Text>
            </View>
          ))}
        </Card>
      )}

      {items.length > 0 && (
        <Card title='已选择的文件'>
          {items.map((item) => (
            <UploadRow key={item.key} item={item} />
          ))}
        </Card>
      )}

      {otherDifferences.length > 0 && (
        <Card title='与您填写的不一致'>
          <NoticeList tone='warning' items={otherDifferences} />
        </Card>
      )}

      {figures !== null && (
        <Card title='逐项确认' hint='数字与报表不符时，请改成正确的数值再确认'>
          {figures.length === 0 && <Text className='upload__empty'>没有从报表中读到可以核对的数字。</Text>}
          {figures.map((f) => (
            <FigureConfirm
              key={f.path}
              figure={f}
              value={values[f.path] ?? ''}
              confirmed={!!confirmed[f.path]}
              onChange={(v) => {
                setValues((all) => ({ ...all, [f.path]: v }))
                setConfirmed((all) => ({ ...all, [f.path]: false }))
              }}
              onConfirm={() => setConfirmed((all) => ({ ...all, [f.path]: true }))}
            />
          ))}
        </Card>
      )}
    </PageShell>
  )
}
