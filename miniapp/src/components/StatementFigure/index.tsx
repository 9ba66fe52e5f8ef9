import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toDecimalString, isDecimalString, parseDecimal } from '@domain/exact.ts'
import { differenceText, peopleText, wanText } from '@domain/wording.ts'
import { NumberField } from '../NumberField'
import { Tag } from '../Tag'
import type { Filled } from '../../form/draft'
import './index.scss'

interface Props {
  label: string
  name: string
  /** The answer as it stands (exact). */
  value: string | undefined
  /** What a statement filled in, if it did. */
  filled?: Filled
  onChange: (v: string) => void
  unit?: '万元' | '人'
  hint?: string
  optional?: boolean
}

const shown = (v: string, unit: '万元' | '人') => (unit === '万元' ? wanText(v) : peopleText(v))

/**
 * An answer of the form that a statement may have filled: the figure as an accountant writes it, marked
 * 来自报表 with the file, page and the statement's own line (its exact amount underneath), and editable. Once
 * changed it says how it differs from the statement, with a way back to the statement's figure.
 */
export function StatementFigure({ label, name, value, filled, onChange, unit = '万元', hint, optional }: Props) {
  const [editing, setEditing] = useState(false)
  const fromStatement = !!filled && value === filled.value
  if (filled && fromStatement && !editing)
    return (
      <View className='statement-figure' aria-label={label}>
        <View className='statement-figure__row'>
          <Text className='statement-figure__label'>{label}</Text>
          <Text className='statement-figure__value'>{shown(filled.value, unit)}</Text>
        </View>
        <View className='statement-figure__row'>
          <View className='statement-figure__source'>
            <Tag tone='success'>来自报表</Tag>
            <Text className='statement-figure__where'>{filled.source}</Text>
            {filled.printed && <Text className='statement-figure__exact'>报表原数 {filled.printed}</Text>}
          </View>
          <View className='statement-figure__edit' role='button' aria-label={`修改${label}`} onClick={() => setEditing(true)}>
            修改
          </View>
        </View>
      </View>
    )
  const changed = !!filled && !!value && value !== filled.value
  return (
    <View className='statement-figure statement-figure--input'>
      <NumberField
        label={label}
        name={name}
        unit={unit}
        optional={optional}
        hint={changed ? undefined : filled ? `报表为 ${shown(filled.value, unit)}（${filled.source}）` : hint}
        value={editing && fromStatement && filled ? toDecimalString(parseDecimal(filled.value), 2) : value}
        warn={changed}
        onChange={(v) => {
          setEditing(false)
          onChange(v)
        }}
      />
      {changed && (
        <View className='statement-figure__row'>
          <Text className='statement-figure__diff'>
            已修改：{isDecimalString(value) ? differenceText(value, filled.value, unit) : '请填写数字'}（报表 {shown(filled.value, unit)}）
          </Text>
          <View className='statement-figure__edit' role='button' onClick={() => onChange(filled.value)}>
            改回报表数
          </View>
        </View>
      )}
    </View>
  )
}
