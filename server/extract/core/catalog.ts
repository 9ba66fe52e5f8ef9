// The line items of the statement formats we read. Targets (contract fields) sit among every other line of
// their format on purpose: an OCR-slipped label is matched to the *nearest known* line, so 营业外收入 read
// with a slip cannot land on 营业收入, and a 其中 sub-line cannot pose as its parent.
import type { StatementKind } from '../schema.ts';
import { labelKey } from './normalize.ts';

/** Contract fields plus the helper lines the accounting checks need. */
export type ItemKey =
  | 'totalAssets' | 'totalLiabilities' | 'equity' | 'liabilitiesAndEquity'
  | 'operatingRevenue' | 'mainBusinessRevenue' | 'otherBusinessRevenue' | 'operatingCost' | 'mainBusinessCost'
  | 'otherBusinessCost' | 'taxesAndSurcharges' | 'sellingExpenses' | 'adminExpenses' | 'rdExpenses'
  | 'financeExpenses' | 'otherIncome' | 'investmentIncome' | 'netExposureHedge' | 'fairValueChange'
  | 'creditImpairment' | 'assetImpairment' | 'assetDisposal' | 'operatingProfit' | 'nonOperatingIncome'
  | 'nonOperatingExpense' | 'totalProfit' | 'incomeTax' | 'netProfit' | 'mainBusinessProfit' | 'otherBusinessProfit'
  | 'subsidyIncome' | 'totalOperatingRevenue' | 'totalOperatingCost' | 'exchangeGain'
  | 'projectCount' | 'rdSubtotal' | 'rdOwn' | 'rdDomesticAllowed' | 'rdForeignAllowed'
  | 'employees' | 'techStaff';

export interface LineItem {
  kind: StatementKind;
  /** Undefined for lines we only need to recognise. */
  key?: ItemKey;
  labels: string[];
}

const item = (kind: StatementKind, key: ItemKey | undefined, ...labels: string[]): LineItem => ({ kind, key, labels });
const others = (kind: StatementKind, ...labels: string[]): LineItem[] => labels.map((l) => item(kind, undefined, l));

const BS = 'balance_sheet';
const IS = 'income_statement';
const RD = 'rd_deduction';
const ST = 'staff_table';

