import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '../../../components/ActionButton'
import { ChoiceQuestion } from '../../../components/ChoiceQuestion'
import { NumberField } from '../../../components/NumberField'
import { emptyProject, type RdProjectDraft } from '../../../form/draft'
import { liveRdTotal } from '../../../form/live'
import { grouped } from '@domain/wording.ts'
import { Tag } from '../../../components/Tag'
import type { RdForm } from '@schemas/assessment.ts'
import type { StepProps } from './types'

const FORMS: { value: RdForm; label: string }[] = [
  { value: 'self', label: '自主研发' },
  { value: 'cooperative', label: '合作研发' },
  { value: 'centralized', label: '集中研发' },
  { value: 'commissioned_domestic', label: '委托境内研发' },
  { value: 'commissioned_foreign', label: '委托境外研发' },
]

/** The R&D project list; 研发费用总额 is computed from it as the official form does (the owner cannot type it). */
export function RdProjectsStep({ draft, update, year }: StepProps & { year: number }) {
  const total = liveRdTotal(draft.rdProjects, year)
  const setProject = (index: number, change: Partial<RdProjectDraft>) =>
    update((d) => ({ ...d, rdProjects: d.rdProjects.map((p, i) => (i === index ? { ...p, ...change } : p)) }))

  const statement = draft.rdStatement
  const mode = statement ? (draft.rdMode ?? 'statement') : 'projects'
  const chooser = statement && (
    <ChoiceQuestion
      label='研发费用怎么填'
      hint={`A107012 读到年度研发费用小计 ${grouped(statement.value)} 万元${statement.projects ? `（${statement.projects} 个项目）` : ''}`}
      options={[
        { value: 'statement', label: '按 A107012 小计评估' },
        { value: 'projects', label: '逐项填写研发项目' },
      ]}
      value={mode}
      onChange={(rdMode) => update((d) => ({ ...d, rdMode }))}
    />
  )
  if (mode === 'statement')
    return (
      <View>
        {chooser}
        <View className='step-note'>
          <Tag tone='success'>来自报表</Tag>
          <Text> 研发费用总额按 {statement!.source} 的 {grouped(statement!.value)} 万元评估。正式填报时，评价系统要求逐项填写研发项目，由系统汇总。</Text>
        </View>
      </View>
    )
  return (
    <View>
      {chooser}
      <View className='live-summary live-summary--single' aria-live='polite'>
        <View className='live-summary__item'>
          <Text className='live-summary__label'>研发费用总额（自动计算）</Text>
          <Text className='live-summary__value'>{total.total} 万元</Text>
          {total.foreignExcluded !== '0' && (
            <Text className='live-summary__note'>委托境外部分超出境内研发费用三分之二，{total.foreignExcluded} 万元不计入</Text>
          )}
          <Text className='live-summary__note'>委托研发按 80% 计入</Text>
        </View>
      </View>
      {draft.rdProjects.length === 0 && <Text className='step-note'>还没有研发项目。没有研发项目的企业，研发费用总额为 0。</Text>}
      {draft.rdProjects.map((p, i) => (
        <View key={i} className='project'>
          <View className='project__head'>
            <Text className='project__title'>研发项目 {i + 1}</Text>
            <View
              className='project__remove'
              role='button'
              aria-label={`删除研发项目${i + 1}`}
              onClick={() => update((d) => ({ ...d, rdProjects: d.rdProjects.filter((_, j) => j !== i) }))}
            >
              删除
            </View>
          </View>
          <View className='question'>
            <Text className='question__label'>项目名称</Text>
            <Input
              className='text-input'
              value={p.name}
              placeholder='例如：智能检测算法'
              onInput={(e) => setProject(i, { name: e.detail.value })}
              aria-label={`研发项目${i + 1}名称`}
            />
          </View>
          <ChoiceQuestion label={`研发项目${i + 1}研发形式`} options={FORMS} value={p.form} onChange={(form) => setProject(i, { form })} />
          <ChoiceQuestion
            label={`研发项目${i + 1}项目状态`}
            options={[
              { value: 'ongoing', label: '在研' },
              { value: 'completed', label: '已完成' },
            ]}
            value={p.status}
            onChange={(status) => setProject(i, { status })}
          />
          <NumberField
            label={`研发项目${i + 1}上一年度研发费用`}
            name={`rd-${i}-amount`}
            unit='万元'
            value={p.amount}
            onChange={(amount) => setProject(i, { amount })}
          />
        </View>
      ))}
      <ActionButton kind='secondary' onClick={() => update((d) => ({ ...d, rdProjects: [...d.rdProjects, emptyProject()] }))}>
        ＋ 添加研发项目
      </ActionButton>
    </View>
  )
}
