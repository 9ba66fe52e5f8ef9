import { View, Text } from '@tarojs/components'
import './index.scss'

export interface Choice<T extends string> {
  value: T
  label: string
}

interface Props<T extends string> {
  label: string
  hint?: string
  options: Choice<T>[]
  value: T | undefined
  onChange: (v: T) => void
}

/** A single-choice question with every option visible as a tap target (they wrap onto more rows). */
export function ChoiceQuestion<T extends string>({ label, hint, options, value, onChange }: Props<T>) {
  return (
    <View className='question'>
      <Text className='question__label'>{label}</Text>
      {hint && <Text className='question__hint'>{hint}</Text>}
      <View className={`segmented ${options.length > 3 ? 'segmented--wrap' : ''}`} role='radiogroup' aria-label={label}>
        {options.map((o) => (
          <View
            key={o.value}
            role='radio'
            aria-checked={value === o.value}
            className={`segmented__option ${value === o.value ? 'segmented__option--on' : ''}`}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </View>
        ))}
      </View>
    </View>
  )
}
