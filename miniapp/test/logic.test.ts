import { describe, expect, it } from 'vitest'
import { toApiError } from '../src/api/client'
import { fromSavedAnswers, toSavedAnswers } from '../src/form/answers'
import { currentEvaluationYear, evaluationDeadline } from '../src/form/calendar'
import { labWording } from '../src/form/region'
import { emptyDraft } from '../src/form/draft'
import { annualAverages, liveRdTotal, quarterAverages } from '../src/form/live'
import { staffChecks } from '../src/form/live'
import { STEPS, missingInStep, progressOf, resumeStep, stepOfPath, visibleSteps } from '../src/form/steps'
import { toAssessmentInput, toPrecheckInput } from '../src/form/toInput'
import { ladderInput } from '../src/form/ladder'
import { groupByDeadline, offsetsText } from '../src/reminders/groups'
import { withoutListedFindings } from '../src/result/explanation'
import { bandLabel, ipBandLabel, leverText, percent, rdBandLabel, scoringFor } from '../src/result/labels'
import { fillFromStatements, missingFigures, readFigures } from '../src/statements/figures'
import { officialSizeNote, rejectReason } from '../src/statements/fileRules'
import { etaText, progressText, secondsLeft } from '../src/statements/progress'
import { exampleDraft, exampleJobs, examplePrecheck } from './support/fixtures'

describe('live form arithmetic (the server domain code, shared)', () => {
  it('shows a quarter’s 季平均数 once its four counts are typed', () => {
    expect(quarterAverages({ startEmployees: '40', endEmployees: '44', startTech: '12' })).toBeNull()
    expect(quarterAverages({ startEmployees: '40', endEmployees: '44', startTech: '12', endTech: '15' })).toEqual({
      employees: '42',
      techStaff: '13.5',
    })
  })

  it('computes 全年季平均数 and the 科技人员 share of the contract example', () => {
    expect(annualAverages(exampleDraft().quarters)).toEqual({ employees: '44.75', techStaff: '13.63', techShare: '30.45' })
    expect(annualAverages([{}, {}, {}, {}])).toBeNull()
  })

  it('totals R&D as the form does: 委托 at 80 %, foreign capped at two thirds of domestic', () => {
    expect(liveRdTotal(exampleDraft().rdProjects, 2026)).toMatchObject({ total: '136.5', counted: 2 })
    const capped = liveRdTotal(
      [
        { name: 'a', code: '', form: 'self', status: 'completed', amount: '30' },
        { name: 'b', code: '', form: 'commissioned_foreign', status: 'completed', amount: '100' },
      ],
      2026,
    )
    expect(capped).toMatchObject({ total: '50', foreignExcluded: '60' })
  })

  it('leaves half-typed projects out of the running total', () => {
    expect(liveRdTotal([{ name: 'x', code: '', form: 'self', status: 'ongoing', amount: '12.' }], 2026).counted).toBe(0)
  })
})

describe('form steps', () => {
  it('follow the official form’s order, statements right after the yes/no conditions', () => {
    expect(STEPS.map((s) => s.title)).toEqual([
      '基本准入条件',
      '直通车条件',
      '研发费用管理',
      '上传报表',
      '核对报表数字',
      '上一年度财务数据',
      '职工和科技人员',
      '研发项目',
      '知识产权',
    ])
  })

  it('counts a step done once answered (yes/no, figures) or passed with 下一步 (statements, projects, IP)', () => {
    const fresh = emptyDraft()
    expect(resumeStep(fresh)).toBe('basic')
    expect(progressOf(fresh)).toEqual({ done: 0, total: 8 })
    const d = { ...emptyDraft(), basic: exampleDraft().basic, firstTime: true, pastViolation: false }
    // One step answered is one step done (the old count said 3 / 7 after one).
    expect(progressOf(d)).toEqual({ done: 1, total: 8 })
    expect(resumeStep(d)).toBe('direct')
    const all = { ...exampleDraft(), done: ['statements', 'rdProjects', 'ip'] }
    expect(progressOf(all)).toEqual({ done: 8, total: 8 })
    all.finance = { ...all.finance, salesRevenue: '' }
    expect(missingInStep(all, 'finance')).toEqual(['销售收入'])
    expect(resumeStep(all)).toBe('finance')
  })

  it('walks the 核对 step once a statement was read and skips what the statements answered', () => {
    const d = { ...exampleDraft(), documentsRead: 2 }
    expect(visibleSteps(d).map((s) => s.id)).toContain('review')
    const filled = fillFromStatements({ ...emptyDraft(), documentsRead: 2 }, examplePrecheck(), exampleJobs())
    // Staff came per quarter from the table, R&D from A107012; 财务 still misses 资产总额 and the cost total.
    expect(visibleSteps(filled).map((s) => s.id)).toEqual(['basic', 'direct', 'rdAccount', 'statements', 'review', 'finance', 'ip'])
  })

  it('asks about local registration only where the region requires it', () => {
    const d = exampleDraft()
    expect(missingInStep(d, 'basic')).toEqual([])
    expect(missingInStep(d, 'basic', true)).toEqual(['是否在本地区注册'])
  })

  it('maps a server issue path back to its step', () => {
    expect(stepOfPath('finance.salesRevenue')).toBe('finance')
    expect(stepOfPath('rdProjects[1].amount')).toBe('rdProjects')
    expect(stepOfPath('staff.quarters[0].endTech')).toBe('staff')
    expect(stepOfPath('documents[0]')).toBe('statements')
  })
})

