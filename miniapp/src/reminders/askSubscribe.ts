// Asks WeChat for one-time permission to send each reminder template (the dialog must open from a tap).
// Outside WeChat there is no such dialog: reminders then arrive as in-app notices.
import Taro from '@tarojs/taro'

export async function askSubscribe(templateIds: string[]): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp' || !templateIds.length) return []
  const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
  return templateIds.filter((id) => res[id] === 'accept')
}
