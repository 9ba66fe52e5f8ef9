// What the ladder looks at (contracts.md §5), read from one validated assessment input: the year's own
// figures from §1 and the ladder's optional answers. `null` is "not answered"; nothing unknown is guessed.
import { parseDecimal, sub, type Fraction } from '../exact.ts';
import { IP_CLASS1, IP_CLASS2 } from '../rules/national.ts';
import type { PolicyPack } from '../rules/packs.ts';
import type { AssessmentInput } from '../schemas/assessment.ts';

export type Tri = boolean | null;

export interface LadderFacts {
  /** 科技型 qualifies in this same result: it counts as holding the title (contracts.md §5 TITLE). */
  techQualified: boolean;
  /** 营业收入 (§1 finance.salesRevenue). */
  revenue: Fraction;
  mainRevenue: Fraction | null;
  /** 上年研发费用: the §1 R&D total as the form computes it. */
  rd: Fraction;
  totalAssets: Fraction;
  liabilities: Fraction | null;
  /** Where the liabilities came from: the answer, or 资产总额 − 净资产. */
  liabilitiesFrom: 'answer' | 'netAssets' | null;
  prev: { mainRevenue: Fraction | null; revenue: Fraction | null; rd: Fraction | null };
  class1: number;
  class2: number;
  /** Subsets of the Ⅰ类 items; 0 when the firm has no Ⅰ类 item at all, whatever was answered. */
  highValue: number | null;
  selfDeveloped: number | null;
  strategic: Tri;
  direct: { provincialAward: Tri; hnteOrDemo: Tri; provincialLab: Tri; equity500: Tri };
  /** §1's 直通车 answer (国家级科技奖励、前三、近五年), read by 小巨人's IP exemption. */
  nationalAwardTop3: boolean;
  nicheYears: number | null;
  marketShareLeading: Tri;
  chainKeyLink: Tri;
  titles: { innovative: Tri; specialized: Tri };
}

const amount = (s: string | null | undefined): Fraction | null => (s == null ? null : parseDecimal(s));
const tri = (b: boolean | null | undefined): Tri => (b == null ? null : b);

export function ladderFacts(input: AssessmentInput, rdTotal: Fraction, techQualified: boolean, pack: PolicyPack): LadderFacts {
  const l = input.ladder ?? {};
  const f = input.finance;
  const class1 = IP_CLASS1.reduce((n, k) => n + input.ip[k], 0);
  const class2 = IP_CLASS2.reduce((n, k) => n + input.ip[k], 0);
  const totalAssets = parseDecimal(f.totalAssets);
  const answered = amount(l.totalLiabilities);
  // 净资产 above 资产总额 would mean negative liabilities: no reading, so the ratio stays unanswered.
  const derived = f.netAssets != null ? sub(totalAssets, parseDecimal(f.netAssets)) : null;
  const liabilities = answered ?? (derived && derived.n >= 0n ? derived : null);
  const d = l.innovationDirect ?? {};
  const dp = input.directPass;
  // §1 answers the same questions for 科技型: a valid 高新技术企业 certificate is one of 创新型's honours, and a
  // provincial lab is the same institution (only where the region does not widen LAB, as Ningbo does).
  const hnteOrDemo = tri(d.hnteOrDemo) ?? (dp.highTechCertificate ? true : null);
  const provincialLab = tri(d.provincialLab) ?? (dp.provincialRdInstitution ? (pack.lab ? null : true) : false);
  return {
    techQualified,
    revenue: parseDecimal(f.salesRevenue),
    mainRevenue: amount(f.mainBusinessRevenue),
    rd: rdTotal,
    totalAssets,
    liabilities,
    liabilitiesFrom: answered ? 'answer' : liabilities ? 'netAssets' : null,
    prev: {
      mainRevenue: amount(l.previousYear?.mainBusinessRevenue),
      revenue: amount(l.previousYear?.operatingRevenue),
      rd: amount(l.previousYear?.rdTotal),
    },
    class1,
    class2,
    highValue: class1 === 0 ? 0 : (l.ipClass1HighValue ?? null),
    selfDeveloped: class1 === 0 ? 0 : (l.ipClass1SelfDeveloped ?? null),
    strategic: tri(l.leadingProductStrategic),
    direct: { provincialAward: tri(d.provincialAward), hnteOrDemo, provincialLab, equity500: tri(d.equity500) },
    nationalAwardTop3: dp.nationalAwardTop3,
    nicheYears: l.nicheYears ?? null,
    marketShareLeading: tri(l.marketShareLeading),
    chainKeyLink: tri(l.chainKeyLink),
    titles: { innovative: tri(l.titles?.innovative), specialized: tri(l.titles?.specialized) },
  };
}
