// 创新型中小企业 (L1 附件1, ladder.md): six indicators in three groups, pass with ≥ 60 points and each group's
// floor, or any direct condition. An unanswered input scores `null` with the range it could take; the verdict
// is `null` only when that range (or an unanswered direct condition) could change it.
import { cmp, div, fraction, isZero, mul, parseExact, sub, toDecimalString, ceilTo, type Fraction } from '../exact.ts';
import type { Dated } from '../rules/dated.ts';
import type { AtLeastBand, AtMostBand, InnovativeRules } from '../rules/ladder.ts';
import type { InnovativeResult, LadderGap } from '../schemas/ladder.ts';
import type { LadderFacts } from './facts.ts';
import { T, thresholdPct } from './wording.ts';

type Key = keyof InnovativeResult['scores'];
const KEYS: Key[] = ['ip', 'rdRatio', 'growth', 'debtRatio', 'field', 'mainShare'];

interface Scored {
  points: number | null;
  /** Lowest and highest points the unanswered inputs allow. */
  low: number;
  high: number;
  missing: string[];
}

const known = (points: number): Scored => ({ points, low: points, high: points, missing: [] });
const open = (low: number, high: number, missing: string[]): Scored => ({ points: null, low, high, missing });

export function atLeastPoints(ratio: Fraction, bands: readonly AtLeastBand[]): number {
  for (const b of bands) if (cmp(ratio, parseExact(b.atLeast)) >= 0) return b.points;
  return 0;
}
export function atMostPoints(ratio: Fraction, bands: readonly AtMostBand[]): number {
  for (const b of bands) if (cmp(ratio, parseExact(b.atMost)) <= 0) return b.points;
  return 0;
}
const maxOf = (bands: readonly { points: number }[]) => bands[0]!.points;

export interface Ratios {
  rdRatio: Fraction | null;
  growth: Fraction | null;
  debtRatio: Fraction | null;
  mainShare: Fraction | null;
}

export function ratiosOf(f: LadderFacts): Ratios {
  const r = isZero(f.revenue) ? null : f.revenue;
  return {
    rdRatio: r && div(f.rd, r),
    growth: f.mainRevenue && f.prev.mainRevenue && !isZero(f.prev.mainRevenue) ? sub(div(f.mainRevenue, f.prev.mainRevenue), fraction(1)) : null,
    debtRatio: f.liabilities && !isZero(f.totalAssets) ? div(f.liabilities, f.totalAssets) : null,
    mainShare: r && f.mainRevenue && div(f.mainRevenue, r),
  };
}

function scoreAll(f: LadderFacts, x: Ratios, rules: InnovativeRules): Record<Key, Scored> {
  const p = rules.ipPoints;
  let ip: Scored;
  if (f.class1 === 0) ip = known(f.class2 > 0 ? p.class2 : p.none);
  else if (f.highValue !== null && f.highValue > 0) ip = known(p.highValue);
  else if (f.highValue === 0 && f.selfDeveloped !== null) ip = known(f.selfDeveloped > 0 ? p.selfDeveloped : p.class1);
  else if (f.highValue === 0) ip = open(p.class1, p.selfDeveloped, ['ladder.ipClass1SelfDeveloped']);
  else
    ip = open(f.selfDeveloped ? p.selfDeveloped : p.class1, p.highValue, [
      'ladder.ipClass1HighValue',
      ...(f.selfDeveloped === null ? ['ladder.ipClass1SelfDeveloped'] : []),
    ]);

  // 营业收入 of zero: no share of it can be shown, so neither ratio earns points (a reading, noted).
  const rdRatio = known(x.rdRatio ? atLeastPoints(x.rdRatio, rules.rdRatioBands) : 0);
  const mainShare = !f.mainRevenue
    ? open(0, maxOf(rules.mainShareBands), ['finance.mainBusinessRevenue'])
    : known(x.mainShare ? atLeastPoints(x.mainShare, rules.mainShareBands) : 0);
  const growth = x.growth
    ? known(atLeastPoints(x.growth, rules.growthBands))
    : open(0, maxOf(rules.growthBands), [
        ...(f.mainRevenue ? [] : ['finance.mainBusinessRevenue']),
        ...(f.prev.mainRevenue && !isZero(f.prev.mainRevenue) ? [] : ['ladder.previousYear.mainBusinessRevenue']),
      ]);
  const debtRatio = x.debtRatio
    ? known(atMostPoints(x.debtRatio, rules.debtRatioBands))
    : open(0, maxOf(rules.debtRatioBands), [f.liabilities ? 'finance.totalAssets' : 'ladder.totalLiabilities']);
  const field =
    f.strategic === null
      ? open(rules.fieldPoints.other, rules.fieldPoints.strategic, ['ladder.leadingProductStrategic'])
      : known(f.strategic ? rules.fieldPoints.strategic : rules.fieldPoints.other);
  return { ip, rdRatio, growth, debtRatio, field, mainShare };
}

