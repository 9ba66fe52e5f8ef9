// The contract's example firm (contracts.md §1) as the owner would type it, and a pre-check answer for it.
import type { AssessmentResult, DocumentJob, StoredPrecheck } from '../../src/api'
import { emptyDraft, type Draft } from '../../src/form/draft'

export function exampleDraft(): Draft {
  return {
    ...emptyDraft('national'),
    firstTime: true,
    pastViolation: false,
    basic: {
      registeredInMainland: true,
      registeredInRegion: undefined,
      productsAllowed: true,
      creditClean: true,
      taxCollection: 'audit',
      industryCode: 'I6513',
    },
    directPass: { highTechCertificate: false, nationalAwardTop3: false, provincialRdInstitution: false, ledStandard: false },
    rdAuxiliaryAccount: true,
    superDeductionClaimed: false,
    finance: {
      totalAssets: '1500',
      netAssets: '800',
      salesRevenue: '3000',
      mainBusinessRevenue: '2900',
      totalProfit: '120',
      totalTax: '90',
      totalCost: '2800',
    },
    quarters: [
      { startEmployees: '40', endEmployees: '44', startTech: '12', endTech: '14' },
      { startEmployees: '44', endEmployees: '46', startTech: '14', endTech: '14' },
      { startEmployees: '46', endEmployees: '45', startTech: '14', endTech: '13' },
      { startEmployees: '45', endEmployees: '48', startTech: '13', endTech: '15' },
    ],
    rdProjects: [
      { name: '智能检测算法', code: 'RD2025-01', form: 'self', status: 'completed', amount: '120.5' },
      { name: '委托高校测试', code: 'RD2025-02', form: 'commissioned_domestic', status: 'ongoing', amount: '20' },
    ],
    ip: { utilityModel: '3', software: '2' },
  }
}

export function examplePrecheck(): StoredPrecheck {
  const assessment: AssessmentResult = {
    qualified: false,
    route: 'score',
    total: 52,
    scores: { techStaff: 16, rdBySales: 30, rdByCost: 20, rd: 30, ip: 6 },
    ratios: { techStaff: '0.2812', rdBySales: '0.0467', rdByCost: '0.1607' },
    derived: { employees: '44.75', techStaff: '13.625', rdTotal: '136.5', ipClass1: 0, ipClass2: 1 },
    reasons: [{ code: 'SCORE_BELOW_60', message: '综合得分52分，低于60分' }],
    onSiteCheck: [{ code: 'FIRST_TIME', message: '首次参加评价的企业将接受现场核查' }],
    warnings: [],
    conditions: [
      { code: 'REG', group: 'basic', label: '在中国境内注册的居民企业', met: true, source: { id: 'S1', title: '评价办法' } },
      { code: 'HNTE', group: 'direct', label: '拥有有效期内的高新技术企业资格证书', met: false, source: { id: 'S1', title: '评价办法' } },
    ],
    region: 'national',
    evaluationYear: 2026,
    rulesVersion: '2026.1',
  }
  return {
    id: 'p1',
    createdAt: '2026-12-01T10:00:00Z',
    verdict: 'not_qualified',
    route: 'score',
    assessment,
    conditions: assessment.conditions.map(({ met, ...c }) => ({ ...c, state: met ? 'met' : 'not_met' })),
    scores: { ...assessment.scores, total: assessment.total },
    ratios: assessment.ratios,
    reasons: assessment.reasons,
    figures: [
      {
        key: 'salesRevenue',
        label: '销售收入',
        unit: '万元',
        value: '3120.5',
        origin: { kind: 'document', documentId: 'd1', file: '2025年度财务报表.pdf', statement: 'income_statement', page: 2, field: 'operatingRevenue', unit: '元' },
        alternatives: [{ value: '3000', origin: { kind: 'declared', path: 'finance.salesRevenue' } }],
      },
      {
        key: 'totalCost',
        label: '成本费用支出总额',
        unit: '万元',
        value: '2800',
        origin: { kind: 'declared', path: 'finance.totalCost' },
        alternatives: [],
      },
      {
        key: 'rdExpensesStatement',
        label: '利润表研发费用',
        unit: '万元',
        value: '130',
        origin: { kind: 'document', documentId: 'd1', file: '2025年度财务报表.pdf', statement: 'income_statement', page: 2, field: 'rdExpenses', unit: '元' },
        alternatives: [],
      },
    ],
    discrepancies: [
      {
        code: 'DECLARED_VS_DOCUMENT',
        figure: 'salesRevenue',
        declared: '3000',
        document: '3120.5',
        difference: '-120.5',
        origin: { kind: 'document', documentId: 'd1', file: '2025年度财务报表.pdf', statement: 'income_statement', page: 2, field: 'operatingRevenue', unit: '元' },
        message: '销售收入填写为3000万元，利润表为3120.5万元',
      },
    ],
    flags: [
      { kind: 'on_site', code: 'FIRST_TIME', message: '首次参加评价的企业将接受现场核查' },
      { kind: 'review', code: 'SWING', message: '销售收入较上年增长超过50%，审核时会重点核对' },
    ],
    questions: [],
    gaps: {
      notByNumbers: [],
      levers: [
        { lever: 'techStaff', add: '3' },
        { lever: 'rdExpense', add: '12.35' },
      ],
      cheapest: null,
    },
    explanation: { text: '您的企业综合得分52分，还差8分。', source: 'template', model: 'template-v1' },
    identities: [],
    inconsistencies: [],
    warnings: [],
    findings: [
      { code: 'COMPANY_MISMATCH', kind: 'inconsistency', tone: 'danger', text: '上传的报表属于2个不同的企业名称，请删除不是本企业的报表。' },
      { code: 'DECLARED_VS_DOCUMENT', kind: 'discrepancy', tone: 'danger', figure: 'salesRevenue', text: '销售收入与填写不一致：您填写3,000.00万元，比利润表（第2页）少120.50万元，请核对后改成报表上的数。' },
      { code: 'FIRST_TIME', kind: 'on_site', tone: 'warning', text: '可能被列为现场核查对象：首次参加评价的企业将接受现场核查，请提前整理证明材料。' },
    ],
    documents: [],
    evaluationYear: 2026,
    region: 'national',
    rulesVersion: '2026.1',
  }
}

