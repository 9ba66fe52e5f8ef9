import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, request } from '../src/api/client'
import { getToken, setToken } from '../src/store/session'

vi.mock('@tarojs/taro', () => import('./support/taro'))

const respond = (statusCode: number, data: unknown) =>
  vi.spyOn(Taro, 'request').mockResolvedValue({ statusCode, data, header: {}, errMsg: '' } as never)

beforeEach(() => vi.restoreAllMocks())

describe('API client', () => {
  it('sends the session token and JSON body to the same-origin API', async () => {
    setToken('t1')
    const spy = respond(201, { id: 'a1' })
    await expect(request('POST', '/api/v1/assessments', { region: 'national' })).resolves.toEqual({ id: 'a1' })
    expect(spy.mock.calls[0]![0]).toMatchObject({
      url: '/api/v1/assessments',
      method: 'POST',
      header: { Authorization: 'Bearer t1', 'Content-Type': 'application/json' },
    })
  })

  it('turns an error answer into an ApiError with the server’s Chinese message', async () => {
    respond(409, { error: { code: 'REMINDER_ALREADY_SENT', message: '该提醒已发送或正在发送，无法取消' } })
    const err = await request('DELETE', '/api/v1/reminders/x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 409, code: 'REMINDER_ALREADY_SENT', message: '该提醒已发送或正在发送，无法取消' })
  })

  it('forgets an expired session so the next protected page logs in again', async () => {
    setToken('old')
    respond(401, { error: { code: 'UNAUTHORIZED', message: '请先登录' } })
    await expect(request('GET', '/api/v1/reminders')).rejects.toMatchObject({ status: 401 })
    expect(getToken()).toBeNull()
  })
})
