import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '../src/api'
import { getDraft, updateDraft } from '../src/store/draft'
import { giveConsent, setToken } from '../src/store/session'
import { exampleDraft, exampleJobs, examplePrecheck } from './support/fixtures'

vi.mock('@tarojs/taro', () => import('./support/taro'))
vi.mock('../src/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/api')>()
  return {
    ...real,
    login: vi.fn(),
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
    listDocuments: vi.fn(() => Promise.resolve({ documents: [] })),
    deleteDocument: vi.fn(() => Promise.resolve()),
    downloadReport: vi.fn(),
  }
})
vi.mock('../src/statements/pickFiles', () => ({ pickFiles: vi.fn() }))

const mocked = vi.mocked(api)
const typeInto = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } })

beforeEach(() => {
  vi.clearAllMocks()
  updateDraft(() => ({ ...exampleDraft(), done: ['statements', 'rdProjects', 'ip'] }))
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

  it('updates the 全年季平均数 as the owner types, carries 季末 into the next 季初 and checks 科技人员 ≤ 职工', async () => {
    updateDraft((d) => ({ ...d, quarters: [...d.quarters.slice(0, 2), {}, {}] }))
    const { default: Questions } = await import('../src/pages/questions')
    const { container } = render(<Questions />)
    expect(screen.getByText('职工和科技人员')).toBeTruthy()
    const box = (q: number, key: string) => container.querySelector(`input[name="q${q}-${key}"]`) as HTMLInputElement
    // 与上季度末相同 fills the third quarter from the second's 季末 in one tap.
    fireEvent.click(screen.getAllByRole('button', { name: '与上季度末相同' })[1]!)
    await waitFor(() => expect(box(3, 'endEmployees').value).toBe('46'))
    expect(box(3, 'startTech').value).toBe('14')
    typeInto(box(3, 'endEmployees'), '45')
    typeInto(box(3, 'endTech'), '13')
    // The third quarter's 季末 is the fourth's 季初 unless changed.
    await waitFor(() => expect(box(4, 'startEmployees').value).toBe('45'))
    expect(box(4, 'startTech').value).toBe('13')
    typeInto(box(4, 'endEmployees'), '48')
    typeInto(box(4, 'endTech'), '49')
    await waitFor(() => expect(screen.getByText('科技人员不能多于季末职工总数（48 人）')).toBeTruthy())
    typeInto(box(4, 'endTech'), '15')
    await waitFor(() => expect(screen.getByText('44.75')).toBeTruthy())
    expect(screen.getByText('30.45%')).toBeTruthy()
  })

  it('lists the uploads from the server (they survive a refresh), with progress by page and a partial read', async () => {
    updateDraft((d) => ({ ...d, done: [] }))
    const reading = { id: 'd3', fileName: '扫描件.pdf', status: 'processing' as const, progress: 0.3, progressDetail: { page: 2, pages: 6, step: 'recognizing' as const } }
    mocked.listDocuments.mockResolvedValueOnce({ documents: [reading, ...exampleJobs()] }).mockResolvedValue({ documents: exampleJobs() })
    const { default: Questions } = await import('../src/pages/questions')
    render(<Questions />)
    await waitFor(() => expect(screen.getByText('上传报表')).toBeTruthy())
    await waitFor(() => expect(screen.getByText(/第 2\/6 页 · 识别文字 · 30%/)).toBeTruthy())
    expect(screen.getByRole('button', { name: '正在读取报表…' }).getAttribute('aria-disabled')).toBe('true')
    await waitFor(() => expect(screen.getByRole('button', { name: '下一步：核对报表数字' })).toBeTruthy(), { timeout: 3000 })
    expect(screen.getByText('未读到：资产总额，下一步核对时请补填')).toBeTruthy()
    expect(screen.getAllByText(/已读到/)).toHaveLength(4)
  })

  it('checks files before upload and sends the rest', async () => {
    updateDraft((d) => ({ ...d, done: [] }))
    const { pickFiles } = await import('../src/statements/pickFiles')
    vi.mocked(pickFiles).mockResolvedValue([
      { path: 'blob:1', name: '2025年度财务报表.pdf', size: 300_000 },
      { path: 'blob:2', name: '工资表.xlsx', size: 20_000 },
    ])
    mocked.uploadDocument.mockImplementation(async (_path, _name, onProgress) => {
      onProgress?.(100)
      return { id: 'd1', status: 'processing', progress: 0.1 }
    })
    mocked.listDocuments.mockResolvedValueOnce({ documents: [] }).mockResolvedValue({ documents: exampleJobs().slice(0, 1) })
    const { default: Questions } = await import('../src/pages/questions')
    render(<Questions />)
    await waitFor(() => expect(screen.getByRole('button', { name: '没有报表，手动填写' })).toBeTruthy())
    fireEvent.click(screen.getByText('选择 PDF 或图片'))
    await waitFor(() => expect(screen.getByText('只支持 PDF、PNG、JPG 格式的报表')).toBeTruthy())
    await waitFor(() => expect(screen.getByText('部分读取')).toBeTruthy())
    expect(mocked.uploadDocument).toHaveBeenCalledTimes(1) // the spreadsheet never left the phone
  })

  it('核对: fills the figures read, shows every finding and a field for the figure a partial read missed', async () => {
    updateDraft((d) => ({ ...d, finance: {}, rdProjects: [], quarters: [{}, {}, {}, {}], done: ['basic', 'direct', 'rdAccount', 'statements'], documentsRead: 2 }))
    mocked.listDocuments.mockResolvedValue({ documents: exampleJobs() })
    mocked.precheck.mockResolvedValue(examplePrecheck())
    const { default: Questions } = await import('../src/pages/questions')
    render(<Questions />)
    await waitFor(() => expect(screen.getByText('核对报表数字')).toBeTruthy())
    await waitFor(() => expect(screen.getByText('需要处理的问题（3）')).toBeTruthy())
    expect(screen.getByText('上传的报表属于2个不同的企业名称，请删除不是本企业的报表。')).toBeTruthy()
    expect(mocked.precheck.mock.calls[0]![1]).toEqual(['d1', 'd2'])
    // 销售收入 filled from the 利润表, marked and exact underneath.
    await waitFor(() => expect(getDraft().finance.salesRevenue).toBe('3120.5'))
    expect(screen.getByText('3,120.50 万元')).toBeTruthy()
    expect(screen.getAllByText('来自报表').length).toBeGreaterThan(0)
    expect(screen.getByText('报表原数 31,205,000.00 元')).toBeTruthy()
    // The balance sheet gave no 资产总计: asked right here.
    expect(screen.getByText('2025年度财务报表.pdf 第 1 页 资产负债表未读到「资产总计」')).toBeTruthy()
    typeInto(screen.getByLabelText('资产总额'), '1500')
    expect(getDraft().finance.totalAssets).toBe('1500')
    expect(getDraft().rdMode).toBe('statement')
    expect(getDraft().quarters[3]).toEqual({ startEmployees: '45', endEmployees: '48', startTech: '13', endTech: '15' })
  })
})

