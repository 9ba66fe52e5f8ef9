import { View } from '@tarojs/components'
import { NumberField } from '../../../components/NumberField'
import type { FinanceKey } from '../../../form/draft'
import type { StepProps } from './types'

const FIELDS: { key: FinanceKey; label: string; optional?: boolean; hint?: string }[] = [
  { key: 'totalAssets', label: '资产总额' },
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

/** 上一年度财务数据, in 万元 like the official form. */
export function FinanceStep({ draft, update }: StepProps) {
  return (
    <View>
      {FIELDS.map((f) => (
        <NumberField
          key={f.key}
          name={f.key}
          label={f.label}
          unit='万元'
          optional={f.optional}
          hint={f.hint}
          value={draft.finance[f.key]}
          onChange={(v) => update((d) => ({ ...d, finance: { ...d.finance, [f.key]: v } }))}
        />
      ))}
    </View>
  )
}
