import { Text, View } from '@tarojs/components'
import { NumberField } from '../../../components/NumberField'
import { IP_CLASS1, IP_CLASS2 } from '@domain/rules/national.ts'
import type { IpKey } from '../../../form/draft'
import type { StepProps } from './types'

const LABELS: Record<IpKey, string> = {
  invention: '发明专利（含国防专利）',
  plantVariety: '植物新品种',
  cropVariety: '国家级农作物品种',
  newDrug: '国家新药',
  tcmProtected: '国家一级中药保护品种',
  icLayout: '集成电路布图设计专有权',
  utilityModel: '实用新型专利',
  design: '外观设计专利',
  software: '软件著作权',
}

// Which kind counts as Ⅰ类 or Ⅱ类 is a rule: it comes from the server's rule data, not from here.
const CLASS1: { key: IpKey; label: string }[] = IP_CLASS1.map((key) => ({ key, label: LABELS[key] }))
const CLASS2: { key: IpKey; label: string }[] = IP_CLASS2.map((key) => ({ key, label: LABELS[key] }))

const countOf = (ip: Partial<Record<IpKey, string>>, keys: { key: IpKey }[]) =>
  keys.reduce((n, k) => n + (/^\d+$/.test(ip[k.key] ?? '') ? Number(ip[k.key]) : 0), 0)

/** IP counts by kind, grouped into the form's Ⅰ类 and Ⅱ类 (trademarks do not count). */
export function IpStep({ draft, update }: StepProps) {
  const group = (title: string, items: typeof CLASS1) => (
    <View className='ip-group'>
      <View className='ip-group__head'>
        <Text className='ip-group__title'>{title}</Text>
        <Text className='ip-group__count'>共 {countOf(draft.ip, items)} 项</Text>
      </View>
      {items.map((f) => (
        <NumberField
          key={f.key}
          name={`ip-${f.key}`}
          label={f.label}
          unit='项'
          integer
          value={draft.ip[f.key]}
          onChange={(v) => update((d) => ({ ...d, ip: { ...d.ip, [f.key]: v } }))}
        />
      ))}
    </View>
  )
  return (
    <View>
      <Text className='step-note'>没有的留空即可。商标不计入。</Text>
      {group('Ⅰ类知识产权', CLASS1)}
      {group('Ⅱ类知识产权', CLASS2)}
    </View>
  )
}
