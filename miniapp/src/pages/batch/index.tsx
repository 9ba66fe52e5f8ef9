// 批量预审 for evaluation bodies, parks and consultancies (H5, on a computer): choose the organisation (or
// create / join one), upload the spreadsheet of firms and optionally a zip of their statements, watch the
// batch, then read the summary and each firm's row and download the result sheet and the reports.
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { PageIntro } from '../../components/PageIntro'
import { PageShell } from '../../components/PageShell'
import { ProgressBar } from '../../components/ProgressBar'
import { Tag, type Tone } from '../../components/Tag'
import { getToken, hasConsent } from '../../store/session'
import {
  ApiError,
  batchFirms,
  createInvite,
  createOrganisation,
  download,
  getBatch,
  joinOrganisation,
  listBatches,
  listOrganisations,
  pickFile,
  uploadBatch,
  type Batch,
  type FirmRow,
  type Organisation,
} from './api'
import './index.scss'

const SELF = '/pages/batch/index'
const VERDICT: Record<FirmRow['verdict'], { text: string; tone: Tone }> = {
  qualified: { text: '符合', tone: 'success' },
  not_qualified: { text: '不符合', tone: 'danger' },
  undetermined: { text: '待定', tone: 'warning' },
  invalid: { text: '数据有误', tone: 'neutral' },
}
const STATUS: Record<Batch['status'], string> = { queued: '排队中', processing: '评价中', done: '已完成', failed: '失败' }

const message = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请稍后重试')
const toast = (title: string) => Taro.showToast({ title, icon: 'none', duration: 3000 })

