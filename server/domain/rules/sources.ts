// The public texts every rule cites (rules.md "Sources"). Users see these next to reasons and warnings.
export const SOURCES = {
  S1: '《科技型中小企业评价办法》（国科发政〔2017〕115号）及附件《科技型中小企业评价指标具体标准》',
  S2: '《科技型中小企业评价服务工作指引》（国科火字〔2022〕67号）',
  S3: '《科技型中小企业评价系统 用户手册》（企业填报表单与自评结果）',
  S4: '2026年省市工作通知（河南 豫科企〔2026〕6号、宁波2026年通知）及河南 豫科企〔2023〕2号',
  S5: '《优质中小企业梯度培育管理办法》及河南实施细则（豫工信企业函〔2023〕131号）',
  TAX119: '《关于完善研究开发费用税前加计扣除政策的通知》（财税〔2015〕119号）',
  NOTICE2025: '2025年全国科技型中小企业评价工作通知（现场核查情形）',
  L1: '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件1 创新型中小企业评价标准',
  L2: '2026年优质中小企业梯度培育管理办法（工信部企业〔2026〕2号）附件1、附件2（据引用官方文件的汇编整理，以当年官方通知为准）',
  L3: '河南省优质中小企业梯度培育管理实施细则（豫工信企业函〔2023〕131号）',
  L2_GIANT_2026: '《关于开展2026年专精特新“小巨人”企业培育工作的通知》（工信厅企业函〔2026〕117号，据汇编整理）',
  CIT_LAW: '《中华人民共和国企业所得税法》第五十四条（年度终了之日起五个月内汇算清缴）',
} as const;

export type SourceId = keyof typeof SOURCES;

export interface SourceRef {
  id: SourceId;
  title: string;
  /** The article or table inside the source, e.g. "第六条（二）". */
  article?: string;
}

export const cite = (id: SourceId, article?: string): SourceRef =>
  article ? { id, title: SOURCES[id], article } : { id, title: SOURCES[id] };
