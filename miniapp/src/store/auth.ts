// Login after the owner has agreed to the privacy terms: in WeChat with a wx.login code, in the H5
// build with the server's development login (no credentials). Never called on page load.
import Taro from '@tarojs/taro'
import { ApiError, login } from '../api'
import { restoreDraftFromServer } from './draft'
import { getToken, hasConsent, setToken } from './session'

async function wechatOrDevLogin() {
  if (process.env.TARO_ENV !== 'weapp') return login()
  const { code } = await Taro.login()
  try {
    return await login(code)
  } catch (e) {
    // A development server without WeChat credentials (e.g. opened in WeChat's developer tools) offers the
    // development login instead.
    if (e instanceof ApiError && e.code === 'WECHAT_NOT_CONFIGURED') return login()
    throw e
  }
}

export async function ensureLoggedIn(): Promise<void> {
  if (getToken()) return
  const session = await wechatOrDevLogin()
  setToken(session.token)
  await restoreDraftFromServer()
}

/**
 * Before a call that needs a session (uploads, documents, pre-checks): log in again when the token was lost
 * or expired (a 401 forgets it), but only once the owner has agreed to the privacy terms.
 */
export async function withSession(): Promise<void> {
  if (!getToken() && hasConsent()) await ensureLoggedIn()
}
