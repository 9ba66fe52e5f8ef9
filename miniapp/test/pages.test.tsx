import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '../src/api'
import { getDraft, updateDraft } from '../src/store/draft'
import { giveConsent, setToken } from '../src/store/session'
import { exampleDraft, examplePrecheck } from './support/fixtures'

vi.mock('@tarojs/taro', () => import('./support/taro'))
vi.mock('../src/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/api')>()
  return {
    ...real,
    login: vi.fn(),
    createAssessment: vi.fn(),
    precheck: vi.fn(),
    saveCheck: vi.fn(() => Promise.resolve({ answers: null, updatedAt: null })),
    loadCheck: vi.fn(() => Promise.resolve({ answers: null, updatedAt: null })),
    listReminders: vi.fn(),
    recordConsents: vi.fn(),
    saveFirm: vi.fn(),
    cancelReminder: vi.fn(),
    deleteMyData: vi.fn(),
    listNotices: vi.fn(() => Promise.resolve({ notices: [], unread: 0 })),
    markNoticeRead: vi.fn(() => Promise.resolve()),
    uploadDocument: vi.fn(),
    getDocument: vi.fn(),
  }
})
vi.mock('../src/upload/pickFiles', () => ({ pickFiles: vi.fn() }))

const mocked = vi.mocked(api)
const typeInto = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } })

beforeEach(() => {
  vi.clearAllMocks()
  updateDraft(() => exampleDraft())
})

describe('privacy page', () => {
  it('logs in only after consent, then opens the page the owner asked for', async () => {
    const { default: Privacy } = await import('../src/pages/privacy')
    mocked.login.mockResolvedValue({ token: 't1', expiresAt: '', user: { id: 'u', dev: true, privacyConsentAt: '' } })
    render(<Privacy />)
    expect(mocked.login).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/questions/index' }))
    expect(mocked.login.mock.calls[0]).toEqual([]) // H5: the development login, no wx.login
    expect(localStorage.getItem('kexiao.token')).toContain('t1')
  })
})

describe('questions page', () => {
  it('resumes at the first step still missing an answer and blocks 下一步 until it is given', async () => {
    updateDraft((d) => ({ ...d, rdAuxiliaryAccount: undefined }))
    const { default: Questions } = await import('../src/pages/questions')
    render(<Questions />)
    expect(screen.getByText('研发费用管理')).toBeTruthy()
    expect(screen.getByRole('button', { name: '下一步' }).getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(screen.getByRole('radiogroup', { name: '研发项目立项时是否设置了研发支出辅助账？' }).querySelector('[aria-checked="false"]')!)
    await waitFor(() => expect(screen.getByRole('button', { name: '下一步' }).getAttribute('aria-disabled')).toBe('false'))
    expect(getDraft().rdAuxiliaryAccount).toBe(true)
  })

  it('updates the 全年季平均数 as the owner types', async () => {
    updateDraft((d) => ({ ...d, quarters: [...d.quarters.slice(0, 3), {}] }))
    const { default: Questions } = await import('../src/pages/questions')
    const { container } = render(<Questions />)
    expect(screen.getByText('职工和科技人员')).toBeTruthy()
    for (const [key, value] of Object.entries({ startEmployees: '45', endEmployees: '48', startTech: '13', endTech: '15' }))
      typeInto(container.querySelector(`input[name="q4-${key}"]`)!, value)
    await waitFor(() => expect(screen.getByText('44.75')).toBeTruthy())
    expect(screen.getByText('30.45%')).toBeTruthy()
  })

  it('sends the answers and takes server issues back to the step that has them', async () => {
    mocked.createAssessment.mockRejectedValue(
      new api.ApiError(400, 'INVALID_INPUT', '输入有1处问题，请逐项修改', [{ path: 'finance.totalCost', code: 'OUT_OF_RANGE', message: '成本费用支出总额（万元）超出合理范围' }]),
    )
    const { default: Questions } = await import('../src/pages/questions')
    render(<Questions />)
    expect(screen.getByText('知识产权')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '提交，下一步上传报表' }))
    await waitFor(() => expect(screen.getByText('成本费用支出总额（万元）超出合理范围')).toBeTruthy())
    expect(screen.getByText('上一年度财务数据')).toBeTruthy()
    expect(mocked.createAssessment.mock.calls[0]![0]).toMatchObject({ finance: { totalCost: '2800' }, rdProjects: [{}, {}] })
  })
})

