// What the 更高一级 page says about a state, a missing answer and a ladder figure. Display only: every verdict
// and number comes from the server's result (contracts.md §5).
import type { LadderState } from '@schemas/ladder.ts'

export const STATE_TEXT: Record<LadderState, string> = { met: '满足', unmet: '不满足', unknown: '待补充', platform: '由平台评价' }

export const MISSING_TEXT: Record<string, string> = {
  'finance.mainBusinessRevenue': '主营业务收入（在“财务数据”中填写）',
  'finance.totalAssets': '资产总额',
  'ladder.previousYear.mainBusinessRevenue': '前一年主营业务收入',
  'ladder.previousYear.operatingRevenue': '前一年营业收入',
  'ladder.previousYear.rdTotal': '前一年研发费用',
  'ladder.totalLiabilities': '负债合计',
  'ladder.ipClass1HighValue': '高价值Ⅰ类知识产权件数',
  'ladder.ipClass1SelfDeveloped': '自主研发的Ⅰ类知识产权件数',
  'ladder.leadingProductStrategic': '主导产品是否属于重点领域',
  'ladder.innovationDirect.provincialAward': '近三年是否获国家级或省级科技奖励',
  'ladder.innovationDirect.hnteOrDemo': '是否为高新技术企业等示范（优势）企业',
  'ladder.innovationDirect.provincialLab': '是否拥有省部级以上研发机构',
  'ladder.innovationDirect.equity500': '近三年新增股权融资是否达到500万元',
  'ladder.nicheYears': '从事细分市场年限',
  'ladder.marketShareLeading': '细分市场占有率',
  'ladder.chainKeyLink': '是否属于产业链关键环节',
  'ladder.titles.innovative': '是否已取得创新型中小企业称号',
  'ladder.titles.specialized': '是否已取得专精特新中小企业称号',
}
export const missingText = (path: string) => MISSING_TEXT[path] ?? path

export const verdictText = (q: boolean | null, open: 'answers' | 'platform') =>
  q === true ? '符合' : q === false ? '不符合' : open === 'platform' ? '由平台评价' : '待补充信息'
