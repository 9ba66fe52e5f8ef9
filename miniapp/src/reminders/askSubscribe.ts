// Asks WeChat for one-time permission to send each reminder template. The H5 build has no such
// dialog: tapping the button is the consent there.
import Taro from '@tarojs/taro'

export async function askSubscribe(templateIds: string[]): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp') return templateIds.length ? templateIds : ['h5']
  if (!templateIds.length) return []
  const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as never)) as unknown as Record<string, string>
  return templateIds.filter((id) => res[id] === 'accept')
}
