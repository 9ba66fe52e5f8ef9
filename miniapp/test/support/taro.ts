// Taro's real H5 APIs (storage and the like), with navigation, toasts and page lifecycle made observable:
// a page rendered on its own has no router or page instance behind it.
import { useEffect } from 'react'
import { vi } from 'vitest'

const real = await vi.importActual<Record<string, any>>('@tarojs/taro')

// The H5 build rewrites Taro.xxx into named imports (babel-plugin-transform-taroapi); here both are one object.
const Taro = {
  ...real,
  ...real.default,
  navigateTo: vi.fn(),
  redirectTo: vi.fn(),
  reLaunch: vi.fn(),
  navigateBack: vi.fn(() => Promise.resolve()),
  pageScrollTo: vi.fn(),
  showToast: vi.fn(() => Promise.resolve()),
  showModal: vi.fn(() => Promise.resolve({ confirm: true, cancel: false })),
}

export default Taro
export const useDidShow = (cb: () => void) => useEffect(() => cb(), [])
export const useRouter = () => ({ params: {} })
export const useShareAppMessage = vi.fn()
