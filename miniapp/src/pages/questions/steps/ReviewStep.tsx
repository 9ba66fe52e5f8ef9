import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { grouped } from '@domain/wording.ts'
import { NoticeList, findingItems } from '../../../components/NoticeList'
import { NumberField } from '../../../components/NumberField'
import { StatementFigure } from '../../../components/StatementFigure'
import { ApiError, precheck, type StoredPrecheck } from '../../../api'
import type { FinanceKey } from '../../../form/draft'
import { annualAverages } from '../../../form/live'
import { toPrecheckInput } from '../../../form/toInput'
import { FINANCE_LABELS, fillFromStatements, missingFigures, readFigures } from '../../../statements/figures'
import type { Documents } from '../../../statements/useDocuments'
import { withSession } from '../../../store/auth'
import type { StepProps } from './types'

/**
 * 核对: the statements' figures filled into the answers (each marked 来自报表 with its page and line, and
 * editable), every pre-check finding in one sentence with what to do, and a field for each figure a
 * statement was read without.
 */
export function ReviewStep({ draft, update, docs, year }: StepProps & { docs: Documents; year: number }) {
  const [check, setCheck] = useState<StoredPrecheck | null>(null)
  const [error, setError] = useState('')
  const ids = docs.read.map((j) => j.id).join(',')

  useEffect(() => {
    if (!ids) return
    let live = true
    setError('')
    withSession()
      .then(() => precheck(toPrecheckInput(draft, year), ids.split(',')))
      .then((p) => {
        if (!live) return
        setCheck(p)
        update((d) => fillFromStatements(d, p, docs.read))
      })
      .catch((e) => live && setError(e instanceof ApiError ? e.message : '核对失败，请稍后重试'))
    return () => {
      live = false
    }
    // Re-checked when the set of read statements changes; edits are compared on the result page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids])

  const figures = check ? readFigures(check) : []
  const missing = missingFigures(docs.read, draft)
  const setFinance = (key: FinanceKey, v: string) => update((d) => ({ ...d, finance: { ...d.finance, [key]: v } }))
  const staff = draft.filled['staff.quarters'] ? annualAverages(draft.quarters) : null

  return (
    <View>
      {!check && !error && <Text className='step-note'>正在核对读取的数字…</Text>}
      {error && <Text className='step-error'>{error}</Text>}
      {check && (
        <View className='review-block'>
          <Text className='review-block__title'>需要处理的问题（{check.findings?.length ?? 0}）</Text>
          <NoticeList tone='warning' items={findingItems(check.findings)} empty='未发现问题：报表齐全、勾稽相符、期间和企业名称一致。' />
        </View>
      )}
      {missing.length > 0 && (
        <View className='review-block'>
          <Text className='review-block__title'>报表没读到的数字（{missing.length}）</Text>
          {missing.map((m) => (
            <View key={m.path} className='review-missing'>
              <Text className='review-missing__reason'>{m.reason}</Text>
              {m.path.startsWith('finance.') && (
                <NumberField
                  label={m.label}
                  name={`missing-${m.path}`}
                  unit='万元'
                  value={draft.finance[m.path.slice(8) as FinanceKey]}
                  onChange={(v) => setFinance(m.path.slice(8) as FinanceKey, v)}
                />
              )}
              {m.path === 'rd.statement' && (
                <NumberField
                  label='年度研发费用小计'
                  name='missing-rd'
                  unit='万元'
                  value={draft.rdStatement?.value}
                  onChange={(v) => update((d) => ({ ...d, rdMode: 'statement', rdStatement: { value: v, source: '您按 A107012 填写' } }))}
                />
              )}
              {m.path === 'staff.averages' && <Text className='review-missing__hint'>请在“职工和科技人员”一步按季度填写。</Text>}
            </View>
          ))}
        </View>
      )}
      {figures.length > 0 && (
        <View className='review-block'>
          <Text className='review-block__title'>已从报表填入（可修改）</Text>
          {figures.map((f) => {
            const key = f.path.slice(8) as FinanceKey
            return (
              <View key={f.path}>
                <StatementFigure
                  label={FINANCE_LABELS[key]}
                  name={`review-${key}`}
                  value={draft.finance[key]}
                  filled={draft.filled[f.path] ?? { value: f.value, source: f.source, printed: f.printed }}
                  onChange={(v) => setFinance(key, v)}
                />
                {f.note && <Text className='review-note'>{f.note}</Text>}
              </View>
            )
          })}
          {staff && (
            <View className='statement-figure'>
              <View className='statement-figure__row'>
                <Text className='statement-figure__label'>职工 / 科技人员（全年季平均）</Text>
                <Text className='statement-figure__value'>
                  {staff.employees} / {staff.techStaff} 人
                </Text>
              </View>
              <Text className='statement-figure__where'>来自报表：{draft.filled['staff.quarters']!.source}，四个季度的季初、季末人数已填入</Text>
            </View>
          )}
          {draft.staffAverages && !staff && draft.filled['staff.averages'] && (
            <View className='statement-figure'>
              <View className='statement-figure__row'>
                <Text className='statement-figure__label'>职工 / 科技人员（全年季平均）</Text>
                <Text className='statement-figure__value'>
                  {draft.staffAverages.employees} / {draft.staffAverages.techStaff} 人
                </Text>
              </View>
              <Text className='statement-figure__where'>来自报表：{draft.filled['staff.averages'].source}</Text>
            </View>
          )}
          {draft.rdStatement && draft.rdStatement.source !== '您按 A107012 填写' && (
            <View className='statement-figure'>
              <View className='statement-figure__row'>
                <Text className='statement-figure__label'>研发费用（A107012 小计）</Text>
                <Text className='statement-figure__value'>{grouped(draft.rdStatement.value)} 万元</Text>
              </View>
              <Text className='statement-figure__where'>
                来自报表：{draft.rdStatement.source}
                {draft.rdStatement.projects ? `，${draft.rdStatement.projects} 个研发项目` : ''}
              </Text>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
