import { View } from '@tarojs/components'
import { YesNoQuestion } from '../../../components/YesNoQuestion'
import type { StepProps } from './types'

/** The two R&D bookkeeping questions of the 2026 form (rules.md §5). */
export function RdAccountStep({ draft, update }: StepProps) {
  return (
    <View>
      <YesNoQuestion
        label='研发项目立项时是否设置了研发支出辅助账？'
        hint='评价系统要求按项目设置研发支出辅助账'
        value={draft.rdAuxiliaryAccount}
        onChange={(v) => update((d) => ({ ...d, rdAuxiliaryAccount: v }))}
      />
      <YesNoQuestion
        label='上一年度企业所得税汇算清缴时，是否享受了研发费用加计扣除？'
        value={draft.superDeductionClaimed}
        onChange={(v) => update((d) => ({ ...d, superDeductionClaimed: v }))}
      />
    </View>
  )
}
