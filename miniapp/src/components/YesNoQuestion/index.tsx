import { View, Text } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  hint?: string
  value: boolean | undefined
  onChange: (v: boolean) => void
  yesText?: string
  noText?: string
}

/** One 是/否 question of the form, answered with two large tap targets. */
export function YesNoQuestion({ label, hint, value, onChange, yesText = '是', noText = '否' }: Props) {
  return (
    <View className='question'>
      <Text className='question__label'>{label}</Text>
      {hint && <Text className='question__hint'>{hint}</Text>}
      <View className='segmented' role='radiogroup' aria-label={label}>
        {[
          { v: true, text: yesText },
          { v: false, text: noText },
        ].map((o) => (
          <View
            key={o.text}
            role='radio'
            aria-checked={value === o.v}
            className={`segmented__option ${value === o.v ? 'segmented__option--on' : ''}`}
            onClick={() => onChange(o.v)}
          >
            {o.text}
          </View>
        ))}
      </View>
    </View>
  )
}
