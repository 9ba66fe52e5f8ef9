import { describe, expect, it } from 'vitest'
import { toApiError } from '../src/api/client'
import { fromSavedAnswers, toSavedAnswers } from '../src/form/answers'
import { currentEvaluationYear, evaluationDeadline } from '../src/form/calendar'
import { labWording } from '../src/form/region'
import { emptyDraft } from '../src/form/draft'
import { annualAverages, liveRdTotal, quarterAverages } from '../src/form/live'
import { STEPS, completedSteps, firstIncompleteStep, missingInStep, stepOfPath } from '../src/form/steps'
import { toAssessmentInput } from '../src/form/toInput'
import { bandLabel, ipBandLabel, leverText, percent, rdBandLabel, scoringFor } from '../src/result/labels'
import { figuresFromDocuments, figuresFromPrecheck, yuanToWan } from '../src/upload/figures'
import { officialSizeNote, rejectReason } from '../src/upload/fileRules'
import { exampleDraft, examplePrecheck } from './support/fixtures'

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
  it('follow the official form’s order', () => {
    expect(STEPS.map((s) => s.title)).toEqual([
      '基本准入条件',
      '直通车条件',
      '研发费用管理',
      '上一年度财务数据',
      '职工和科技人员',
      '研发项目',
      '知识产权',
    ])
  })

  it('name what is still missing and where a returning owner resumes', () => {
    const d = exampleDraft()
    expect(firstIncompleteStep(d)).toBe(STEPS.length - 1)
    d.finance = { ...d.finance, salesRevenue: '' }
    expect(missingInStep(d, 'finance')).toEqual(['销售收入'])
    expect(firstIncompleteStep(d)).toBe(3)
    expect(firstIncompleteStep(emptyDraft())).toBe(0)
    expect(completedSteps(d)).toBe(STEPS.length - 1)
    expect(completedSteps(exampleDraft())).toBe(STEPS.length)
  })

  it('asks about local registration only where the region requires it', () => {
    const d = exampleDraft()
    expect(missingInStep(d, 'basic')).toEqual([])
    expect(missingInStep(d, 'basic', true)).toEqual(['是否在本地区注册'])
  })

  it('maps a server issue path back to its step', () => {
    expect(STEPS[stepOfPath('finance.salesRevenue')]!.id).toBe('finance')
    expect(STEPS[stepOfPath('rdProjects[1].amount')]!.id).toBe('rdProjects')
    expect(STEPS[stepOfPath('staff.quarters[0].endTech')]!.id).toBe('staff')
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

  it('lists statement readings in 万元 with their file and page', () => {
    expect(yuanToWan('30000000.00')).toBe('3000')
    expect(yuanToWan('-1234.56')).toBe('-0.123456')
    const figures = figuresFromDocuments(
      [
        {
          id: 'd1',
          status: 'done',
          progress: 1,
          result: {
            file: '利润表.pdf',
            pages: 2,
            method: 'text',
            documents: [{ kind: 'income_statement', page: 2, unit: '元', fields: { operatingRevenue: { value: '31205000.00', confidence: 0.99 } } }],
            checks: [],
            errors: [],
          },
        },
      ],
      { 'finance.salesRevenue': '3000' },
    )
    expect(figures).toEqual([
      { path: 'finance.salesRevenue', label: '销售收入', extracted: '3120.5', typed: '3000', file: '利润表.pdf', page: 2 },
    ])
  })

  it('offers the pre-check’s statement-backed form figures for confirmation, with the difference flagged', () => {
    expect(figuresFromPrecheck(examplePrecheck())).toEqual([
      {
        path: 'finance.salesRevenue',
        label: '销售收入',
        extracted: '3120.5',
        typed: '3000',
        file: '2025年度财务报表.pdf',
        page: 2,
        discrepancy: true,
        message: '销售收入填写为3000万元，利润表为3120.5万元',
      },
    ])
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

describe('API errors', () => {
  it('keeps the server’s code, Chinese message and field issues', () => {
    const e = toApiError(400, { error: { code: 'INVALID_INPUT', message: '输入有1处问题', issues: [{ path: 'finance.salesRevenue', code: 'REQUIRED', message: '缺少销售收入（万元）' }] } })
    expect(e).toMatchObject({ status: 400, code: 'INVALID_INPUT', message: '输入有1处问题' })
    expect(e.issues[0]!.path).toBe('finance.salesRevenue')
    expect(toApiError(0, null).message).toMatch(/网络/)
  })
})
