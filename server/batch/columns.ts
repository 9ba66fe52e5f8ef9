// The batch spreadsheet's columns: the official form's fields (评价信息表) in its order and wording, one
// column each, with the JSON path each fills in the assessment input (contracts.md §1). The template, the
// reader and the error messages all come from this one list.
import { PACKS } from '../domain/rules/packs.ts';
import { RD_FORMS } from '../domain/schemas/assessment.ts';

export type CellKind =
  | 'text'
  | 'creditCode'
  | 'year'
  | 'region'
  | 'bool'
  | 'tax'
  | 'industry'
  | 'amount'
  | 'signedAmount'
  | 'count'
  | 'averaged'
  | 'years'
  | 'rdForm'
  | 'rdStatus';

export interface Choice {
  value: string | boolean;
  label: string;
  /** Other spellings people type (Y/N, 1/0, 自主…). */
  aliases?: readonly string[];
}

export interface Column {
  /** JSON path in the assessment input; `firm.*` and `rdTotalSelf` are the batch's own. */
  key: string;
  /** The form's wording, as the template prints it. */
  header: string;
  /** The form's section (the merged cell above the headers in the template). */
  group: string;
  kind: CellKind;
  required?: boolean;
  /** One line shown as the cell's input prompt in the template. */
  hint?: string;
}

export const YES_NO: readonly Choice[] = [
  { value: true, label: '是', aliases: ['Y', 'YES', '1', 'TRUE', '√', '✓', '有', '对'] },
  { value: false, label: '否', aliases: ['N', 'NO', '0', 'FALSE', '×', '✗', '无', '没有'] },
];

export const TAX_CHOICES: readonly Choice[] = [
  { value: 'audit', label: '查账征收', aliases: ['查账'] },
  { value: 'assessed', label: '核定征收', aliases: ['核定'] },
];

export const REGION_CHOICES: readonly Choice[] = Object.values(PACKS).map((p) => ({
  value: p.id,
  label: p.name,
  aliases: [p.name.replace(/[省市]$/, '')],
}));

const RD_FORM_LABELS: Record<(typeof RD_FORMS)[number], [string, string[]]> = {
  self: ['自主研发', ['自主', '自行研发']],
  cooperative: ['合作研发', ['合作']],
  centralized: ['集中研发', ['集中']],
  commissioned_domestic: ['委托境内研发', ['委托境内', '委托研发']],
  commissioned_foreign: ['委托境外研发', ['委托境外']],
};
export const RD_FORM_CHOICES: readonly Choice[] = RD_FORMS.map((f) => ({ value: f, label: RD_FORM_LABELS[f][0], aliases: RD_FORM_LABELS[f][1] }));

export const RD_STATUS_CHOICES: readonly Choice[] = [
  { value: 'completed', label: '已完成', aliases: ['完成', '已结题', '结题'] },
  { value: 'ongoing', label: '进行中', aliases: ['在研', '未完成', '进行'] },
];

export const CHOICES: Partial<Record<CellKind, readonly Choice[]>> = {
  bool: YES_NO,
  tax: TAX_CHOICES,
  region: REGION_CHOICES,
  rdForm: RD_FORM_CHOICES,
  rdStatus: RD_STATUS_CHOICES,
};

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];
const QUARTER_FIELDS = [
  ['startEmployees', '季初职工总数'],
  ['endEmployees', '季末职工总数'],
  ['startTech', '季初科技人员数'],
  ['endTech', '季末科技人员数'],
] as const;

