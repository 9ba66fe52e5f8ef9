// The latest pre-check, kept between the upload page (which reconciles figures) and the result page.
import type { PrecheckResult } from '../api'

let last: PrecheckResult | null = null

export const rememberCheck = (r: PrecheckResult | null) => {
  last = r
}
export const lastCheck = () => last
