// Turns zod issues into the contract's validation problems: a JSON path, a stable code and a Chinese
// message that names the field the way the official form does.
import { z } from 'zod';

export const ValidationIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

const FIELD_LABELS: Record<string, string> = {
  evaluationYear: '评价年度',
  region: '所在地区',
  firstTime: '是否首次参加评价',
  pastViolation: '近三年是否有严重违法或被撤销编号',
  basic: '基本准入条件',
  registeredInMainland: '是否在中国境内（不含港澳台）注册的居民企业',
  registeredInRegion: '是否在本地区注册',
  productsAllowed: '产品和服务是否不属于禁止、限制和淘汰类',
  creditClean: '近两年是否无重大事故、严重违法及失信行为',
  taxCollection: '企业所得税征收方式',
  industryCode: '所属行业代码（GB/T 4754）',
  directPass: '直通车条件',
  highTechCertificate: '是否拥有有效期内高新技术企业资格证书',
  nationalAwardTop3: '近五年是否获得国家级科技奖励并在获奖单位中排名前三',
  provincialRdInstitution: '是否拥有经认定的省部级以上研发机构',
  ledStandard: '近五年是否主导制定国际标准、国家标准或行业标准',
  rdAuxiliaryAccount: '研发项目立项时是否设置研发支出辅助账',
  superDeductionClaimed: '上一年度汇算清缴时是否享受研发费用加计扣除',
  finance: '财务数据',
  totalAssets: '资产总额（万元）',
  netAssets: '净资产（万元）',
  salesRevenue: '销售收入（万元）',
  mainBusinessRevenue: '主营业务收入（万元）',
  totalProfit: '利润总额（万元）',
  totalTax: '纳税总额（万元）',
  totalCost: '成本费用支出总额（万元）',
  rdProjects: '研发项目',
  name: '名称',
  code: '编号',
  form: '研发形式',
  status: '项目状态',
  amount: '研发费用（万元）',
  staff: '人员情况',
  quarters: '各季度人数',
  startEmployees: '季初职工总数',
  endEmployees: '季末职工总数',
  startTech: '季初科技人员数',
  endTech: '季末科技人员数',
  employees: '职工总数（全年季平均数）',
  techStaff: '科技人员数（全年季平均数）',
  ip: '知识产权',
  invention: '发明专利',
  plantVariety: '植物新品种',
  cropVariety: '国家级农作物品种',
  newDrug: '国家新药',
  tcmProtected: '国家一级中药保护品种',
  icLayout: '集成电路布图设计专有权',
  utilityModel: '实用新型专利',
  design: '外观设计专利',
  software: '软件著作权',
  // contracts.md §5 (the ladder)
  ladder: '梯度培育信息',
  previousYear: '前一年（上上年度）数据',
  operatingRevenue: '营业收入（万元）',
  rdTotal: '研发费用（万元）',
  totalLiabilities: '负债合计（万元）',
  ipClass1HighValue: '高价值Ⅰ类知识产权（件）',
  ipClass1SelfDeveloped: '自主研发的Ⅰ类知识产权（件）',
  leadingProductStrategic: '主导产品是否属于战略性新兴产业等重点领域',
  innovationDirect: '创新型中小企业直接认定条件',
  provincialAward: '近三年是否获得国家级或省级科技奖励',
  hnteOrDemo: '是否为高新技术企业、技术创新示范或知识产权示范（优势）企业',
  provincialLab: '是否拥有省部级以上研发机构',
  equity500: '近三年新增股权融资是否达到500万元',
  nicheYears: '从事细分市场年限（年）',
  marketShareLeading: '细分市场占有率是否达到10%以上或国内前三',
  chainKeyLink: '主导产品是否属于产业链关键环节',
  titles: '已取得的称号',
  innovative: '是否已取得创新型中小企业称号',
  specialized: '是否已取得专精特新中小企业称号',
};

