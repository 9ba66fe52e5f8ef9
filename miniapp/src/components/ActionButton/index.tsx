import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  children: ReactNode
  onClick?: () => void
  kind?: 'primary' | 'secondary' | 'danger' | 'text'
  disabled?: boolean
  loading?: boolean
  block?: boolean
}

/** The app's button: one look for every call to action, with a busy state that blocks double taps. */
export function ActionButton({ children, onClick, kind = 'primary', disabled, loading, block = true }: Props) {
  const inactive = disabled || loading
  return (
    <View
      role='button'
      aria-disabled={!!inactive}
      className={`action action--${kind} ${block ? 'action--block' : ''} ${inactive ? 'action--inactive' : ''}`}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {loading ? '请稍候…' : children}
    </View>
  )
}
