// The 梯度培育 section of the text 自评结果 (kexiao score, the pre-check report): each rung, its state, what
// decides it and the smallest changes, with the source line and "以当年官方通知为准". Display only.
import type { LadderResult, LadderState } from '../schemas/ladder.ts';
import { parseDecimal } from '../exact.ts';
import { pctText } from './wording.ts';

export const STATE: Record<LadderState, string> = { met: '满足', unmet: '不满足', unknown: '待补充', platform: '由平台评价' };
export const MISSING_LABEL: Record<string, string> = {
  'finance.mainBusinessRevenue': '主营业务收入',
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
};
export const missingLabel = (path: string): string => MISSING_LABEL[path] ?? path;

export const verdictWord = (q: boolean | null, platformOnly = false): string =>
  q === true ? '符合' : q === false ? '不符合' : platformOnly ? '可判断的条件均满足，其余由平台评价' : '待补充信息';

const pts = (n: number | null, max: number) => `${n ?? '—'}/${max}`;
const ratio = (r: string | null) => (r === null ? '—' : pctText(parseDecimal(r)));

export function ladderSection(l: LadderResult): string[] {
  const out: string[] = ['梯度培育（创新型 → 专精特新 → 小巨人）'];
  const i = l.innovative;
  out.push(
    `创新型中小企业：${verdictWord(i.qualified)}（${i.route === 'direct' ? '直接认定' : i.route === 'score' ? `评分 ${i.total ?? '—'} 分，60分及以上且各组达标` : '待补充信息'}）`,
    `  创新能力 ${pts(i.groups.capability, 40)}：知识产权 ${pts(i.scores.ip, 20)}，研发费用占比 ${ratio(i.ratios.rdRatio)} ${pts(i.scores.rdRatio, 20)}`,
    `  成长性 ${pts(i.groups.growth, 30)}：主营业务收入增长率 ${ratio(i.ratios.growth)} ${pts(i.scores.growth, 20)}，资产负债率 ${ratio(i.ratios.debtRatio)} ${pts(i.scores.debtRatio, 10)}`,
    `  专业化 ${pts(i.groups.specialization, 30)}：主导产品领域 ${pts(i.scores.field, 10)}，主营业务收入占比 ${ratio(i.ratios.mainShare)} ${pts(i.scores.mainShare, 20)}`,
  );
  if (i.missing.length) out.push(`  待补充：${i.missing.map(missingLabel).join('、')}`);
  for (const g of i.gaps) out.push(`  · ${g.text}`);
  for (const [name, t] of [['专精特新中小企业', l.specialized], ['专精特新“小巨人”企业', l.littleGiant]] as const) {
    out.push(`${name}：${verdictWord(t.qualified, !t.conditions.some((c) => c.state === 'unknown'))}`);
    for (const c of t.conditions) {
      const why = c.state === 'unmet' ? c.gap?.text : c.state === 'unknown' ? (c.missing?.length ? `待补充：${c.missing.map(missingLabel).join('、')}` : c.detail) : c.state === 'met' ? c.detail : undefined;
      out.push(`  [${STATE[c.state]}] ${c.label}${why ? `（${why}）` : ''}`);
    }
  }
  out.push('称号维护：');
  for (const u of l.upkeep) out.push(`  · ${u.date ? `${u.date} ` : ''}${u.label}${u.certainty === 'provisional' ? '（预计）' : ''}（依据：${u.source.title}${u.source.article ?? ''}）`);
  out.push(`依据：${l.innovative.source.title}；${l.specialized.source.title}`, l.notice);
  return out;
}
