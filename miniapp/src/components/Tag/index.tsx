import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export type Tone = 'success' | 'danger' | 'warning' | 'info' | 'neutral'

/** A small coloured label: 符合 / 不符合 / 需核对 and the like. */
export function Tag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}
