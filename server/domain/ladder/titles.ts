// 专精特新中小企业 and 专精特新"小巨人" (L2, 2026; ladder.md): every condition met / unmet / unknown / platform.
// `qualified` is false when any is unmet, else null: the quality score (and, for 专精特新, the market share) is
// the platform's and is never estimated. Amounts compare exactly; a threshold met exactly is met.
import { add, ceilTo, cmp, div, fraction, isZero, mul, parseExact, sub, toDecimalString, type Fraction } from '../exact.ts';
import type { Dated } from '../rules/dated.ts';
import type { LittleGiantRules, SpecializedRules } from '../rules/ladder.ts';
import type { SourceRef } from '../rules/sources.ts';
import type { LadderGap, TitleCondition, TitleConditionCode, TitleResult } from '../schemas/ladder.ts';
import type { LadderFacts, Tri } from './facts.ts';
import { T, pctText, thresholdPct, wan } from './wording.ts';

type Made = Omit<TitleCondition, 'source'>;
const met = (code: TitleConditionCode, label: string, detail?: string): Made => ({ code, state: 'met', label, ...(detail ? { detail } : {}) });
const unmet = (code: TitleConditionCode, label: string, detail: string | undefined, gap: Omit<LadderGap, 'code'>): Made => ({
  code,
  state: 'unmet',
  label,
  ...(detail ? { detail } : {}),
  gap: { code, ...gap },
});
const unknown = (code: TitleConditionCode, label: string, missing: string[], detail?: string): Made => ({
  code,
  state: 'unknown',
  label,
  missing,
  ...(detail ? { detail } : {}),
});
const platform = (code: TitleConditionCode, label: string): Made => ({ code, state: 'platform', label, detail: '由平台评价' });

const amountGap = (what: string, need: Fraction, have: Fraction): Omit<LadderGap, 'code'> => {
  const add = ceilTo(sub(need, have), 2);
  return { kind: 'amount', target: toDecimalString(ceilTo(need, 2), 2), add: toDecimalString(add, 2), text: T.amountTo(what, ceilTo(need, 2), add) };
};
const ppUp = (have: Fraction, to: string) => toDecimalString(ceilTo(mul(sub(parseExact(to), have), fraction(100)), 2), 2, true);
const triState = (code: TitleConditionCode, label: string, v: Tri, path: string, gapText: string): Made =>
  v === null ? unknown(code, label, [path]) : v ? met(code, label) : unmet(code, label, undefined, { kind: 'notByNumbers', text: gapText });

function nicheYears(f: LadderFacts, min: number): Made {
  const label = `从事特定细分市场时间达到${min}年以上`;
  if (f.nicheYears === null) return unknown('NICHE_YEARS', label, ['ladder.nicheYears']);
  if (f.nicheYears >= min) return met('NICHE_YEARS', label, `已从事 ${f.nicheYears} 年`);
  const short = String(Math.round((min - f.nicheYears) * 100) / 100);
  return unmet('NICHE_YEARS', label, `已从事 ${f.nicheYears} 年`, { kind: 'years', target: String(min), add: short, text: T.years(short, min) });
}

function mainShare(f: LadderFacts, min: string): Made {
  const label = `主营业务收入占营业收入比重不低于${thresholdPct(min)}`;
  if (!f.mainRevenue) return unknown('MAIN_SHARE', label, ['finance.mainBusinessRevenue']);
  if (isZero(f.revenue)) return unmet('MAIN_SHARE', label, '营业收入为0', { kind: 'notByNumbers', text: '需有营业收入' });
  const r = div(f.mainRevenue, f.revenue);
  const detail = `主营业务收入占比 ${pctText(r)}`;
  if (cmp(r, parseExact(min)) >= 0) return met('MAIN_SHARE', label, detail);
  const pp = ppUp(r, min);
  return unmet('MAIN_SHARE', label, detail, { kind: 'percentPoints', target: min, add: pp, text: T.ratioUp('主营业务收入占营业收入比重', pp, thresholdPct(min)) });
}

