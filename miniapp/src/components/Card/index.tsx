import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  title?: string
  hint?: string
  extra?: ReactNode
  children: ReactNode
  className?: string
}

/** A white section block with an optional title line; pages are stacks of these. */
export function Card({ title, hint, extra, children, className = '' }: Props) {
  return (
    <View className={`card ${className}`}>
      {title && (
        <View className='card__head'>
          <View className='card__titles'>
            <Text className='card__title'>{title}</Text>
            {hint && <Text className='card__hint'>{hint}</Text>}
          </View>
          {extra}
        </View>
      )}
      {children}
    </View>
  )
}