type Points = Record<Key, number>;
const groupsOf = (s: Points) => ({ capability: s.ip + s.rdRatio, growth: s.growth + s.debtRatio, specialization: s.field + s.mainShare });

export function passes(s: Points, rules: InnovativeRules): boolean {
  const g = groupsOf(s);
  const total = g.capability + g.growth + g.specialization;
  return (
    total >= rules.passMark &&
    g.capability >= rules.floors.capability &&
    g.growth >= rules.floors.growth &&
    g.specialization >= rules.floors.specialization
  );
}

const ratio4 = (x: Fraction | null) => (x ? toDecimalString(x, 4) : null);
/** Percentage points from `from` up to `to`, rounded up to 0.01. */
const pointsUp = (from: Fraction, to: Fraction) => toDecimalString(ceilTo(mul(sub(to, from), fraction(100)), 2), 2, true);

export function innovative(f: LadderFacts, dated: Dated<InnovativeRules>): InnovativeResult {
  const rules = dated.value;
  const x = ratiosOf(f);
  const s = scoreAll(f, x, rules);
  const low = Object.fromEntries(KEYS.map((k) => [k, s[k].low])) as Points;
  const high = Object.fromEntries(KEYS.map((k) => [k, s[k].high])) as Points;
  const scorePass = passes(low, rules) ? true : !passes(high, rules) ? false : null;

  const direct = rules.direct.map((d) => ({ key: d.key, label: d.label, state: f.direct[d.key] === null ? ('unknown' as const) : f.direct[d.key] ? ('met' as const) : ('unmet' as const) }));
  const anyDirect = direct.some((d) => d.state === 'met');
  const openDirect = direct.filter((d) => d.state === 'unknown').map((d) => `ladder.innovationDirect.${d.key}`);
  const route = anyDirect ? 'direct' : openDirect.length === 0 || scorePass === true ? 'score' : null;
  const qualified = anyDirect ? true : route === 'score' ? scorePass : null;

  const scores = Object.fromEntries(KEYS.map((k) => [k, s[k].points])) as InnovativeResult['scores'];
  const all = KEYS.every((k) => s[k].points !== null) ? (scores as Points) : null;
  const sumOf = (a: Key, b: Key) => (s[a].points === null || s[b].points === null ? null : s[a].points! + s[b].points!);
  const groups = { capability: sumOf('ip', 'rdRatio'), growth: sumOf('growth', 'debtRatio'), specialization: sumOf('field', 'mainShare') };
  const missing = [...new Set([...KEYS.flatMap((k) => s[k].missing), ...(route === null ? openDirect : [])])];

  const notes: string[] = ['标准未标注“含”：比值恰好等于分档界限时按较高档计分（本工具的理解）。'];
  if (isZero(f.revenue)) notes.push('营业收入为0，研发费用占比和主营业务收入占比无法计算，按0分计。');
  if (f.liabilitiesFrom === 'netAssets') notes.push('未填负债合计，资产负债率按（资产总额－净资产）÷资产总额计算。');
  if (f.prev.mainRevenue && isZero(f.prev.mainRevenue)) notes.push('前一年主营业务收入为0，增长率无法计算，成长性指标暂不计分。');

  return {
    qualified,
    route,
    total: all ? groups.capability! + groups.growth! + groups.specialization! : null,
    scores,
    groups,
    ratios: { rdRatio: ratio4(x.rdRatio), growth: ratio4(x.growth), debtRatio: ratio4(x.debtRatio), mainShare: ratio4(x.mainShare) },
    direct,
    missing,
    gaps: route === 'score' && qualified === false && all ? scoreGaps(f, x, all, rules) : [],
    notes,
    source: dated.source,
    certainty: rules.certainty,
  };
}