/** The firms sheet (企业), in the form's order. */
export const FIRM_COLUMNS: readonly Column[] = [
  { key: 'firm.name', header: '企业名称', group: '企业基本信息', kind: 'text' },
  { key: 'firm.creditCode', header: '统一社会信用代码', group: '企业基本信息', kind: 'creditCode', hint: '18位；用于匹配研发项目表和报表文件夹' },
  { key: 'evaluationYear', header: '评价年度', group: '企业基本信息', kind: 'year', required: true, hint: '填报评价的年份，数据为上一会计年度' },
  { key: 'region', header: '所在地区', group: '企业基本信息', kind: 'region', hint: '不填按全国' },
  { key: 'basic.industryCode', header: '所属行业代码（GB/T 4754）', group: '企业基本信息', kind: 'industry', hint: '如 I6513、C39' },
  { key: 'firstTime', header: '是否首次参加评价', group: '企业基本信息', kind: 'bool' },
  { key: 'pastViolation', header: '近三年是否有严重违法或被撤销编号', group: '企业基本信息', kind: 'bool' },
  { key: 'basic.registeredInMainland', header: '是否在中国境内（不含港澳台）注册的居民企业', group: '基本条件', kind: 'bool', required: true },
  { key: 'basic.registeredInRegion', header: '是否在本地区注册', group: '基本条件', kind: 'bool', hint: '仅宁波等只受理本地注册企业的地区需要' },
  { key: 'basic.productsAllowed', header: '产品和服务是否不属于禁止、限制和淘汰类', group: '基本条件', kind: 'bool', required: true },
  { key: 'basic.creditClean', header: '近两年是否无重大事故、严重违法及失信行为', group: '基本条件', kind: 'bool', required: true },
  { key: 'basic.taxCollection', header: '企业所得税征收方式', group: '基本条件', kind: 'tax', required: true },
  { key: 'directPass.highTechCertificate', header: '是否拥有有效期内高新技术企业资格证书', group: '直通车条件', kind: 'bool', required: true },
  { key: 'directPass.nationalAwardTop3', header: '近五年是否获得国家级科技奖励并在获奖单位中排名前三', group: '直通车条件', kind: 'bool', required: true },
  { key: 'directPass.provincialRdInstitution', header: '是否拥有经认定的省部级以上研发机构', group: '直通车条件', kind: 'bool', required: true },
  { key: 'directPass.ledStandard', header: '近五年是否主导制定国际标准、国家标准或行业标准', group: '直通车条件', kind: 'bool', required: true },
  { key: 'rdAuxiliaryAccount', header: '研发项目立项时是否设置研发支出辅助账', group: '研发费用管理', kind: 'bool', required: true },
  { key: 'superDeductionClaimed', header: '上一年度汇算清缴时是否享受研发费用加计扣除', group: '研发费用管理', kind: 'bool' },
  { key: 'finance.totalAssets', header: '资产总额（万元）', group: '上一年度财务数据', kind: 'amount', required: true },
  { key: 'finance.netAssets', header: '净资产（万元）', group: '上一年度财务数据', kind: 'signedAmount' },
  { key: 'finance.salesRevenue', header: '销售收入（万元）', group: '上一年度财务数据', kind: 'amount', required: true },
  { key: 'finance.mainBusinessRevenue', header: '主营业务收入（万元）', group: '上一年度财务数据', kind: 'amount' },
  { key: 'finance.totalProfit', header: '利润总额（万元）', group: '上一年度财务数据', kind: 'signedAmount' },
  { key: 'finance.totalTax', header: '纳税总额（万元）', group: '上一年度财务数据', kind: 'amount' },
  { key: 'finance.totalCost', header: '成本费用支出总额（万元）', group: '上一年度财务数据', kind: 'amount', required: true },
  ...QUARTERS.flatMap((q, i) =>
    QUARTER_FIELDS.map(([f, label]): Column => ({ key: `staff.quarters[${i}].${f}`, header: `${q}${label}`, group: '职工和科技人员', kind: 'count' })),
  ),
  {
    key: 'staff.employees',
    header: '职工总数（全年季平均数）',
    group: '职工和科技人员',
    kind: 'averaged',
    hint: '未填各季度人数时填写',
  },
  { key: 'staff.techStaff', header: '科技人员数（全年季平均数）', group: '职工和科技人员', kind: 'averaged', hint: '未填各季度人数时填写' },
  {
    key: 'rdTotalSelf',
    header: '研发费用总额（万元）',
    group: '研发项目',
    kind: 'amount',
    hint: '未在“研发项目”表逐项填写时，按一项自主研发计入',
  },
  { key: 'ip.invention', header: '发明专利', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.plantVariety', header: '植物新品种', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.cropVariety', header: '国家级农作物品种', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.newDrug', header: '国家新药', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.tcmProtected', header: '国家一级中药保护品种', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.icLayout', header: '集成电路布图设计专有权', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.utilityModel', header: '实用新型专利', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.design', header: '外观设计专利', group: '知识产权（件）', kind: 'count' },
  { key: 'ip.software', header: '软件著作权', group: '知识产权（件）', kind: 'count' },
  // contracts.md §5: optional, for 创新型 / 专精特新 / 小巨人; a blank cell is "not answered", never 否 or 0.
  ...(
    [
      ['ladder.titles.innovative', '是否已取得创新型中小企业称号', 'bool'],
      ['ladder.titles.specialized', '是否已取得专精特新中小企业称号', 'bool'],
      ['ladder.previousYear.operatingRevenue', '前一年营业收入（万元）', 'amount'],
      ['ladder.previousYear.mainBusinessRevenue', '前一年主营业务收入（万元）', 'amount'],
      ['ladder.previousYear.rdTotal', '前一年研发费用（万元）', 'amount'],
      ['ladder.totalLiabilities', '负债合计（万元）', 'amount'],
      ['ladder.ipClass1SelfDeveloped', '自主研发的Ⅰ类知识产权（件）', 'count'],
      ['ladder.ipClass1HighValue', '其中高价值Ⅰ类知识产权（件）', 'count'],
      ['ladder.leadingProductStrategic', '主导产品是否属于战略性新兴产业等重点领域', 'bool'],
      ['ladder.innovationDirect.provincialAward', '近三年是否获得国家级或省级科技奖励', 'bool'],
      ['ladder.innovationDirect.hnteOrDemo', '是否为高新技术企业、技术创新示范或知识产权示范（优势）企业', 'bool'],
      ['ladder.innovationDirect.provincialLab', '是否拥有省部级以上研发机构', 'bool'],
      ['ladder.innovationDirect.equity500', '近三年新增股权融资是否达到500万元', 'bool'],
      ['ladder.nicheYears', '从事细分市场年限（年）', 'years'],
      ['ladder.marketShareLeading', '细分市场占有率是否达到10%以上或国内前三', 'bool'],
      ['ladder.chainKeyLink', '主导产品是否属于产业链关键环节', 'bool'],
    ] as const
  ).map(([key, header, kind]): Column => ({ key, header, group: '梯度培育（选填）', kind })),
];

/** The R&D projects sheet (研发项目), one project a row, keyed by the firm's credit code or its row. */
export const PROJECT_COLUMNS: readonly Column[] = [
  { key: 'firm.creditCode', header: '统一社会信用代码', group: '所属企业', kind: 'creditCode', hint: '与“企业”表一致' },
  { key: 'firm.row', header: '企业所在行号', group: '所属企业', kind: 'count', hint: '无信用代码时填“企业”表中的行号' },
  { key: 'name', header: '项目名称', group: '研发项目', kind: 'text', required: true },
  { key: 'code', header: '项目编号', group: '研发项目', kind: 'text' },
  { key: 'form', header: '研发形式', group: '研发项目', kind: 'rdForm', required: true },
  { key: 'status', header: '项目状态', group: '研发项目', kind: 'rdStatus', required: true },
  { key: 'amount', header: '研发费用（万元）', group: '研发项目', kind: 'amount', required: true },
];

export const FIRM_SHEET = '企业';
export const PROJECT_SHEET = '研发项目';

/** Header text as people vary it: spaces, full-width brackets, a leading * for required, line breaks. */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .replace(/[（【\[]/g, '(')
    .replace(/[）】\]]/g, ')')
    .toLowerCase();
}

/** Spreadsheet column letters for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