describe('statements fill the answers', () => {
  it('fills each figure read with its page and line, exact underneath, and never overwrites the owner’s figure', () => {
    const figures = readFigures(examplePrecheck())
    expect(figures).toEqual([
      expect.objectContaining({ path: 'finance.salesRevenue', value: '3120.5', shown: '3,120.50 万元', source: '2025年度财务报表.pdf 第 2 页 利润表', printed: '31,205,000.00 元' }),
    ])
    const filled = fillFromStatements(emptyDraft(), examplePrecheck(), exampleJobs())
    expect(filled.finance.salesRevenue).toBe('3120.5')
    expect(filled.filled['finance.salesRevenue']).toMatchObject({ value: '3120.5' })
    expect(filled.quarters[0]).toEqual({ startEmployees: '40', endEmployees: '44', startTech: '12', endTech: '14' })
    expect(filled.rdStatement).toMatchObject({ value: '136.5', projects: 3, printed: '1,365,000.00 元' })
    expect(filled.rdMode).toBe('statement')
    const typed = fillFromStatements({ ...emptyDraft(), finance: { salesRevenue: '3000' } }, examplePrecheck(), exampleJobs())
    expect(typed.finance.salesRevenue).toBe('3000')
    // Filled before and untouched since: a new reading replaces it.
    const again = fillFromStatements(filled, { ...examplePrecheck(), figures: [{ ...examplePrecheck().figures[0]!, value: '3121' }] }, [])
    expect(again.finance.salesRevenue).toBe('3121')
  })

  it('lists what a partial read missed, each with the field it fills, until the owner types it', () => {
    const missing = missingFigures(exampleJobs(), emptyDraft())
    expect(missing).toEqual([{ path: 'finance.totalAssets', label: '资产总额', reason: '2025年度财务报表.pdf 第 1 页 资产负债表未读到「资产总计」' }])
    expect(missingFigures(exampleJobs(), { ...emptyDraft(), finance: { totalAssets: '1500' } })).toEqual([])
    const jobs = exampleJobs()
    jobs[0]!.result!.documents[1]!.missing = [{ field: 'taxesAndSurcharges', label: '税金及附加' }]
    expect(missingFigures(jobs, emptyDraft()).map((m) => [m.path, m.reason])).toContainEqual([
      'finance.totalCost',
      '2025年度财务报表.pdf 第 2 页 利润表未读到「税金及附加」',
    ])
  })

  it('sends what is known to the pre-check, with A107012 standing in for an unlisted project list', () => {
    const d = fillFromStatements({ ...exampleDraft(), rdProjects: [], done: [] }, examplePrecheck(), exampleJobs())
    const input = toPrecheckInput(d, 2027)
    expect(input.rdProjects).toBeUndefined()
    expect(input.ip).toBeDefined()
    expect(input.staff).toMatchObject({ quarters: [{ startEmployees: 40 }, {}, {}, {}] })
    expect(toAssessmentInput(d, 2027).rdProjects).toEqual([{ name: '研发费用（按A107012年度研发费用小计）', form: 'self', status: 'completed', amount: '136.5' }])
    expect(toPrecheckInput({ ...emptyDraft(), staffAverages: { employees: '44.75', techStaff: '13.625' } }, 2027).staff).toEqual({ employees: '44.75', techStaff: '13.625' })
  })
})

