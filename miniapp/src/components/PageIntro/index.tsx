import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/** The large title and one-line lead that open a page. */
export function PageIntro({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <View className='page-intro'>
      <Text className='page-intro__title'>{title}</Text>
      {children && <Text className='page-intro__lead'>{children}</Text>}
    </View>
  )
}