function debtRatio(f: LadderFacts, max: string): Made {
  const label = `资产负债率不高于${thresholdPct(max)}`;
  if (!f.liabilities) return unknown('DEBT_RATIO', label, ['ladder.totalLiabilities']);
  if (isZero(f.totalAssets)) return unknown('DEBT_RATIO', label, ['finance.totalAssets'], '资产总额为0，资产负债率无法计算');
  const r = div(f.liabilities, f.totalAssets);
  const detail = `资产负债率 ${pctText(r)}${f.liabilitiesFrom === 'netAssets' ? '（按资产总额－净资产计算负债）' : ''}`;
  if (cmp(r, parseExact(max)) <= 0) return met('DEBT_RATIO', label, detail);
  const by = ceilTo(sub(f.liabilities, mul(parseExact(max), f.totalAssets)), 2);
  return unmet('DEBT_RATIO', label, detail, { kind: 'amount', target: max, add: toDecimalString(by, 2), text: T.amountDown('负债', by, thresholdPct(max)) });
}

/** R&D of one year against a share of that year's revenue, without dividing (a zero revenue needs no share). */
const shareMet = (rd: Fraction, revenue: Fraction, share: string) => cmp(rd, mul(parseExact(share), revenue)) >= 0;

function withSource(made: Made[], source: SourceRef): TitleCondition[] {
  return made.map((m) => ({ ...m, source }));
}
const verdict = (cs: readonly Made[]): false | null => (cs.some((c) => c.state === 'unmet') ? false : null);

export function specialized(f: LadderFacts, dated: Dated<SpecializedRules>, innovativeQualified: boolean | null): TitleResult {
  const r = dated.value;
  const cs: Made[] = [];

  const titleLabel = '有效期内的科技型中小企业或创新型中小企业';
  if (f.techQualified) cs.push(met('TITLE', titleLabel, '本次科技型中小企业评价符合条件，视为持有'));
  else if (f.titles.innovative === true) cs.push(met('TITLE', titleLabel, '已取得创新型中小企业称号'));
  else if (f.titles.innovative === false)
    cs.push(
      unmet('TITLE', titleLabel, '本次科技型中小企业评价不符合条件，且未取得创新型中小企业称号', {
        kind: 'notByNumbers',
        text: innovativeQualified ? '需先取得创新型中小企业称号（本次创新型自评已达标，可先申请）' : '需先取得科技型中小企业或创新型中小企业称号',
      }),
    );
  else cs.push(unknown('TITLE', titleLabel, ['ladder.titles.innovative']));
  cs.push(nicheYears(f, r.minNicheYears));

  const revLabel = `上年营业收入不低于${r.minRevenueWan}万元（或近两年新增股权融资总额达到2000万元）`;
  const revDetail = `营业收入 ${wan(f.revenue)}`;
  const minRevenue = parseExact(r.minRevenueWan);
  if (cmp(f.revenue, minRevenue) >= 0) cs.push(met('REVENUE', revLabel, revDetail));
  // 2000万 in two years implies 500万 in three: a firm without the latter cannot have the former.
  else if (f.direct.equity500 === false) cs.push(unmet('REVENUE', revLabel, revDetail, amountGap('营业收入', minRevenue, f.revenue)));
  else cs.push(unknown('REVENUE', revLabel, ['ladder.innovationDirect.equity500'], `${revDetail}，未达到${r.minRevenueWan}万元，是否满足股权融资条件未知`));
  cs.push(mainShare(f, r.minMainShare));
  cs.push(debtRatio(f, r.maxDebtRatio));

  // RD: each of the last two years ≥ 100万 and ≥ 3 % of that year's revenue.
  const rdLabel = `近两年研发费用每年均不低于${r.minRdWan}万元，且占营业收入比重均不低于${thresholdPct(r.minRdShare)}`;
  const minRd = parseExact(r.minRdWan);
  const curOk = cmp(f.rd, minRd) >= 0 && shareMet(f.rd, f.revenue, r.minRdShare);
  const prevOk: Tri =
    f.prev.rd === null ? null : cmp(f.prev.rd, minRd) < 0 ? false : f.prev.revenue === null ? null : shareMet(f.prev.rd, f.prev.revenue, r.minRdShare);
  const rdDetail = `上年研发费用 ${wan(f.rd)}${f.prev.rd ? `，前一年 ${wan(f.prev.rd)}` : ''}`;
  if (!curOk) {
    const need = [minRd, mul(parseExact(r.minRdShare), f.revenue)].reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
    const gap = amountGap('上年研发费用', need, f.rd);
    if (prevOk === false) gap.text += '；前一年研发费用也未达标，需连续两年达到';
    cs.push(unmet('RD', rdLabel, rdDetail, gap));
  } else if (prevOk === false)
    cs.push(unmet('RD', rdLabel, rdDetail, { kind: 'notByNumbers', text: '前一年研发费用未达标（已发生），需本年度再达到后连续两年满足' }));
  else if (prevOk === null)
    cs.push(unknown('RD', rdLabel, f.prev.rd === null ? ['ladder.previousYear.rdTotal'] : ['ladder.previousYear.operatingRevenue'], rdDetail));
  else cs.push(met('RD', rdLabel, rdDetail));

  // IP_CLASS1: ≥ 1 self-developed Ⅰ类; a 省部级以上研发机构 exempts; a 省部级以上科技奖励 might (rank not asked).
  const ipLabel = `拥有${r.minIpClass1SelfDeveloped}项以上与主导产品相关的Ⅰ类知识产权（非受让，且为前三位权利人）`;
  const sd = f.selfDeveloped;
  if (sd !== null && sd >= r.minIpClass1SelfDeveloped) cs.push(met('IP_CLASS1', ipLabel, `自主研发的Ⅰ类知识产权 ${sd} 项`));
  else if (f.direct.provincialLab === true) cs.push(met('IP_CLASS1', ipLabel, '拥有省部级以上研发机构，可不受此项限制'));
  else if (sd === null) cs.push(unknown('IP_CLASS1', ipLabel, ['ladder.ipClass1SelfDeveloped']));
  else if (f.direct.provincialAward === false && f.direct.provincialLab === false)
    cs.push(ipShort(ipLabel, sd, r.minIpClass1SelfDeveloped));
  else
    cs.push(
      unknown(
        'IP_CLASS1',
        ipLabel,
        [
          ...(f.direct.provincialLab === null ? ['ladder.innovationDirect.provincialLab'] : []),
          ...(f.direct.provincialAward === null ? ['ladder.innovationDirect.provincialAward'] : []),
        ],
        f.direct.provincialAward ? '获得过科技奖励，可免于此项的前提是在获奖单位中排名前三（未询问排名）' : undefined,
      ),
    );
  cs.push(platform('MARKET_SHARE', '主导产品在细分市场占有率较为靠前'));
  cs.push(platform('QUALITY_SCORE', `专精特新发展质量评价得分不低于${r.minQualityScore}分`));
  return { conditions: withSource(cs, dated.source), qualified: verdict(cs), source: dated.source, certainty: r.certainty };
}