export const LINE_ITEMS: LineItem[] = [
  // 资产负债表: 2019 一般企业 (财会〔2019〕6号), 小企业会计准则 会小企01表, older wording.
  item(BS, 'totalAssets', '资产总计', '资产合计', '资产总额'),
  item(BS, 'totalLiabilities', '负债合计', '负债总计', '负债总额'),
  item(BS, 'equity', '所有者权益(或股东权益)合计', '所有者权益合计', '股东权益合计', '所有者权益(股东权益)合计', '净资产合计',
    '所有者权益总计', '股东权益总计', '所有者权益(或股东权益)总计', '权益合计', '所有者权益总额', '股东权益总额'),
  // A group's equity attributable to the parent's owners is not the statement's 所有者权益合计: listed apart so
  // that it can never match that line with a slip.
  ...others(BS, '归属于母公司所有者权益(或股东权益)合计', '归属于母公司所有者权益合计', '归属于母公司股东权益合计',
    '归属于母公司所有者的权益合计', '归属于母公司股东的权益', '归属于母公司所有者权益', '少数股东权益', '一般风险准备',
    '结算备付金', '拆出资金', '应收保费', '应收分保账款', '应收分保合同准备金', '买入返售金融资产', '发放贷款和垫款',
    '向中央银行借款', '拆入资金', '卖出回购金融资产款', '吸收存款及同业存放', '代理买卖证券款', '代理承销证券款',
    '应付手续费及佣金', '应付分保账款', '保险合同准备金', '长期应付职工薪酬', '负债和股东权益', '股东权益', '负债'),
  item(BS, 'liabilitiesAndEquity', '负债和所有者权益(或股东权益)总计', '负债和所有者权益总计', '负债和股东权益总计',
    '负债及所有者权益合计', '负债及所有者权益总计', '负债和所有者权益(或股东权益)合计', '负债和所有者权益合计'),
  ...others(BS, '流动资产', '流动资产合计', '非流动资产', '非流动资产合计', '流动负债', '流动负债合计', '非流动负债',
    '非流动负债合计', '所有者权益(或股东权益)', '所有者权益', '货币资金', '交易性金融资产', '衍生金融资产', '应收票据',
    '应收账款', '应收款项融资', '预付款项', '预付账款', '其他应收款', '应收股利', '应收利息', '存货', '原材料', '在产品',
    '库存商品', '周转材料', '合同资产', '持有待售资产', '一年内到期的非流动资产', '其他流动资产', '短期投资', '债权投资',
    '其他债权投资', '长期应收款', '长期股权投资', '长期债券投资', '其他权益工具投资', '其他非流动金融资产',
    '投资性房地产', '固定资产', '固定资产原价', '累计折旧', '固定资产账面价值', '在建工程', '工程物资', '固定资产清理',
    '生产性生物资产', '油气资产', '使用权资产', '无形资产', '开发支出', '商誉', '长期待摊费用', '递延所得税资产',
    '其他非流动资产', '短期借款', '交易性金融负债', '衍生金融负债', '应付票据', '应付账款', '预收款项', '预收账款',
    '合同负债', '应付职工薪酬', '应交税费', '其他应付款', '应付利息', '应付利润', '应付股利', '持有待售负债',
    '一年内到期的非流动负债', '其他流动负债', '长期借款', '应付债券', '优先股', '永续债', '租赁负债', '长期应付款',
    '预计负债', '递延收益', '递延所得税负债', '其他非流动负债', '实收资本(或股本)', '实收资本', '股本',
    '其他权益工具', '资本公积', '减:库存股', '库存股', '其他综合收益', '专项储备', '盈余公积', '未分配利润', '资产',
    '负债和所有者权益', '负债和所有者权益(或股东权益)'),

  // 利润表: 2019 一般企业, 会小企02表, older 损益表.
  // 营业收入 is the 营业收入 line; 营业总收入 (a group with financial business adds 利息收入, 已赚保费…) stands in
  // for it only where no 营业收入 line is printed (assemble.ts).
  item(IS, 'operatingRevenue', '营业收入', '营业收入合计', '营业收入总计'),
  item(IS, 'totalOperatingRevenue', '营业总收入'),
  item(IS, 'totalOperatingCost', '营业总成本'),
  item(IS, 'exchangeGain', '汇兑收益'),
  item(IS, 'mainBusinessRevenue', '主营业务收入'),
  item(IS, 'otherBusinessRevenue', '其他业务收入'),
  item(IS, 'operatingCost', '营业成本', '营业成本合计'),
  item(IS, 'mainBusinessCost', '主营业务成本'),
  item(IS, 'otherBusinessCost', '其他业务成本', '其他业务支出'),
  item(IS, 'taxesAndSurcharges', '税金及附加', '营业税金及附加', '主营业务税金及附加'),
  item(IS, 'sellingExpenses', '销售费用', '营业费用'),
  item(IS, 'adminExpenses', '管理费用'),
  item(IS, 'rdExpenses', '研发费用'),
  item(IS, 'financeExpenses', '财务费用'),
  item(IS, 'otherIncome', '其他收益'),
  item(IS, 'investmentIncome', '投资收益', '投资净收益'),
  item(IS, 'netExposureHedge', '净敞口套期收益'),
  item(IS, 'fairValueChange', '公允价值变动收益', '公允价值变动净收益'),
  item(IS, 'creditImpairment', '信用减值损失'),
  item(IS, 'assetImpairment', '资产减值损失'),
  item(IS, 'assetDisposal', '资产处置收益'),
  item(IS, 'operatingProfit', '营业利润'),
  item(IS, 'nonOperatingIncome', '营业外收入'),
  item(IS, 'nonOperatingExpense', '营业外支出'),
  item(IS, 'totalProfit', '利润总额'),
  item(IS, 'incomeTax', '所得税费用', '所得税'),
  item(IS, 'netProfit', '净利润'),
  item(IS, 'mainBusinessProfit', '主营业务利润'),
  item(IS, 'otherBusinessProfit', '其他业务利润'),
  item(IS, 'subsidyIncome', '补贴收入'),
  ...others(IS, '利息费用', '利息收入', '对联营企业和合营企业的投资收益', '以摊余成本计量的金融资产终止确认收益',
    '持续经营净利润', '终止经营净利润', '其他综合收益的税后净额', '不能重分类进损益的其他综合收益',
    '将重分类进损益的其他综合收益', '综合收益总额', '每股收益', '基本每股收益', '稀释每股收益', '消费税', '营业税',
    '城市维护建设税', '资源税', '土地增值税', '城镇土地使用税、房产税、车船税、印花税',
    '教育费附加、矿产资源补偿费、排污费', '商品维修费', '广告费和业务宣传费', '开办费', '业务招待费', '研究费用',
    '政府补助', '坏账损失', '无法收回的长期债券投资损失', '无法收回的长期股权投资损失',
    '自然灾害等不可抗力因素造成的损失', '税收滞纳金', '非流动资产处置损失', '非流动资产处置利得', '已赚保费',
    '手续费及佣金收入', '利息支出', '手续费及佣金支出', '退保金', '赔付支出净额', '提取保险责任准备金净额', '保单红利支出',
    '分保费用', '按经营持续性分类', '按所有权归属分类', '归属于母公司股东的净利润', '归属于母公司所有者的净利润',
    '少数股东损益', '归属于母公司所有者的其他综合收益的税后净额', '归属于少数股东的其他综合收益的税后净额',
    '归属于母公司所有者的综合收益总额', '归属于少数股东的综合收益总额', '其他权益工具投资公允价值变动',
    '权益法下可转损益的其他综合收益', '外币财务报表折算差额', '净利润(净亏损以"-"号填列)', '扣除非经常性损益后的净利润',
    '归属于上市公司股东的净利润', '归属于上市公司股东的扣除非经常性损益的净利润', '经营活动产生的现金流量净额',
    '归属于上市公司股东的净资产'),

  // A107012 研发费用加计扣除优惠明细表 (2018 and 2021 versions).
  item(RD, 'projectCount', '本年可享受研发费用加计扣除项目数量'),
  item(RD, 'rdSubtotal', '年度研发费用小计'),
  // The lines the 2021 form's 小计 adds up (2+42+44): read to check it, not reported.
  item(RD, 'rdOwn', '自主研发、合作研发、集中研发'),
  item(RD, 'rdDomesticAllowed', '允许加计扣除的委托境内机构或个人进行研发活动所发生的费用'),
  item(RD, 'rdForeignAllowed', '允许加计扣除的委托境外机构进行研发活动所发生的费用'),
  ...others(RD, '人员人工费用', '直接从事研发活动人员', '工资薪金', '五险一金',
    '外聘研发人员的劳务费用', '直接投入费用', '研发活动直接消耗', '材料', '燃料', '动力费用',
    '用于中间试验和产品试制的模具、工艺装备开发及制造费', '用于不构成固定资产的样品、样机及一般测试手段购置费',
    '用于试制产品的检验费', '用于研发设备的运行维护、调整、检验、维修等费用', '通过经营租赁方式租入的用于研发活动的仪器、设备租赁费',
    '折旧费用', '用于研发活动的仪器的折旧费', '用于研发活动的设备的折旧费', '无形资产摊销', '用于研发活动的软件的摊销费用',
    '用于研发活动的专利权的摊销费用', '用于研发活动的非专利技术(包括许可证、专有技术、设计和计算方法等)的摊销费用',
    '新产品设计费等', '新产品设计费', '新工艺规程制定费', '新药研制的临床试验费', '勘探开发技术的现场试验费',
    '其他相关费用', '技术图书资料费、资料翻译费、专家咨询费、高新科技研发保险费', '经限额调整后的其他相关费用',
    '委托研发', '委托境内机构或个人进行研发活动所发生的费用',
    '委托境外机构进行研发活动发生的费用',
    '委托境外个人进行研发活动发生的费用', '本年费用化金额', '本年资本化金额', '本年形成无形资产摊销额',
    '以前年度形成无形资产本年摊销额', '允许扣除的研发费用合计', '特殊收入部分', '允许扣除的研发费用抵减特殊收入后的金额',
    '当年销售研发活动直接形成产品(包括组成部分)对应的材料部分', '以前年度结转的销售研发活动直接形成产品(包括组成部分)对应的材料部分',
    '本年研发费用加计扣除总额', '加计扣除比例及计算方法', '加计扣除比例', '本年加计扣除额',
    '结转以后年度的材料部分', '项目', '行次', '金额(数量)', '金额'),

  // 企业职工人数统计表 (no official layout: firms and their 社保 systems print their own).
  item(ST, 'employees', '职工总数', '职工人数', '职工总人数', '从业人员', '从业人数', '从业人员数', '在职职工人数', '职工总数(人)'),
  item(ST, 'techStaff', '科技人员', '科技人员数', '科技人员人数', '科技人员数(人)', '其中科技人员', '从事研发和相关技术创新活动的科技人员'),
  ...others(ST, '在职人员', '兼职人员', '临时聘用人员', '兼职、临时聘用人员', '博士', '硕士', '本科', '大专及以下',
    '大专', '研发人员', '季度', '第一季度', '第二季度', '第三季度', '第四季度', '全年季平均数', '季初数', '季末数', '季平均数'),
];

export interface IndexedItem extends LineItem {
  key0: string;
  label: string;
}

export const INDEX: IndexedItem[] = LINE_ITEMS.flatMap((it) =>
  it.labels.map((label) => ({ ...it, label, key0: labelKey(label) })),
);

/** Statement titles; the first that matches names the kind. */
export const TITLES: { kind: StatementKind; re: RegExp }[] = [
  { kind: 'rd_deduction', re: /A107012|研发费用加计扣除优惠明细表|加计扣除优惠明细/ },
  { kind: 'staff_table', re: /职工人数(统计|情况)?表|职工人数|人员统计表|从业人员(统计|情况)表|科技人员(统计|情况)表/ },
  { kind: 'balance_sheet', re: /资产负债表/ },
  { kind: 'income_statement', re: /利润表|损益表|利润及利润分配表/ },
];

/** The printed name of a field, as the first label of its line item (for people reading results). */
export function fieldLabel(key: string): string {
  return LINE_ITEMS.find((it) => it.key === key)?.labels[0] ?? key;
}
