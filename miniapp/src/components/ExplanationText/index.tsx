import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import './index.scss'

const FOLDED_PARAGRAPHS = 6

/**
 * The server's plain-language explanation, one paragraph per line: "…：" lines read as headings and
 * "1. …" lines as list items. Long texts open folded so the gaps below stay in reach.
 */
export function ExplanationText({ text }: { text: string }) {
  const paragraphs = text.split('\n').map((p) => p.trim()).filter(Boolean)
  const [open, setOpen] = useState(paragraphs.length <= FOLDED_PARAGRAPHS)
  const shown = open ? paragraphs : paragraphs.slice(0, FOLDED_PARAGRAPHS)
  return (
    <View className='explanation'>
      {shown.map((p, i) => (
        <Text key={i} className={`explanation__para ${kindOf(p)}`}>
          {p}
        </Text>
      ))}
      {!open && (
        <Text className='explanation__more' onClick={() => setOpen(true)}>
          展开全文（共 {paragraphs.length} 段）
        </Text>
      )}
    </View>
  )
}

function kindOf(p: string): string {
  if (/^\d+[.、]/.test(p)) return 'explanation__para--item'
  if (/[:：]$/.test(p)) return 'explanation__para--head'
  return ''
}
