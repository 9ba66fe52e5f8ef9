import { View, Text } from '@tarojs/components'
import { annualQuarterlyAverage } from '@domain/staff.ts'
import { toDecimalString } from '@domain/exact.ts'

export default function Home() {
  const a = annualQuarterlyAverage([{ startEmployees: 40, endEmployees: 44, startTech: 12, endTech: 14 }])
  return <View><Text>科小助手 {toDecimalString(a.employees, 2, true)}</Text></View>
}