describe('upload page', () => {
  it('checks files before upload, follows the reading, and takes the owner’s correction', async () => {
    const { pickFiles } = await import('../src/upload/pickFiles')
    vi.mocked(pickFiles).mockResolvedValue([
      { path: 'blob:1', name: '2025年度财务报表.pdf', size: 300_000 },
      { path: 'blob:2', name: '工资表.xlsx', size: 20_000 },
    ])
    mocked.uploadDocument.mockImplementation(async (_path, _name, onProgress) => {
      onProgress?.(100)
      return { id: 'd1', status: 'processing', progress: 0.1 }
    })
    mocked.getDocument.mockResolvedValue({
      id: 'd1',
      status: 'done',
      progress: 1,
      result: { file: '2025年度财务报表.pdf', pages: 2, method: 'text', documents: [{ kind: 'income_statement', page: 2, unit: '元', fields: {} }], checks: [], errors: [] },
    })
    mocked.precheck.mockResolvedValue(examplePrecheck())
    const { default: Upload } = await import('../src/pages/upload')
    render(<Upload />)

    fireEvent.click(screen.getByText('选择聊天中的 PDF'))
    await waitFor(() => expect(screen.getByText('只支持 PDF、PNG、JPG 格式的报表')).toBeTruthy())
    await waitFor(() => expect(screen.getByText('已读取')).toBeTruthy(), { timeout: 3000 })
    expect(mocked.uploadDocument).toHaveBeenCalledTimes(1) // the spreadsheet never left the phone

    fireEvent.click(screen.getByRole('button', { name: '核对读取的数字' }))
    await waitFor(() => expect(screen.getByText('与填写不一致')).toBeTruthy())
    expect(mocked.precheck.mock.calls[0]![1]).toEqual(['d1'])
    expect(screen.getByText('来自 2025年度财务报表.pdf 第 2 页')).toBeTruthy()

    typeInto(screen.getByLabelText('确认数值'), '3121')
    fireEvent.click(screen.getByRole('button', { name: '确认更正' }))
    fireEvent.click(screen.getByRole('button', { name: '确认，查看评价结果' }))
    expect(getDraft().finance.salesRevenue).toBe('3121')
    expect(getDraft().documentIds).toEqual(['d1'])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/result/index' })
  })
})

describe('result page', () => {
  it('lays out the 自评结果 with reasons, explanation, gaps, on-site triggers and materials', async () => {
    mocked.precheck.mockResolvedValue(examplePrecheck())
    const { default: Result } = await import('../src/pages/result')
    render(<Result />)
    await waitFor(() => expect(screen.getByText('暂不符合评价条件')).toBeTruthy())
    expect(screen.getByText('综合得分52分，低于60分')).toBeTruthy()
    expect(screen.getByText('占比 28.12%（13.625 / 44.75 人）')).toBeTruthy()
    expect(screen.getByText('区间 占销售收入 4%（含）–5%')).toBeTruthy()
    expect(screen.getByText('您的企业综合得分52分，还差8分。')).toBeTruthy()
    expect(screen.getByText('再增加 3 名科技人员（全年季平均）')).toBeTruthy()
    expect(screen.getByText('首次参加评价的企业将接受现场核查')).toBeTruthy()
    expect(screen.getByText('销售收入较上年增长超过50%，审核时会重点核对')).toBeTruthy()
    expect(screen.getByText('上一年度利润表')).toBeTruthy()
    expect(mocked.precheck.mock.calls[0]![0]).toMatchObject({ evaluationYear: expect.any(Number), finance: { salesRevenue: '3000' } })
  })

  it('lists the questions the pre-check still needs answered', async () => {
    mocked.precheck.mockResolvedValue({
      ...examplePrecheck(),
      verdict: 'undetermined',
      assessment: null,
      questions: [{ path: 'rdAuxiliaryAccount', section: '研发费用管理', question: '研发项目立项时是否设置了研发支出辅助账？', affects: ['NO_RD_ACCOUNT'], neededForVerdict: true }],
    })
    const { default: Result } = await import('../src/pages/result')
    render(<Result />)
    await waitFor(() => expect(screen.getByText('研发项目立项时是否设置了研发支出辅助账？')).toBeTruthy())
    fireEvent.click(screen.getByRole('button', { name: '去回答' }))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/questions/index' })
  })

  it('asks for the answers still empty before asking the server', async () => {
    updateDraft((d) => ({ ...d, finance: { ...d.finance, totalCost: '' } }))
    const { default: Result } = await import('../src/pages/result')
    render(<Result />)
    await waitFor(() => expect(screen.getByText('成本费用支出总额')).toBeTruthy())
    expect(screen.getByText('上一年度财务数据')).toBeTruthy()
    expect(mocked.precheck).not.toHaveBeenCalled()
  })

  it('still shows the 自评结果 when the pre-check is not available', async () => {
    mocked.precheck.mockRejectedValue(new api.ApiError(404, 'NOT_FOUND', '请求的接口不存在'))
    const { assessment } = examplePrecheck()
    mocked.createAssessment.mockResolvedValue({ ...assessment!, id: 'a1', createdAt: '', input: {} as never })
    const { default: Result } = await import('../src/pages/result')
    render(<Result />)
    await waitFor(() => expect(screen.getByText('评价指标得分')).toBeTruthy())
    expect(screen.queryByText('结果说明')).toBeNull()
  })
})

