import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  children: ReactNode
  /** Pinned to the bottom of the screen (the page's main action). */
  footer?: ReactNode
  /** The home page has no back or home control. */
  home?: boolean
}

const HOME = '/pages/home/index'

/** Back to the previous page, or home when the page was opened directly (a refresh, a shared link). */
function back() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(() => Taro.reLaunch({ url: HOME }))
  else Taro.reLaunch({ url: HOME })
}

/**
 * Page frame: content with room at the bottom for a pinned, opaque action bar. In H5 there is no WeChat
 * capsule, so the frame carries its own 返回 and 首页 controls.
 */
export function PageShell({ children, footer, home }: Props) {
  return (
    <View className={`shell ${footer ? 'shell--with-footer' : ''}`}>
      {process.env.TARO_ENV === 'h5' && !home && (
        <View className='shell__nav'>
          <View className='shell__nav-button' role='button' aria-label='返回' onClick={back}>
            <Text>‹ 返回</Text>
          </View>
          <View className='shell__nav-button' role='button' aria-label='首页' onClick={() => Taro.reLaunch({ url: HOME })}>
            <Text>首页</Text>
          </View>
        </View>
      )}
      {children}
      {footer && <View className='shell__footer'>{footer}</View>}
    </View>
  )
}