describe('staff checks as typed', () => {
  it('flags 科技人员 above 职工 and a quarter that does not start where the last one ended', () => {
    const c = staffChecks([
      { startEmployees: '40', endEmployees: '44', startTech: '41', endTech: '10' },
      { startEmployees: '45', endEmployees: '46', startTech: '10', endTech: '10' },
      {},
      {},
    ])
    expect(c.errors).toEqual({ '0.startTech': '科技人员不能多于季初职工总数（40 人）' })
    expect(c.notes['1.startEmployees']).toBe('与第一季度季末（44 人）不同；如期间人员有变动可保留')
    expect(c.notes['1.startTech']).toBeUndefined()
  })
})

describe('reading progress', () => {
  it('says the page and step and, when long, the time left', () => {
    expect(progressText({ status: 'queued', progress: 0 }, null)).toBe('排队等待读取…')
    expect(progressText({ status: 'processing', progress: 0.25, progressDetail: { page: 2, pages: 6, step: 'recognizing' } }, 60)).toBe('第 2/6 页 · 识别文字 · 25% · 约还需 60 秒')
    expect(secondsLeft(0, 20_000, 0.25)).toBe(60)
    expect(secondsLeft(0, 1_000, 0.5)).toBeNull()
    expect(etaText(5)).toBe('')
    expect(etaText(200)).toBe('约还需 4 分钟')
  })
})

describe('reminders by deadline', () => {
  it('groups the send dates of one deadline into one row', () => {
    const r = (id: string, kind: string, date: string, offsetDays: number, status: 'scheduled' | 'claimed' = 'scheduled') => ({ id, kind, title: kind, date, offsetDays, sendAt: '', status })
    const groups = groupByDeadline([r('a', '评价系统关闭', '2027-08-31', 7), r('b', '评价系统关闭', '2027-08-31', 30), r('c', '汇算清缴', '2027-05-31', 7, 'claimed')])
    expect(groups.map((g) => [g.title, g.offsets, g.cancellable.length])).toEqual([
      ['汇算清缴', [7], 0],
      ['评价系统关闭', [30, 7], 2],
    ])
    expect(offsetsText([30, 7, 1])).toBe('提前 30、7、1 天提醒')
    expect(offsetsText([7, 0])).toBe('提前 7 天及当天提醒')
  })
})

describe('answers → contract input', () => {
  it('produces contracts.md §1’s example from the typed answers', () => {
    const input = toAssessmentInput(exampleDraft(), 2026)
    expect(input).toMatchObject({
      evaluationYear: 2026,
      region: 'national',
      basic: { taxCollection: 'audit', industryCode: 'I6513' },
      finance: { salesRevenue: '3000', totalCost: '2800' },
      staff: { quarters: [{ startEmployees: 40, endEmployees: 44, startTech: 12, endTech: 14 }, {}, {}, {}] },
      ip: { invention: 0, utilityModel: 3, software: 2 },
    })
    expect(input.rdProjects[1]).toEqual({ name: '委托高校测试', code: 'RD2025-02', form: 'commissioned_domestic', status: 'ongoing', amount: '20' })
  })

  it('saves only well-formed answers on the server and restores them', () => {
    const d = exampleDraft()
    d.finance.totalProfit = '12a'
    const saved = toSavedAnswers(d)
    expect((saved.finance as Record<string, string>).totalProfit).toBeUndefined()
    const back = fromSavedAnswers(JSON.parse(JSON.stringify(saved)))
    expect(back.quarters).toEqual(d.quarters)
    expect(back.rdProjects).toEqual(d.rdProjects)
    expect(back.basic).toEqual(d.basic)
  })
})

describe('deadline on the home page', () => {
  it('counts the days to the region’s system close in China time', () => {
    const d = evaluationDeadline('henan', new Date('2026-08-30T20:00:00+08:00'))
    expect(d).toMatchObject({ year: 2026, date: '2026-08-31', daysLeft: 1, estimated: false, regionName: '河南省' })
  })

  it('moves on to next year, marked as an estimate, once this year’s system has closed', () => {
    const now = new Date('2026-11-25T10:00:00+08:00')
    expect(evaluationDeadline('national', now)).toMatchObject({ year: 2027, date: '2027-08-31', estimated: true })
    expect(currentEvaluationYear('national', now)).toBe(2027)
  })
})

describe('regional wording', () => {
  it('asks about research institutions in the region’s own words', () => {
    expect(labWording('ningbo')).toMatch(/宁波市级/)
  })
})

