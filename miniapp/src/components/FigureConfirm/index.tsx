import { Text, View } from '@tarojs/components'
import { ActionButton } from '../ActionButton'
import { NumberField } from '../NumberField'
import { Tag } from '../Tag'
import type { ReconciledFigure } from '../../api'
import './index.scss'

interface Props {
  figure: ReconciledFigure
  /** The value the owner is confirming (starts as the statement's reading). */
  value: string
  confirmed: boolean
  onChange: (value: string) => void
  onConfirm: () => void
}

/**
 * One figure read from a statement, with its document and page, next to what the owner typed.
 * The owner accepts it or types the correct value; a difference from the typed answer is highlighted.
 */
export function FigureConfirm({ figure, value, confirmed, onChange, onConfirm }: Props) {
  const corrected = figure.extracted != null && value !== figure.extracted
  const differs = !!figure.discrepancy
  return (
    <View className={`figure ${differs ? 'figure--differs' : ''} ${confirmed ? 'figure--confirmed' : ''}`}>
      <View className='figure__head'>
        <Text className='figure__label'>{figure.label}</Text>
        {confirmed ? (
          <Tag tone='success'>{corrected ? '已更正' : '已确认'}</Tag>
        ) : differs ? (
          <Tag tone='warning'>与填写不一致</Tag>
        ) : (
          <Tag tone='neutral'>待确认</Tag>
        )}
      </View>
      <Text className='figure__source'>
        来自 {figure.file ?? '上传的报表'}
        {figure.page ? ` 第 ${figure.page} 页` : ''}
      </Text>
      <View className='figure__compare'>
        <View className='figure__cell'>
          <Text className='figure__cell-label'>报表读取</Text>
          <Text className='figure__cell-value'>{figure.extracted ?? '未读到'}</Text>
        </View>
        <View className='figure__cell'>
          <Text className='figure__cell-label'>您填写的</Text>
          <Text className={`figure__cell-value ${differs ? 'figure__cell-value--differs' : ''}`}>{figure.typed || '未填写'}</Text>
        </View>
      </View>
      {figure.message && <Text className='figure__message'>{figure.message}</Text>}
      <NumberField label='确认数值' unit='万元' value={value} onChange={onChange} warn={differs && !confirmed} name={`confirm-${figure.path}`} />
      {!confirmed && (
        <ActionButton kind='secondary' onClick={onConfirm}>
          {corrected ? '确认更正' : '确认无误'}
        </ActionButton>
      )}
    </View>
  )
}
