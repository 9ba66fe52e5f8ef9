import { Picker, View, Text } from '@tarojs/components'
import '../YesNoQuestion/index.scss'
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
  /** Up to three options show as buttons; more open the platform's picker. */
  compact?: boolean
}

/** A single-choice question: side-by-side buttons for a few options, a picker for more. */
export function ChoiceQuestion<T extends string>({ label, hint, options, value, onChange, compact }: Props<T>) {
  const chosen = options.find((o) => o.value === value)
  const asButtons = !compact && options.length <= 3
  return (
    <View className='question'>
      <Text className='question__label'>{label}</Text>
      {hint && <Text className='question__hint'>{hint}</Text>}
      {asButtons ? (
        <View className='segmented' role='radiogroup' aria-label={label}>
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
      ) : (
        <Picker
          mode='selector'
          range={options.map((o) => o.label)}
          value={Math.max(0, options.findIndex((o) => o.value === value))}
          onChange={(e) => onChange(options[Number(e.detail.value)]!.value)}
        >
          <View className={`choice ${chosen ? '' : 'choice--empty'}`}>
            <Text>{chosen ? chosen.label : '请选择'}</Text>
            <Text className='choice__arrow'>›</Text>
          </View>
        </Picker>
      )}
    </View>
  )
}
