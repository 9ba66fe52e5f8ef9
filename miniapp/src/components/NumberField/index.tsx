import { Input, View, Text } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  value: string | undefined
  onChange: (v: string) => void
  unit?: string
  hint?: string
  placeholder?: string
  /** Whole numbers only (headcounts, IP counts); otherwise decimals are allowed (万元). */
  integer?: boolean
  optional?: boolean
  error?: string
  /** Highlights a figure that differs from the statements. */
  warn?: boolean
  name?: string
}

/** A labelled numeric box with its unit, as each figure appears on the official form. */
export function NumberField({ label, value, onChange, unit, hint, placeholder, integer, optional, error, warn, name }: Props) {
  return (
    <View className={`number-field ${error ? 'number-field--error' : ''} ${warn ? 'number-field--warn' : ''}`}>
      <View className='number-field__row'>
        <Text className='number-field__label'>
          {label}
          {optional && <Text className='number-field__optional'>（选填）</Text>}
        </Text>
        <View className='number-field__box'>
          <Input
            className='number-field__input'
            type={integer ? 'number' : 'digit'}
            name={name}
            value={value ?? ''}
            placeholder={placeholder ?? (integer ? '0' : '0.00')}
            placeholderClass='number-field__placeholder'
            onInput={(e) => onChange(e.detail.value)}
            aria-label={label}
          />
          {unit && <Text className='number-field__unit'>{unit}</Text>}
        </View>
      </View>
      {hint && !error && <Text className='number-field__hint'>{hint}</Text>}
      {error && <Text className='number-field__error'>{error}</Text>}
    </View>
  )
}
