// The one place that talks HTTP. Pages call the typed functions in ./index.ts, never Taro.request.
import Taro from '@tarojs/taro'
import { clearToken, getToken } from '../store/session'

/** An API failure with the server's stable code and its Chinese message (contracts: errors are JSON). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; code: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = getToken()
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra
}

/** Reads `{ error: { code, message, issues } }` or `{ code, message }` — whichever the server sends. */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as Record<string, any>
  const e = (b.error && typeof b.error === 'object' ? b.error : b) as Record<string, any>
  const issues = Array.isArray(e.issues) ? e.issues : Array.isArray(b.issues) ? b.issues : []
  const message = typeof e.message === 'string' ? e.message : status === 0 ? '网络连接失败，请检查网络后重试' : `服务暂时不可用（${status}）`
  return new ApiError(status, typeof e.code === 'string' ? e.code : `HTTP_${status}`, message, issues)
}

export async function request<T>(method: Method, path: string, data?: unknown): Promise<T> {
  let res: Taro.request.SuccessCallbackResult<any>
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}`,
      method,
      data: data as any,
      header: headers(data === undefined ? {} : { 'Content-Type': 'application/json' }),
      timeout: 30000,
    })
  } catch {
    throw toApiError(0, null)
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
  // An expired or deleted session: forget it, so the next protected page logs in again.
  if (res.statusCode === 401) clearToken()
  throw toApiError(res.statusCode, res.data)
}

/** Multipart upload of one local file (a WeChat temp path, or a blob: URL in H5). */
export async function upload<T>(path: string, filePath: string, name: string, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${API_BASE}${path}`,
      filePath,
      name: 'file',
      fileName: name,
      formData: { name },
      header: headers(),
      success: (res) => {
        let body: unknown = res.data
        try {
          body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data
        } catch {
          /* keep the raw text: toApiError falls back to a generic message */
        }
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(body as T)
        else reject(toApiError(res.statusCode, body))
      },
      fail: () => reject(toApiError(0, null)),
    } as Taro.uploadFile.Option)
    task?.progress?.((p) => onProgress?.(p.progress))
  })
}

/** GET of a file with the session (WeChat's downloadFile; an XHR blob in H5): its local temp path or blob: URL. */
export async function download(path: string): Promise<string> {
  let res: Taro.downloadFile.FileSuccessCallbackResult
  try {
    res = await Taro.downloadFile({ url: `${API_BASE}${path}`, header: headers(), timeout: 60000 } as Taro.downloadFile.Option)
  } catch {
    throw toApiError(0, null)
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.tempFilePath
  if (res.statusCode === 401) clearToken()
  throw toApiError(res.statusCode, null)
}
