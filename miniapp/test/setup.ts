// Taro's H5 runtime reads the app config from window at start; the tests render pages without the app shell.
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  localStorage.clear()
})
