import { View, Text } from '@tarojs/components'

export default function Home() {
  return <View><Text>科小助手</Text></View>
}