/** A statement file as the server lists it once read: 资产负债表 without its 资产总计, a 利润表 and an A107012. */
export function exampleJobs(): DocumentJob[] {
  return [
    {
      id: 'd1',
      fileName: '2025年度财务报表.pdf',
      status: 'done',
      progress: 1,
      result: {
        file: '2025年度财务报表.pdf',
        pages: 3,
        method: 'text',
        documents: [
          { kind: 'balance_sheet', page: 1, unit: '元', fields: { totalLiabilities: { value: '7000000.00', confidence: 0.99 } } },
          { kind: 'income_statement', page: 2, unit: '元', fields: { operatingRevenue: { value: '31205000.00', confidence: 0.99 }, operatingCost: { value: '20000000.00', confidence: 0.99 } } },
          { kind: 'rd_deduction', page: 3, unit: '元', fields: { rdSubtotal: { value: '1365000.00', confidence: 0.99 }, projectCount: { value: '3', confidence: 0.99 } } },
        ],
        checks: [],
        errors: [],
      },
    },
    {
      id: 'd2',
      fileName: '报表照片1.jpg',
      status: 'done',
      progress: 1,
      result: {
        file: '报表照片1.jpg',
        pages: 1,
        method: 'ocr',
        documents: [
          {
            kind: 'staff_table',
            page: 1,
            unit: '元',
            fields: { employees: { value: '44.75', confidence: 0.9 }, techStaff: { value: '13.625', confidence: 0.9 } },
            quarters: [
              { startEmployees: 40, endEmployees: 44, startTech: 12, endTech: 14 },
              { startEmployees: 44, endEmployees: 46, startTech: 14, endTech: 14 },
              { startEmployees: 46, endEmployees: 45, startTech: 14, endTech: 13 },
              { startEmployees: 45, endEmployees: 48, startTech: 13, endTech: 15 },
            ],
          },
        ],
        checks: [],
        errors: [],
      },
    },
  ]
}
