// The answers a pre-check still lacks, in the order the official form asks for them (S3: 企业基本信息, 人员,
// 财务, 研发, 知识产权, 直通车条件, then the 承诺 the firm signs). rules.md names the fields but not their
// order; this sequence follows the form's sections as the manual presents them.
import type { PolicyPack } from '../domain/rules/packs.ts';
import type { FigureKey, PrecheckInput, Question } from './schemas.ts';

interface Ask {
  path: string;
  section: string;
  question: string;
  /** Condition codes, score indicators (techStaff, rd, ip) or on-site triggers the answer decides. */
  affects: string[];
  answered(input: PrecheckInput, known: Partial<Record<FigureKey, unknown>>): boolean;
  /** Only asked when this holds (e.g. the region's local-registration question). */
  when?: (pack: PolicyPack) => boolean;
}

const given = (x: unknown) => x !== undefined;

export const FORM_ORDER: Ask[] = [
  {
    path: 'basic.registeredInMainland',
    section: '企业基本信息',
    question: '企业是否为在中国境内（不含港澳台地区）注册的居民企业？',
    affects: ['REG'],
    answered: (i) => given(i.basic?.registeredInMainland),
  },
  {
    path: 'basic.registeredInRegion',
    section: '企业基本信息',
    question: '企业是否在本地区注册？',
    affects: ['REG'],
    answered: (i) => given(i.basic?.registeredInRegion),
    when: (pack) => pack.localRegistration !== undefined,
  },
  {
    path: 'basic.industryCode',
    section: '企业基本信息',
    question: '企业所属行业代码（国民经济行业分类 GB/T 4754，如 I6513）是什么？',
    affects: ['INDUSTRY'],
    answered: (i) => given(i.basic?.industryCode),
  },
  {
    path: 'basic.taxCollection',
    section: '企业基本信息',
    question: '企业所得税是查账征收还是核定征收？',
    affects: ['TAX_METHOD'],
    answered: (i) => given(i.basic?.taxCollection),
  },
  {
    path: 'firstTime',
    section: '企业基本信息',
    question: '是否首次参加科技型中小企业评价？',
    affects: ['FIRST_TIME'],
    answered: (i) => given(i.firstTime),
  },
  {
    path: 'pastViolation',
    section: '企业基本信息',
    question: '近三年内是否有严重违法违规行为，或被撤销过入库登记编号？',
    affects: ['PAST_VIOLATION'],
    answered: (i) => given(i.pastViolation),
  },
  {
    path: 'staff.employees',
    section: '人员情况',
    question: '上一年度职工总数是多少（各季度季初、季末人数，或全年季平均数）？',
    affects: ['SIZE', 'techStaff', 'FEW_STAFF'],
    answered: (_, k) => given(k.employees),
  },
  {
    path: 'staff.techStaff',
    section: '人员情况',
    question: '上一年度科技人员数是多少（各季度季初、季末人数，或全年季平均数）？',
    affects: ['techStaff'],
    answered: (_, k) => given(k.techStaff),
  },
  {
    path: 'finance.totalAssets',
    section: '财务情况',
    question: '上一年度末资产总额是多少万元？',
    affects: ['SIZE'],
    answered: (_, k) => given(k.totalAssets),
  },
  {
    path: 'finance.salesRevenue',
    section: '财务情况',
    question: '上一年度销售收入（主营业务收入 + 其他业务收入）是多少万元？',
    affects: ['SIZE', 'rd'],
    answered: (_, k) => given(k.salesRevenue),
  },
  {
    path: 'finance.totalCost',
    section: '财务情况',
    question: '上一年度成本费用支出总额（营业成本、税金及附加、销售费用、管理费用、研发费用、财务费用之和）是多少万元？',
    affects: ['rd'],
    answered: (_, k) => given(k.totalCost),
  },
  {
    path: 'rdProjects',
    section: '研发投入',
    question: '上一年度有哪些研发项目（名称、研发形式、研发费用）？',
    affects: ['rd', 'LOW_RD'],
    answered: (i) => given(i.rdProjects),
  },
  {
    path: 'rdAuxiliaryAccount',
    section: '研发投入',
    question: '研发项目立项时是否设置了研发支出辅助账？',
    affects: ['RD_ACCOUNT'],
    answered: (i) => given(i.rdAuxiliaryAccount),
  },
  {
    path: 'ip',
    section: '知识产权',
    question: '企业拥有多少项与主营产品相关的有效知识产权（发明专利、实用新型、外观设计、软件著作权等）？',
    affects: ['ip', 'NO_IP'],
    answered: (i) => given(i.ip),
  },
  {
    path: 'directPass.highTechCertificate',
    section: '直通车条件',
    question: '是否拥有在有效期内的高新技术企业证书？',
    affects: ['HNTE'],
    answered: (i) => given(i.directPass?.highTechCertificate),
  },
  {
    path: 'directPass.nationalAwardTop3',
    section: '直通车条件',
    question: '近五年内是否获得过国家级科技奖励，并在获奖单位中排名前三？',
    affects: ['AWARD'],
    answered: (i) => given(i.directPass?.nationalAwardTop3),
  },
  {
    path: 'directPass.provincialRdInstitution',
    section: '直通车条件',
    question: '是否拥有经认定的省部级以上研发机构？',
    affects: ['LAB'],
    answered: (i) => given(i.directPass?.provincialRdInstitution),
  },
  {
    path: 'directPass.ledStandard',
    section: '直通车条件',
    question: '近五年内是否主导制定过国际标准、国家标准或行业标准？',
    affects: ['STD'],
    answered: (i) => given(i.directPass?.ledStandard),
  },
  {
    path: 'basic.productsAllowed',
    section: '企业承诺',
    question: '企业的产品和服务是否不属于国家规定的禁止、限制和淘汰类？',
    affects: ['SCOPE'],
    answered: (i) => given(i.basic?.productsAllowed),
  },
  {
    path: 'basic.creditClean',
    section: '企业承诺',
    question: '上一年及当年内是否未发生重大安全、质量事故和严重环境违法、科研严重失信行为，且未被列入经营异常名录和严重违法失信名单？',
    affects: ['CREDIT'],
    answered: (i) => given(i.basic?.creditClean),
  },
];

/**
 * Unanswered questions in form order. `neededForVerdict` marks those whose answer could still change an
 * undetermined verdict (`open`: the condition codes and indicators that are unknown).
 */
export function openQuestions(
  input: PrecheckInput,
  known: Partial<Record<FigureKey, unknown>>,
  pack: PolicyPack,
  open: ReadonlySet<string>,
): Question[] {
  return FORM_ORDER.filter((q) => (!q.when || q.when(pack)) && !q.answered(input, known)).map((q) => ({
    path: q.path,
    section: q.section,
    question: q.question,
    affects: q.affects,
    neededForVerdict: q.affects.some((a) => open.has(a)),
  }));
}