/**
 * Each single indicator change that alone makes the firm pass by score (everything else as declared), at the
 * lowest band that does it. The past year's figures are what the standard reads, so these say what the
 * figures would have had to be — the same spirit as the 科技型 gaps.
 */
function scoreGaps(f: LadderFacts, x: Ratios, s: Points, rules: InnovativeRules): LadderGap[] {
  const out: LadderGap[] = [];
  const reaching = <B extends { points: number }>(key: Key, bands: readonly B[]): B | undefined =>
    [...bands].reverse().find((b) => b.points > s[key] && passes({ ...s, [key]: b.points }, rules));

  const rd = reaching('rdRatio', rules.rdRatioBands);
  if (rd && !isZero(f.revenue)) {
    const need = mul(parseExact(rd.atLeast), f.revenue);
    const target = ceilTo(need, 2);
    const add = ceilTo(sub(need, f.rd), 2);
    out.push({ code: 'rdRatio', kind: 'amount', target: toDecimalString(target, 2), add: toDecimalString(add, 2), text: `${T.amountTo('上年研发费用', target, add)}，占营业收入比重达到 ${thresholdPct(rd.atLeast)}` });
  }
  const p = rules.ipPoints;
  const ipSteps: [number, string][] = [
    [p.class2, 'Ⅱ类知识产权（实用新型、外观设计或软件著作权）'],
    [p.class1, 'Ⅰ类知识产权（如发明专利）'],
    [p.selfDeveloped, '自主研发的Ⅰ类知识产权'],
    [p.highValue, '高价值Ⅰ类知识产权（如有海外同族授权、维持10年以上或获质押融资的发明专利）'],
  ];
  const ip = ipSteps.find(([points]) => points > s.ip && passes({ ...s, ip: points }, rules));
  if (ip) out.push({ code: 'ip', kind: 'count', target: '1', add: '1', text: T.count(ip[1], 1) });

  const main = reaching('mainShare', rules.mainShareBands);
  if (main && x.mainShare) {
    const pp = pointsUp(x.mainShare, parseExact(main.atLeast));
    out.push({ code: 'mainShare', kind: 'percentPoints', target: main.atLeast, add: pp, text: T.ratioUp('主营业务收入占营业收入比重', pp, thresholdPct(main.atLeast)) });
  }
  const debt = [...rules.debtRatioBands].reverse().find((b) => b.points > s.debtRatio && passes({ ...s, debtRatio: b.points }, rules));
  if (debt && f.liabilities) {
    const by = ceilTo(sub(f.liabilities, mul(parseExact(debt.atMost), f.totalAssets)), 2);
    out.push({ code: 'debtRatio', kind: 'amount', target: debt.atMost, add: toDecimalString(by, 2), text: T.amountDown('负债', by, thresholdPct(debt.atMost)) });
  }
  const growth = reaching('growth', rules.growthBands);
  if (growth && x.growth) {
    const pp = pointsUp(x.growth, parseExact(growth.atLeast));
    out.push({ code: 'growth', kind: 'percentPoints', target: growth.atLeast, add: pp, text: T.ratioUp('上年主营业务收入增长率', pp, thresholdPct(growth.atLeast)) });
  }
  if (s.field < rules.fieldPoints.strategic && passes({ ...s, field: rules.fieldPoints.strategic }, rules))
    out.push({ code: 'field', kind: 'notByNumbers', text: '主导产品需属于《战略性新兴产业分类》或工业“六基”等重点领域' });
  return out;
}
