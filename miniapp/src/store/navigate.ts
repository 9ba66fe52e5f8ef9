// Page paths in one place, and the consent gate: pages that send data to the server open only after the
// owner has agreed to the privacy terms and is logged in (login happens there); otherwise the privacy page comes first.
import Taro from '@tarojs/taro'
import { getToken, hasConsent } from './session'

export const PAGES = {
  home: '/pages/home/index',
  privacy: '/pages/privacy/index',
  questions: '/pages/questions/index',
  result: '/pages/result/index',
  ladder: '/pages/ladder/index',
  reminders: '/pages/reminders/index',
  account: '/pages/account/index',
} as const

export function openWithConsent(url: string): void {
  if (hasConsent() && getToken()) Taro.navigateTo({ url })
  else Taro.navigateTo({ url: `${PAGES.privacy}?next=${encodeURIComponent(url)}` })
}
