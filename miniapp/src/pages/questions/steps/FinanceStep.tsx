import { Text, View } from '@tarojs/components'
import { StatementFigure } from '../../../components/StatementFigure'
import type { FinanceKey } from '../../../form/draft'
import type { StepProps } from './types'

const FIELDS: { key: FinanceKey; label: string; optional?: boolean; hint?: string }[] = [
  { key: 'totalAssets', label: '资产总额', hint: '资产负债表“资产总计”的期末数' },
  { key: 'netAssets', label: '净资产', optional: true },
  { key: 'salesRevenue', label: '销售收入', hint: '主营业务收入 + 其他业务收入（即利润表“营业收入”）' },
  { key: 'mainBusinessRevenue', label: '主营业务收入', optional: true },
  { key: 'totalProfit', label: '利润总额', optional: true },
  { key: 'totalTax', label: '纳税总额', optional: true },
  {
    key: 'totalCost',
    label: '成本费用支出总额',
    hint: '营业成本 + 税金及附加 + 销售费用 + 管理费用 + 研发费用 + 财务费用',
  },
]

/** 上一年度财务数据 in 万元 like the official form: what the statements did not give comes first. */
export function FinanceStep({ draft, update }: StepProps) {
  const fromStatement = (k: FinanceKey) => draft.filled[`finance.${k}`]?.value === draft.finance[k] && !!draft.finance[k]
  const open = FIELDS.filter((f) => !fromStatement(f.key))
  const read = FIELDS.filter((f) => fromStatement(f.key))
  const field = (f: (typeof FIELDS)[number]) => (
    <StatementFigure
      key={f.key}
      name={f.key}
      label={f.label}
      optional={f.optional}
      hint={f.hint}
      value={draft.finance[f.key]}
      filled={draft.filled[`finance.${f.key}`]}
      onChange={(v) => update((d) => ({ ...d, finance: { ...d.finance, [f.key]: v } }))}
    />
  )
  return (
    <View>
      {open.map(field)}
      {read.length > 0 && <Text className='step-subtitle'>已从报表填入</Text>}
      {read.map(field)}
    </View>
  )
}