const CUSTOM_MESSAGES: Record<string, (label: string) => string> = {
  REQUIRED: (l) => `缺少${l}`,
  INVALID_AMOUNT: (l) => `${l}应为数字金额（如 120.5），不能含单位、逗号或科学计数法`,
  TOO_PRECISE: (l) => `${l}最多保留6位小数（精确到分）`,
  OUT_OF_RANGE: (l) => `${l}超出合理范围`,
  INVALID_COUNT: (l) => `${l}应为不小于0的数字`,
  TECH_EXCEEDS_EMPLOYEES: (l) => `${l}不能大于同期职工总数`,
  UNKNOWN_REGION: () => '不支持该地区，请选择已支持的地区（national、henan、ningbo）',
  ZERO_EMPLOYEES: () => '职工总数（全年季平均数）不能为0',
  ZERO_REVENUE_AND_COST: () => '销售收入与成本费用支出总额不能同时为0',
  EXCEEDS_CLASS1: (l) => `${l}不能多于知识产权中Ⅰ类知识产权的合计件数`,
  INVALID_TEXT: (l) => `${l}含有无法识别的字符（如空字符或残缺的表情符号），请删除后重试`,
};

/** "rdProjects[1].amount" from ["rdProjects", 1, "amount"]. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

export function labelOf(path: readonly PropertyKey[]): string {
  const names = path.filter((k): k is string => typeof k === 'string').map((k) => FIELD_LABELS[k] ?? k);
  const index = path.find((k): k is number => typeof k === 'number');
  const leaf = names.at(-1) ?? '输入';
  if (path[0] === 'rdProjects' && index !== undefined) return `第${index + 1}个研发项目的${leaf}`;
  if (path[1] === 'quarters' && index !== undefined) return `第${index + 1}季度${leaf}`;
  return leaf;
}

export function customIssue(path: readonly PropertyKey[], code: keyof typeof CUSTOM_MESSAGES): ValidationIssue {
  return { path: jsonPath(path), code, message: CUSTOM_MESSAGES[code]!(labelOf(path)) };
}

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue): ValidationIssue => {
    const path = issue.path;
    const label = labelOf(path);
    const at = jsonPath(path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'custom': {
        const code = String(issue.params?.code ?? 'INVALID');
        const message = CUSTOM_MESSAGES[code]?.(label) ?? `${label}无效`;
        return { path: at, code, message };
      }
      case 'invalid_type':
        if (input === undefined) return { path: at, code: 'REQUIRED', message: `缺少${label}` };
        if (issue.expected === 'int') return { path: at, code: 'NOT_INTEGER', message: `${label}应为整数` };
        return { path: at, code: 'INVALID_TYPE', message: `${label}的类型不正确（应为${typeName(issue.expected)}）` };
      case 'invalid_value':
        return {
          path: at,
          code: 'INVALID_VALUE',
          message: `${label}只能是：${issue.values.map((v) => String(v)).join('、')}`,
        };
      case 'too_small':
        if (issue.origin === 'array')
          return issue.exact
            ? { path: at, code: 'WRONG_LENGTH', message: `${label}应为${String(issue.minimum)}项` }
            : { path: at, code: 'TOO_FEW', message: `${label}至少需要${String(issue.minimum)}项` };
        if (issue.origin === 'string') return { path: at, code: 'REQUIRED', message: `${label}不能为空` };
        return { path: at, code: 'OUT_OF_RANGE', message: `${label}不能小于${String(issue.minimum)}` };
      case 'too_big':
        return issue.origin === 'array'
          ? issue.exact
            ? { path: at, code: 'WRONG_LENGTH', message: `${label}应为${String(issue.maximum)}项` }
            : { path: at, code: 'TOO_MANY', message: `${label}最多${String(issue.maximum)}项` }
          : issue.origin === 'string'
            ? { path: at, code: 'TOO_LONG', message: `${label}最多${String(issue.maximum)}个字` }
            : { path: at, code: 'OUT_OF_RANGE', message: `${label}不能大于${String(issue.maximum)}` };
      case 'invalid_union':
        // Amounts and counts take a string or a number: an absent one is missing, not "invalid".
        if (input === undefined) return { path: at, code: 'REQUIRED', message: `缺少${label}` };
        return { path: at, code: 'INVALID_TYPE', message: `${label}的类型不正确（应为数字或数字文本）` };
      case 'invalid_format':
        return { path: at, code: 'INVALID_FORMAT', message: `${label}格式不正确` };
      default:
        return { path: at, code: 'INVALID', message: `${label}无效` };
    }
  });
}

function typeName(expected: string): string {
  return (
    { string: '文本', number: '数字', boolean: '是/否（true/false）', object: '对象', array: '列表' } as Record<
      string,
      string
    >
  )[expected] ?? expected;
}
