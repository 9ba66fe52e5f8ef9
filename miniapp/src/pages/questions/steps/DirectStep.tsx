import { Text, View } from '@tarojs/components'
import { YesNoQuestion } from '../../../components/YesNoQuestion'
import { labWording } from '../../../form/region'
import type { Draft } from '../../../form/draft'
import { hasDirectPass } from '../../../form/steps'
import type { StepProps } from './types'

type Direct = Draft['directPass']

const QUESTIONS: { key: keyof Direct; label: string }[] = [
  { key: 'highTechCertificate', label: '企业是否拥有有效期内的高新技术企业资格证书？' },
  { key: 'nationalAwardTop3', label: '企业近五年内是否获得过国家级科技奖，并在获奖单位中排在前三名？' },
  { key: 'provincialRdInstitution', label: '企业是否拥有经认定的省部级以上研发机构？' },
  { key: 'ledStandard', label: '企业近五年内是否主导制定过国际标准、国家标准或行业标准？' },
]

/** 直通车 (rules.md §2): any one 是 lets a firm that meets the basic conditions in without scoring. */
export function DirectStep({ draft, update }: StepProps) {
  const lab = labWording(draft.region)
  return (
    <View>
      {QUESTIONS.map((q) => (
        <YesNoQuestion
          key={q.key}
          label={q.key === 'provincialRdInstitution' && lab ? `${lab}？` : q.label}
          value={draft.directPass[q.key]}
          onChange={(v) => update((d) => ({ ...d, directPass: { ...d.directPass, [q.key]: v } }))}
        />
      ))}
      {hasDirectPass(draft) && (
        <Text className='step-note'>
          您可能符合直通车条件。后面的财务和人员数据仍需填写，用于核对企业规模；研发项目和知识产权可按实际简要填写。
        </Text>
      )}
    </View>
  )
}
