// Login after the owner has agreed to the privacy terms: in WeChat with a wx.login code, in the H5
// build with the server's development login (no credentials). Never called on page load.
import Taro from '@tarojs/taro'
import { login } from '../api'
import { restoreDraftFromServer } from './draft'
import { getToken, setToken } from './session'

export async function ensureLoggedIn(): Promise<void> {
  if (getToken()) return
  const code = process.env.TARO_ENV === 'weapp' ? (await Taro.login()).code : undefined
  const session = await login(code)
  setToken(session.token)
  await restoreDraftFromServer()
}
