import { ChoiceQuestion } from '../ChoiceQuestion'

interface Props {
  label: string
  hint?: string
  value: boolean | undefined
  onChange: (v: boolean) => void
  yesText?: string
  noText?: string
}

/** One 是/否 question of the form; the wording of each side can follow the question (不属于 / 属于 …). */
export function YesNoQuestion({ label, hint, value, onChange, yesText = '是', noText = '否' }: Props) {
  return (
    <ChoiceQuestion
      label={label}
      hint={hint}
      options={[
        { value: 'yes', label: yesText },
        { value: 'no', label: noText },
      ]}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === 'yes')}
    />
  )
}