describe('更高一级 page', () => {
  // A real ladder (contracts.md §5) from the server's engine for the example firm with some ladder answers.
  const withLadder = async () => {
    const { assess } = await import('@domain/assess.ts')
    const { AssessmentInputSchema } = await import('@schemas/assessment.ts')
    const input = structuredClone((await import('../../test/fixtures/contract-example.json')).default) as Record<string, unknown>
    input.ladder = { previousYear: { operatingRevenue: '2600', rdTotal: '80' }, nicheYears: 4, innovationDirect: { provincialAward: false, hnteOrDemo: false, provincialLab: false, equity500: false } }
    const assessment = assess(AssessmentInputSchema.parse(input))
    return { ...examplePrecheck(), assessment }
  }

  it('is linked from the result’s 下一步', async () => {
    mocked.precheck.mockResolvedValue(examplePrecheck())
    const { default: Result } = await import('../src/pages/result')
    render(<Result />)
    await waitFor(() => expect(screen.getByText('更高一级')).toBeTruthy())
    fireEvent.click(screen.getByText('更高一级'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ladder/index' })
  })

  it('lists each rung with its state, what decides it, the smallest change, 由平台评价 and the source line; an answer is sent', async () => {
    const p = await withLadder()
    mocked.precheck.mockResolvedValue(p)
    const { default: Ladder } = await import('../src/pages/ladder')
    render(<Ladder />)
    await waitFor(() => expect(screen.getByText('专精特新中小企业')).toBeTruthy())
    expect(screen.getByText('专精特新“小巨人”企业')).toBeTruthy()
    const rd = p.assessment.ladder!.specialized.conditions.find((c) => c.code === 'RD')!
    expect(rd.state).toBe('unmet')
    expect(screen.getByText(new RegExp(rd.gap!.text.replace(/[()（）]/g, '.')))).toBeTruthy()
    expect(screen.getAllByText(/由平台评价/).length).toBeGreaterThan(1)
    expect(screen.getAllByText(/工信部企业〔2026〕2号/).length).toBeGreaterThan(0)
    expect(screen.getByText(/以当年官方通知为准。$/)).toBeTruthy()
    typeInto(screen.getByLabelText('前一年研发费用'), '120')
    await waitFor(() => expect(mocked.precheck.mock.calls.length).toBeGreaterThan(1), { timeout: 3000 })
    expect(mocked.precheck.mock.calls.at(-1)![0]).toMatchObject({ ladder: { previousYear: { rdTotal: '120' } } })
    expect(getDraft().ladder?.prevRd).toBe('120')
  })
})

describe('更高一级 page on the ladder tables', () => {
  it('shows every condition’s state as the engine decided it, on every ladder case', async () => {
    const { assess } = await import('@domain/assess.ts')
    const { AssessmentInputSchema } = await import('@schemas/assessment.ts')
    const { ALL_LADDER_CASES } = await import('../../test/domain/cases/ladder.ts')
    const { default: Ladder } = await import('../src/pages/ladder')
    for (const c of ALL_LADDER_CASES) {
      const assessment = assess(AssessmentInputSchema.parse(c.input))
      mocked.precheck.mockResolvedValue({ ...examplePrecheck(), assessment })
      const { container, unmount } = render(<Ladder />)
      await waitFor(() => expect(container.querySelector('[data-code="QUALITY_SCORE"]')).toBeTruthy())
      for (const t of [assessment.ladder!.specialized, assessment.ladder!.littleGiant]) {
        const shown = Array.from(container.querySelectorAll('[data-code]')).slice(t === assessment.ladder!.specialized ? 0 : assessment.ladder!.specialized.conditions.length)
        expect(shown.slice(0, t.conditions.length).map((e) => [e.getAttribute('data-code'), e.getAttribute('data-state')]), c.name).toEqual(t.conditions.map((x) => [x.code, x.state]))
      }
      expect(container.querySelector('[data-rung="innovative"]')?.getAttribute('data-qualified'), c.name).toBe(String(assessment.ladder!.innovative.qualified))
      unmount()
    }
  }, 60_000)
})

describe('result page', () => {
  it('lays out the 自评结果 with every finding right under the verdict, reasons, explanation, gaps and materials', async () => {
    mocked.precheck.mockResolvedValue(examplePrecheck())
    mocked.listDocuments.mockResolvedValue({ documents: exampleJobs() })
    const { default: Result } = await import('../src/pages/result')
    const { container } = render(<Result />)
    await waitFor(() => expect(screen.getByText('暂不符合评价条件')).toBeTruthy())
    expect(screen.getByText('另有 3 个问题需要处理，见下方')).toBeTruthy()
    expect(screen.getByText('需要处理的问题（3）')).toBeTruthy()
    // Findings come before the score table, i.e. above the fold.
    const html = container.innerHTML
    expect(html.indexOf('上传的报表属于2个不同的企业名称')).toBeLessThan(html.indexOf('评价指标得分'))
    expect(screen.getByText('综合得分52分，低于60分')).toBeTruthy()
    expect(screen.getByText('占比 28.12%（13.63 / 44.75 人）')).toBeTruthy()
    expect(screen.getByText('您的企业综合得分52分，还差8分。')).toBeTruthy()
    expect(screen.getByText('再增加 3 名科技人员（全年季平均）')).toBeTruthy()
    expect(screen.getByText('上一年度利润表')).toBeTruthy()
    expect(mocked.precheck.mock.calls[0]![0]).toMatchObject({ evaluationYear: expect.any(Number), finance: { salesRevenue: '3000' } })
    expect(mocked.precheck.mock.calls[0]![1]).toEqual(['d1', 'd2'])
  })

  it('downloads the PDF report of the stored pre-check', async () => {
    mocked.precheck.mockResolvedValue(examplePrecheck())
    mocked.downloadReport.mockResolvedValue('blob:report')
    const { default: Result } = await import('../src/pages/result')
    render(<Result />)
    await waitFor(() => expect(screen.getByRole('button', { name: '下载 PDF 报告' })).toBeTruthy())
    fireEvent.click(screen.getByRole('button', { name: '下载 PDF 报告' }))
    await waitFor(() => expect(mocked.downloadReport).toHaveBeenCalledWith('p1'))
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
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/questions/index?step=rdAccount' })
  })

  it('asks for the answers still empty before asking the server', async () => {
    updateDraft((d) => ({ ...d, finance: { ...d.finance, totalCost: '' } }))
    const { default: Result } = await import('../src/pages/result')
    render(<Result />)
    await waitFor(() => expect(screen.getByText('成本费用支出总额')).toBeTruthy())
    expect(screen.getByText('上一年度财务数据')).toBeTruthy()
    expect(mocked.precheck).not.toHaveBeenCalled()
  })
})

describe('reminders page', () => {
  it('subscribes for the firm’s region and lists what is planned, with a way to cancel', async () => {
    giveConsent()
    setToken('t1')
    const reminder = { id: 'r1', kind: 'systemCloses', title: '评价系统即将关闭', date: '2027-08-31', offsetDays: 7, sendAt: '2027-08-24T01:00:00.000Z', status: 'scheduled' as const }
    const earlier = { ...reminder, id: 'r2', offsetDays: 30, sendAt: '2027-08-01T01:00:00.000Z' }
    const consents = { templateIds: [], available: {}, total: 0 }
    mocked.listReminders.mockResolvedValueOnce({ reminders: [], consents }).mockResolvedValue({ reminders: [reminder, earlier], consents })
    mocked.saveFirm.mockResolvedValue({ name: null, region: 'national', regionName: '全国', submitted: false, tiered: false })
    const { default: Reminders } = await import('../src/pages/reminders')
    render(<Reminders />)
    await waitFor(() => expect(screen.getByText('还没有提醒，订阅后按所在地区的截止日期安排。')).toBeTruthy())
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '一键订阅全部截止提醒' })))
    await waitFor(() => expect(screen.getByText('评价系统即将关闭')).toBeTruthy())
    expect(mocked.saveFirm).toHaveBeenCalledWith('national')
    expect(mocked.recordConsents).not.toHaveBeenCalled() // no WeChat dialog outside WeChat
    expect(screen.getAllByText('已订阅').length).toBeGreaterThan(1)
    expect(screen.queryByRole('button', { name: '一键订阅全部截止提醒' })).toBeNull()
    expect(screen.getByText('截止 2027年8月31日 · 提前 30、7 天提醒')).toBeTruthy()
    // Cancelling asks first; kept when the owner says no.
    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    fireEvent.click(screen.getByRole('button', { name: '取消评价系统即将关闭的提醒' }))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(mocked.cancelReminder).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '取消评价系统即将关闭的提醒' }))
    await waitFor(() => expect(mocked.cancelReminder).toHaveBeenCalledWith('r1'))
    expect(mocked.cancelReminder).toHaveBeenCalledWith('r2')
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
