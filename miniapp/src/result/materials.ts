// The attachments the official system asks for (rules.md §5), shown as a checklist after the result.
export interface Material {
  name: string
  note?: string
  limit?: string
}

export const DEFAULT_MATERIALS: Material[] = [
  { name: '企业职工人数统计表', note: '加盖公章', limit: 'PDF ≤ 3 MB' },
  { name: '上一年度资产负债表', note: '加盖公章', limit: 'PDF ≤ 3 MB' },
  { name: '上一年度利润表', note: '加盖公章', limit: 'PDF ≤ 3 MB' },
  { name: '研发费用加计扣除优惠明细表（A107012）或研发支出辅助账汇总表', note: '加盖公章', limit: 'PDF ≤ 3 MB' },
  { name: '知识产权、标准、研发机构等证明材料', note: '图片或 PDF', limit: '≤ 1 MB' },
]
