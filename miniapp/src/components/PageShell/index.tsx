import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  children: ReactNode
  /** Pinned to the bottom of the screen (the page's main action). */
  footer?: ReactNode
}

/** Page frame: content with room at the bottom for a pinned action bar. */
export function PageShell({ children, footer }: Props) {
  return (
    <View className={`shell ${footer ? 'shell--with-footer' : ''}`}>
      {children}
      {footer && <View className='shell__footer'>{footer}</View>}
    </View>
  )
}