export function littleGiant(f: LadderFacts, dated: Dated<LittleGiantRules>): TitleResult {
  const r = dated.value;
  const cs: Made[] = [];
  cs.push(triState('TITLE', '有效期内的专精特新中小企业', f.titles.specialized, 'ladder.titles.specialized', '需先取得专精特新中小企业称号'));
  cs.push(nicheYears(f, r.minNicheYears));

  const minRevenue = parseExact(r.minRevenueWan);
  const revLabel = `上年营业收入不低于${r.minRevenueWan}万元`;
  const revDetail = `营业收入 ${wan(f.revenue)}`;
  cs.push(
    cmp(f.revenue, minRevenue) >= 0 ? met('REVENUE', revLabel, revDetail) : unmet('REVENUE', revLabel, revDetail, amountGap('营业收入', minRevenue, f.revenue)),
  );
  cs.push(mainShare(f, r.minMainShare));

  // GROWTH: the one-year growth stands in for the two-year compound rate (ladder.md readings).
  const growthLabel = `近两年营业收入复合增长率不低于${thresholdPct(r.minGrowth)}`;
  if (!f.prev.revenue || isZero(f.prev.revenue))
    cs.push(unknown('GROWTH', growthLabel, ['ladder.previousYear.operatingRevenue'], f.prev.revenue ? '前一年营业收入为0，增长率无法计算' : undefined));
  else {
    const growth = sub(div(f.revenue, f.prev.revenue), fraction(1));
    const detail = `营业收入较前一年增长 ${pctText(growth)}（以一年增长率代替两年复合增长率）`;
    const need = mul(add(fraction(1), parseExact(r.minGrowth)), f.prev.revenue);
    cs.push(cmp(f.revenue, need) >= 0 ? met('GROWTH', growthLabel, detail) : unmet('GROWTH', growthLabel, detail, amountGap('上年营业收入', need, f.revenue)));
  }
  cs.push(debtRatio(f, r.maxDebtRatio));

  const rdLabel = `近两年研发费用总额不低于${r.minRdTwoYearsWan}万元，且每年占营业收入比重不低于${thresholdPct(r.minRdShare)}`;
  const minSum = parseExact(r.minRdTwoYearsWan);
  const curShare = shareMet(f.rd, f.revenue, r.minRdShare);
  const prevShare: Tri = f.prev.rd === null || f.prev.revenue === null ? null : shareMet(f.prev.rd, f.prev.revenue, r.minRdShare);
  const sum = f.prev.rd === null ? null : add(f.rd, f.prev.rd);
  const sumOk: Tri = sum === null ? null : cmp(sum, minSum) >= 0;
  const rdDetail = `上年研发费用 ${wan(f.rd)}${sum ? `，近两年合计 ${wan(sum)}` : ''}`;
  if (!curShare || sumOk === false) {
    const needs = [mul(parseExact(r.minRdShare), f.revenue), ...(f.prev.rd ? [sub(minSum, f.prev.rd)] : [])];
    const need = needs.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
    const gap = amountGap('上年研发费用', need, f.rd);
    if (prevShare === false) gap.text += '；前一年研发费用占比也未达标，需连续两年达到';
    cs.push(unmet('RD', rdLabel, rdDetail, gap));
  } else if (prevShare === false)
    cs.push(unmet('RD', rdLabel, rdDetail, { kind: 'notByNumbers', text: '前一年研发费用占营业收入比重未达标（已发生），需本年度再达到' }));
  else if (prevShare === null || sumOk === null)
    cs.push(
      unknown('RD', rdLabel, [...(f.prev.rd === null ? ['ladder.previousYear.rdTotal'] : []), ...(f.prev.revenue === null ? ['ladder.previousYear.operatingRevenue'] : [])], rdDetail),
    );
  else cs.push(met('RD', rdLabel, rdDetail));

  // IP_CLASS1: ≥ 4 self-developed Ⅰ类; exempt when first three in a 国家级科技奖励 in the last three years.
  const ipLabel = `拥有${r.minIpClass1SelfDeveloped}项以上与主导产品相关的Ⅰ类知识产权（非受让，且为前三位权利人）`;
  const sd = f.selfDeveloped;
  if (sd !== null && sd >= r.minIpClass1SelfDeveloped) cs.push(met('IP_CLASS1', ipLabel, `自主研发的Ⅰ类知识产权 ${sd} 项`));
  else if (sd === null) cs.push(unknown('IP_CLASS1', ipLabel, ['ladder.ipClass1SelfDeveloped']));
  // No 国家级科技奖励 top three in five years (§1), or no 国家级/省级 award at all in three: no exemption.
  else if (!f.nationalAwardTop3 || f.direct.provincialAward === false)
    cs.push(ipShort(ipLabel, sd, r.minIpClass1SelfDeveloped));
  else
    cs.push(
      unknown('IP_CLASS1', ipLabel, f.direct.provincialAward === null ? ['ladder.innovationDirect.provincialAward'] : [], '获得过国家级科技奖励且排名前三，是否在近三年内未知（可免于此项）'),
    );
  cs.push(
    triState(
      'MARKET_SHARE',
      '细分市场占有率在全国或全球达到10%以上，或位列国内前三',
      f.marketShareLeading,
      'ladder.marketShareLeading',
      '细分市场占有率需达到10%以上或位列国内前三',
    ),
  );
  cs.push(
    triState(
      'CHAIN',
      '主导产品属于工业“六基”、或服务于改造提升传统产业、培育壮大新兴产业、布局建设未来产业的关键环节',
      f.chainKeyLink,
      'ladder.chainKeyLink',
      '主导产品需处于产业链关键环节',
    ),
  );
  cs.push(platform('QUALITY_SCORE', `专精特新发展质量评价得分不低于${r.minQualityScore}分`));
  return { conditions: withSource(cs, dated.source), qualified: verdict(cs), source: dated.source, certainty: r.certainty };
}

/** IP_CLASS1 not met: the self-developed Ⅰ类 items still to obtain. */
function ipShort(label: string, selfDeveloped: number, min: number) {
  return unmet('IP_CLASS1', label, `自主研发的Ⅰ类知识产权 ${selfDeveloped} 项`, {
    kind: 'count',
    target: String(min),
    add: String(min - selfDeveloped),
    text: T.count('自主研发的Ⅰ类知识产权（如发明专利）', min - selfDeveloped),
  });
}
