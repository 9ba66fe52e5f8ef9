// Login after the owner has agreed to the privacy terms: in WeChat with a wx.login code, in the H5
// build with the server's development login (no credentials). Never called on page load.
import Taro from '@tarojs/taro'
import { ApiError, login } from '../api'
import { restoreDraftFromServer } from './draft'
import { getToken, setToken } from './session'

export async function ensureLoggedIn(): Promise<void> {
  if (getToken()) return
  const code = process.env.TARO_ENV === 'weapp' ? (await Taro.login()).code : undefined
  try {
    const session = await login(code)
    setToken(session.token)
  } catch (e) {
    // A server without accounts (404) still scores anonymously; anything else is a real failure.
    if (e instanceof ApiError && e.status === 404) return
    throw e
  }
  await restoreDraftFromServer()
}