describe('upload checks', () => {
  it('refuses other types, empty and oversized files before uploading', () => {
    expect(rejectReason('利润表.pdf', 200_000)).toBeNull()
    expect(rejectReason('报表.JPG', 200_000)).toBeNull()
    expect(rejectReason('报表.xlsx', 1000)).toMatch(/只支持/)
    expect(rejectReason('空.pdf', 0)).toMatch(/空/)
    expect(rejectReason('大.pdf', 21 * 1024 * 1024)).toMatch(/超过/)
  })

  it('notes PDFs too large for the official system', () => {
    expect(officialSizeNote('报表.pdf', 4 * 1024 * 1024)).toMatch(/3 MB/)
    expect(officialSizeNote('报表.pdf', 1024)).toBeNull()
  })

})

describe('result wording', () => {
  const s = scoringFor(2026)
  it('shows ratios as percentages and the band a score came from', () => {
    expect(percent('0.2812')).toBe('28.12%')
    expect(percent(null)).toBe('—')
    expect(bandLabel(s.techStaffBands, 20)).toBe('≥30%')
    expect(bandLabel(s.techStaffBands, 16)).toBe('25%（含）–30%')
    expect(bandLabel(s.techStaffBands, 0)).toBe('<10%')
    expect(bandLabel(s.rdBySalesBands, null)).toBe('不适用')
    expect(ipBandLabel(s.ipClass2Bands, 0, 24)).toBe('Ⅱ类 ≥4 项')
    expect(ipBandLabel(s.ipClass2Bands, 1, 30)).toBe('拥有Ⅰ类知识产权')
    expect(rdBandLabel(s, { rdBySales: 30, rdByCost: 20 })).toBe('占销售收入 4%（含）–5%')
    expect(rdBandLabel(s, { rdBySales: null, rdByCost: 40 })).toBe('占成本费用 25%（含）–30%')
  })

  it('words each gap lever as something the owner can do', () => {
    expect(leverText({ lever: 'rdExpense', add: '12.35' })).toBe('再增加 12.35 万元自主研发投入')
    expect(leverText({ lever: 'techStaff', add: '3' })).toMatch(/3 名科技人员/)
  })
})

describe('explanation under the result', () => {
  it('leaves out the lists the findings at the top already show', () => {
    const text = ['按您提供的信息，企业目前不符合条件。', '原因：', '1. 综合得分52分。', '材料核对发现：', '1. 上传的报表属于2个不同的企业名称。', '提示：', '1. 未填写行业代码。', '判断结论还需要回答：', '1. 行业代码？'].join('\n')
    expect(withoutListedFindings(text)).toBe(['按您提供的信息，企业目前不符合条件。', '原因：', '1. 综合得分52分。', '判断结论还需要回答：', '1. 行业代码？'].join('\n'))
  })
})

describe('API errors', () => {
  it('keeps the server’s code, Chinese message and field issues', () => {
    const e = toApiError(400, { error: { code: 'INVALID_INPUT', message: '输入有1处问题', issues: [{ path: 'finance.salesRevenue', code: 'REQUIRED', message: '缺少销售收入（万元）' }] } })
    expect(e).toMatchObject({ status: 400, code: 'INVALID_INPUT', message: '输入有1处问题' })
    expect(e.issues[0]!.path).toBe('finance.salesRevenue')
    expect(toApiError(0, null).message).toMatch(/网络/)
  })
})

describe('the 更高一级 answers as contracts.md §5 input', () => {
  it('sends what was answered as typed, leaves blanks out (never 否 or 0), and nothing when nothing was answered', () => {
    expect(ladderInput(undefined)).toBeUndefined()
    expect(ladderInput({ prevRd: '  ', nicheYears: '' })).toBeUndefined()
    expect(ladderInput({ prevRd: '110.5', ipClass1SelfDeveloped: '2', nicheYears: '3.5', equity500: false, titleSpecialized: true })).toEqual({
      previousYear: { rdTotal: '110.5' },
      ipClass1SelfDeveloped: 2,
      nicheYears: 3.5,
      innovationDirect: { equity500: false },
      titles: { specialized: true },
    })
    // A count that is not a whole number is left for the owner to correct rather than guessed.
    expect(ladderInput({ ipClass1SelfDeveloped: '1.5' })).toBeUndefined()
    expect(toPrecheckInput({ ...emptyDraft(), ladder: { prevRevenue: '2600' } }, 2026).ladder).toEqual({ previousYear: { operatingRevenue: '2600' } })
  })
})