export default function BatchPage() {
  const h5 = process.env.TARO_ENV === 'h5'
  const [signedIn, setSignedIn] = useState(() => hasConsent() && !!getToken())
  const [orgs, setOrgs] = useState<Organisation[] | null>(null)
  const [orgId, setOrgId] = useState<string | null>(null)
  const [batches, setBatches] = useState<Batch[]>([])
  const [current, setCurrent] = useState<Batch | null>(null)
  const [rows, setRows] = useState<FirmRow[] | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [docs, setDocs] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [name, setName] = useState('')
  const [code, setCode] = useState('')
  const [invite, setInvite] = useState<string | null>(null)
  const [filter, setFilter] = useState<FirmRow['verdict'] | 'all'>('all')
  const timer = useRef<ReturnType<typeof setTimeout>>()

  useDidShow(() => setSignedIn(hasConsent() && !!getToken()))

  const loadOrgs = useCallback(async () => {
    try {
      const list = await listOrganisations()
      setOrgs(list)
      setOrgId((id) => (id && list.some((o) => o.id === id) ? id : (list[0]?.id ?? null)))
    } catch (e) {
      toast(message(e))
    }
  }, [])

  useEffect(() => {
    if (signedIn) void loadOrgs()
  }, [signedIn, loadOrgs])

  useEffect(() => {
    if (!orgId) return
    setCurrent(null)
    setRows(null)
    listBatches(orgId).then(setBatches, (e) => toast(message(e)))
  }, [orgId])

  // Watch the open batch until it is done, then fetch its rows.
  useEffect(() => {
    clearTimeout(timer.current)
    if (!current) return
    if (current.status === 'done') {
      if (!rows) batchFirms(current.id).then(setRows, (e) => toast(message(e)))
      return
    }
    if (current.status === 'failed') return
    timer.current = setTimeout(() => {
      getBatch(current.id).then(
        (b) => {
          setCurrent(b)
          setBatches((bs) => bs.map((x) => (x.id === b.id ? b : x)))
        },
        (e) => toast(message(e)),
      )
    }, 1000)
    return () => clearTimeout(timer.current)
  }, [current, rows])

  const open = (b: Batch) => {
    setRows(null)
    setCurrent(b)
  }

  const run = async (f: () => Promise<void>) => {
    setBusy(true)
    try {
      await f()
    } catch (e) {
      toast(message(e))
    } finally {
      setBusy(false)
    }
  }

  const start = () =>
    run(async () => {
      if (!orgId || !file) return
      const b = await uploadBatch(orgId, file, docs)
      setBatches((bs) => [b, ...bs])
      setFile(null)
      setDocs(null)
      open(b)
    })

  if (!h5)
    return (
      <PageShell>
        <PageIntro title='批量预审'>批量预审需要上传表格和压缩包，请在电脑浏览器中打开科小助手网页版。</PageIntro>
      </PageShell>
    )

  if (!signedIn)
    return (
      <PageShell>
        <PageIntro title='批量预审'>评价机构、园区和咨询机构一次预审多家企业：上传企业表格，得到逐家结果和汇总。</PageIntro>
        <Card title='请先登录'>
          <ActionButton onClick={() => Taro.navigateTo({ url: `/pages/privacy/index?next=${encodeURIComponent(SELF)}` })}>
            阅读隐私政策并登录
          </ActionButton>
        </Card>
      </PageShell>
    )

  const org = orgs?.find((o) => o.id === orgId) ?? null
  const shown = rows?.filter((r) => filter === 'all' || r.verdict === filter) ?? []
  const s = current?.summary

  return (
    <PageShell>
      <View className='batch'>
        <PageIntro title='批量预审'>上传企业表格（可附报表压缩包），按评价办法逐家评分、核对报表，生成结果表和企业报告。</PageIntro>

        <Card title='机构' hint={org ? `${org.name}（${org.role === 'admin' ? '管理员' : '成员'}）` : '创建或加入一个机构后才能上传'}>
          {orgs && orgs.length > 1 && (
            <View className='batch__orgs'>
              {orgs.map((o) => (
                <View key={o.id} className={`batch__org ${o.id === orgId ? 'batch__org--on' : ''}`} onClick={() => setOrgId(o.id)}>
                  <Text>{o.name}</Text>
                </View>
              ))}
            </View>
          )}
          {orgs && orgs.length === 0 && (
            <View className='batch__forms'>
              <View className='batch__inline'>
                <Input className='batch__input' placeholder='机构名称，如：某某区科技局' value={name} onInput={(e) => setName(e.detail.value)} aria-label='机构名称' />
                <ActionButton block={false} loading={busy} disabled={!name.trim()} onClick={() => run(async () => {
                  await createOrganisation(name.trim())
                  await loadOrgs()
                })}>
                  创建机构
                </ActionButton>
              </View>
              <View className='batch__inline'>
                <Input className='batch__input' placeholder='邀请码' value={code} onInput={(e) => setCode(e.detail.value)} aria-label='邀请码' />
                <ActionButton kind='secondary' block={false} loading={busy} disabled={code.trim().length < 8} onClick={() => run(async () => {
                  await joinOrganisation(code.trim())
                  await loadOrgs()
                })}>
                  加入机构
                </ActionButton>
              </View>
            </View>
          )}
          {org?.role === 'admin' && (
            <View className='batch__inline'>
              <ActionButton kind='text' block={false} onClick={() => run(async () => setInvite((await createInvite(org.id)).code))}>
                生成邀请码
              </ActionButton>
              {invite && <Text className='batch__code' selectable>{invite}（7天内有效，用一次）</Text>}
            </View>
          )}
        </Card>

        {org && (
          <Card title='上传企业表格' hint='每行一家企业；报表压缩包内每家企业一个文件夹，以统一社会信用代码或行号命名'>
            <View className='batch__inline'>
              <ActionButton kind='text' block={false} onClick={() => run(() => download('/api/v1/batches/template.xlsx', '批量预审模板.xlsx'))}>
                下载填写模板
              </ActionButton>
            </View>
            <View className='batch__pick'>
              <ActionButton kind='secondary' block={false} onClick={async () => setFile(await pickFile('.xlsx,.csv,.jsonl'))}>
                选择企业表格
              </ActionButton>
              <Text className='batch__file'>{file ? file.name : 'xlsx、csv 或 jsonl'}</Text>
            </View>
            <View className='batch__pick'>
              <ActionButton kind='secondary' block={false} onClick={async () => setDocs(await pickFile('.zip'))}>
                选择报表压缩包（可选）
              </ActionButton>
              <Text className='batch__file'>{docs ? docs.name : 'zip'}</Text>
            </View>
            <ActionButton loading={busy} disabled={!file} onClick={start}>
              开始预审
            </ActionButton>
          </Card>
        )}

        {current && (
          <Card title={`批次：${current.fileName}`} hint={`${STATUS[current.status]} · ${current.processed}/${current.firms} 家`}>
            {current.status !== 'done' && current.status !== 'failed' && <ProgressBar percent={current.progress * 100} />}
            {current.status === 'failed' && <Text className='batch__error'>{current.error?.message ?? '处理失败'}</Text>}
            {s && (
              <View className='batch__summary'>
                {(Object.keys(VERDICT) as FirmRow['verdict'][]).map((v) => (
                  <View key={v} className={`batch__count ${filter === v ? 'batch__count--on' : ''}`} onClick={() => setFilter(filter === v ? 'all' : v)}>
                    <Text className='batch__number'>{s.byVerdict[v]}</Text>
                    <Tag tone={VERDICT[v].tone}>{VERDICT[v].text}</Tag>
                  </View>
                ))}
              </View>
            )}
            {s && Object.keys(s.byReason).length > 0 && (
              <View className='batch__reasons'>
                <Text className='batch__label'>不符合原因</Text>
                {Object.entries(s.byReason)
                  .sort((a, b) => b[1].count - a[1].count)
                  .map(([c, x]) => (
                    <Text key={c} className='batch__reason'>
                      {x.label} {x.count}家
                    </Text>
                  ))}
              </View>
            )}
            {current.status === 'done' && (
              <View className='batch__downloads'>
                <ActionButton block={false} onClick={() => run(() => download(`/api/v1/batches/${current.id}/result.xlsx`, '批量预审结果.xlsx'))}>
                  下载结果表（Excel）
                </ActionButton>
                <ActionButton kind='secondary' block={false} onClick={() => run(() => download(`/api/v1/batches/${current.id}/result.csv`, '批量预审结果.csv'))}>
                  CSV
                </ActionButton>
                <ActionButton kind='secondary' block={false} onClick={() => run(() => download(`/api/v1/batches/${current.id}/reports.zip`, '企业报告.zip'))}>
                  企业报告（PDF 压缩包）
                </ActionButton>
              </View>
            )}
            {rows && (
              <View className='batch__table' role='table' aria-label='企业结果'>
                <View className='batch__tr batch__tr--head' role='row'>
                  {['行号', '企业', '结论', '得分', '原因与问题'].map((h) => (
                    <View key={h} className='batch__td' role='columnheader'>
                      {h}
                    </View>
                  ))}
                </View>
                {shown.map((r) => (
                  <View key={r.row} className='batch__tr' role='row'>
                    <View className='batch__td' role='cell'>{r.row}</View>
                    <View className='batch__td' role='cell'>{r.name ?? r.creditCode ?? '—'}</View>
                    <View className='batch__td' role='cell'>
                      <Tag tone={VERDICT[r.verdict].tone}>{VERDICT[r.verdict].text}</Tag>
                    </View>
                    <View className='batch__td' role='cell'>{r.total ?? '—'}</View>
                    <View className='batch__td batch__td--wide' role='cell'>
                      {[
                        ...r.reasons.map((x) => x.message),
                        ...r.issues.map((i) => `${i.column ?? ''}${i.row} ${i.message}`),
                        ...r.discrepancies.map((d) => `${d.label}：填报${d.declared}，报表${d.document}`),
                      ].join('；') || '—'}
                    </View>
                  </View>
                ))}
              </View>
            )}
          </Card>
        )}

        {batches.length > 0 && (
          <Card title='本机构的批次'>
            {batches.map((b) => (
              <View key={b.id} className={`batch__history ${current?.id === b.id ? 'batch__history--on' : ''}`} onClick={() => open(b)}>
                <Text>{b.fileName}</Text>
                <Text className='batch__file'>
                  {STATUS[b.status]} · {b.firms}家 · {b.createdAt.slice(0, 16).replace('T', ' ')}
                </Text>
              </View>
            ))}
          </Card>
        )}
      </View>
    </PageShell>
  )
}