describe('reminders page', () => {
  it('subscribes for the firm’s region and lists what is planned, with a way to cancel', async () => {
    giveConsent()
    setToken('t1')
    const reminder = { id: 'r1', kind: 'systemCloses', title: '评价系统即将关闭', date: '2027-08-31', offsetDays: 7, sendAt: '2027-08-24T01:00:00.000Z', status: 'scheduled' as const }
    const consents = { templateIds: [], available: {}, total: 0 }
    mocked.listReminders.mockResolvedValueOnce({ reminders: [], consents }).mockResolvedValue({ reminders: [reminder], consents })
    mocked.saveFirm.mockResolvedValue({ name: null, region: 'national', regionName: '全国', submitted: false, tiered: false })
    const { default: Reminders } = await import('../src/pages/reminders')
    render(<Reminders />)
    await waitFor(() => expect(screen.getByText('还没有提醒，订阅后按所在地区的截止日期安排。')).toBeTruthy())
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '订阅截止提醒' })))
    await waitFor(() => expect(screen.getByText('评价系统即将关闭')).toBeTruthy())
    expect(mocked.saveFirm).toHaveBeenCalledWith('national')
    expect(mocked.recordConsents).not.toHaveBeenCalled() // no WeChat dialog outside WeChat
    expect(screen.getByText('截止 2027年8月31日 · 2027年8月24日 提醒')).toBeTruthy()
    fireEvent.click(screen.getByText('取消'))
    await waitFor(() => expect(mocked.cancelReminder).toHaveBeenCalledWith('r1'))
  })

  it('shows reminders received in the app and marks one read when opened', async () => {
    setToken('t1')
    mocked.listReminders.mockResolvedValue({ reminders: [], consents: { templateIds: [], available: {}, total: 0 } })
    mocked.listNotices.mockResolvedValue({
      notices: [{ id: 'n1', title: '距评价系统关闭还有7天', body: '请尽快提交自评。', deadline: '2027-08-31', createdAt: '2027-08-24T01:00:00.000Z', read: false }],
      unread: 1,
    })
    const { default: Reminders } = await import('../src/pages/reminders')
    render(<Reminders />)
    await waitFor(() => expect(screen.getByText('距评价系统关闭还有7天')).toBeTruthy())
    expect(screen.getByLabelText('未读')).toBeTruthy()
    fireEvent.click(screen.getByText('请尽快提交自评。'))
    await waitFor(() => expect(mocked.markNoticeRead).toHaveBeenCalledWith('n1'))
    expect(screen.queryByLabelText('未读')).toBeNull()
  })
})

describe('my data page', () => {
  it('deletes everything after confirmation and forgets the device’s copy', async () => {
    setToken('t1')
    mocked.deleteMyData.mockResolvedValue({ deleted: ['firm'] })
    const { default: Account } = await import('../src/pages/account')
    render(<Account />)
    fireEvent.click(screen.getByRole('button', { name: '删除我的全部数据' }))
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }))
    expect(localStorage.getItem('kexiao.token')).toBeNull()
    expect(getDraft().finance).toEqual({})
  })
})
