// Privacy consent and the login token, kept in local storage. Login happens only after consent,
// never on page load (issue 5, privacy).
import Taro from '@tarojs/taro'

const CONSENT_KEY = 'kexiao.consent.v1'
const TOKEN_KEY = 'kexiao.token'

export function hasConsent(): boolean {
  return Taro.getStorageSync(CONSENT_KEY) === true
}

export function giveConsent(): void {
  Taro.setStorageSync(CONSENT_KEY, true)
}

export function getToken(): string | null {
  return Taro.getStorageSync(TOKEN_KEY) || null
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
}

/** Forget everything on this device (after the firm's data was deleted on the server). */
export function clearSession(): void {
  clearToken()
  Taro.removeStorageSync(CONSENT_KEY)
}
