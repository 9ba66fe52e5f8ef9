// Short Chinese names for the codes a batch counts (the summary sheet's rows); each firm's own row carries the
// engine's full message.
import type { ReasonCode } from '../domain/schemas/assessment.ts';

export const REASON_LABELS: Record<ReasonCode, string> = {
  REG: '非境内注册居民企业或不在本地区注册',
  SCOPE: '产品服务属于禁止、限制和淘汰类',
  CREDIT: '有重大事故、严重违法或失信行为',
  TAX_METHOD: '企业所得税核定征收',
  INDUSTRY: '属于不适用研发费用加计扣除的行业',
  SIZE_EMPLOYEES: '职工总数超过500人',
  SIZE_REVENUE: '年销售收入超过2亿元',
  SIZE_ASSETS: '资产总额超过2亿元',
  NO_RD_ACCOUNT: '未设置研发支出辅助账',
  SCORE_BELOW_60: '综合得分低于60分',
  TECH_STAFF_ZERO: '科技人员指标为0分',
};

export const ON_SITE_LABELS: Record<string, string> = {
  FEW_STAFF: '职工总数不超过5人',
  NO_IP: '没有知识产权',
  LOW_RD: '研发费用总额低于10万元',
  PAST_VIOLATION: '近三年有严重违法或被撤销编号',
  FIRST_TIME: '首次参加评价',
};

export const FLAG_LABELS: Record<string, string> = {
  TECH_RATIO_HIGH: '科技人员占比≥90%且职工≥50人',
  FOREIGN_RD_CAPPED: '委托境外研发费用超出可计入上限',
  ZERO_REVENUE: '销售收入为0',
  INDUSTRY_NOT_CHECKED: '未填行业代码',
  LOCAL_REGISTRATION_UNANSWERED: '未回答是否本地注册',
  LARGE_SWING: '财务数据较上年突增突减',
  DECLARED_VS_DOCUMENT: '填报数与报表不一致',
  DOCUMENTS_DISAGREE: '报表之间数据不一致',
  FORM_WOULD_BE_REFUSED: '按报表数据填报会被评价系统拒绝',
};

export const VERDICT_LABELS = { qualified: '符合', not_qualified: '不符合', undetermined: '待定（缺少信息）', invalid: '数据有误未评价' } as const;
export const ROUTE_LABELS = { direct: '直通车', score: '综合评分', unknown: '待定', none: '未通过基本条件' } as const;

/** Input problems by code (cell conversion and validation codes). */
export const ISSUE_LABELS: Record<string, string> = {
  REQUIRED: '缺少必填项',
  MISSING: '缺少可能影响结论的信息',
  INVALID_AMOUNT: '金额格式有误',
  NEGATIVE_AMOUNT: '金额为负数',
  TOO_PRECISE: '金额小数位过多',
  TOO_PRECISE_YUAN: '金额小数位过多',
  NOT_INTEGER: '人数或件数不是整数',
  INVALID_COUNT: '人数或件数格式有误',
  OUT_OF_RANGE: '数值超出合理范围',
  INVALID_CHOICE: '选项不在可选范围内',
  INVALID_VALUE: '选项不在可选范围内',
  INVALID_TYPE: '类型有误',
  INVALID_CREDIT_CODE: '统一社会信用代码格式有误',
  CREDIT_CODE_CHECKSUM: '统一社会信用代码校验位有误',
  TECH_EXCEEDS_EMPLOYEES: '科技人员多于职工总数',
  ZERO_EMPLOYEES: '职工总数为0',
  ZERO_REVENUE_AND_COST: '销售收入与成本费用同时为0',
  UNKNOWN_REGION: '地区不受支持',
  INVALID_FORMAT: '格式有误',
  INVALID_JSON: '不是有效的 JSON',
  WRONG_LENGTH: '季度数不是4个',
};
