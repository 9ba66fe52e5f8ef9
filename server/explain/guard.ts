// The guard a model's answer must pass before the owner sees it: bounded length, every number taken from the
// facts, and no sentence that states a verdict other than the engine's. It is deliberately strict — a false
// alarm costs only a template explanation, a missed one would tell the owner something untrue.
import type { ExplainFacts } from './facts.ts';
import { rungClaim, rungContradiction, rungOf } from './ladder.ts';

export type GuardFailure = 'empty' | 'too_long' | 'invented_number' | 'contradicts_verdict' | 'verdict_missing';
export type GuardResult = { ok: true } | { ok: false; failure: GuardFailure; detail: string };

export const GUARD_LIMITS = { minChars: 20, maxChars: 900 };

// ── numbers ──────────────────────────────────────────────────────────────────────────────────────
const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** A Chinese numeral counting something (两项, 三十分, 五万元): bare 一 in words like 统一 is not a number. */
const CHINESE = /[零〇一二两三四五六七八九十百千]+(?=\s*(?:万|亿|项|个|名|人|分(?!之)|元|倍|件|年|类|成|家|条|%|％))/g;

function chineseValue(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else {
      total += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

/** Canonical form of a decimal: no thousands separators, no trailing zeros ("3,000.50" → "3000.5"). */
function canonical(s: string): string {
  const plain = s.replace(/,/g, '');
  if (!plain.includes('.')) return plain.replace(/^0+(?=\d)/, '');
  return plain.replace(/^0+(?=\d)/, '').replace(/\.?0+$/, '');
}

export function numbersIn(text: string): string[] {
  // List markers ("1. ", "2、") number the lines, not the firm.
  const t = text.normalize('NFKC').replace(/^\s*\d+(?:\.\s+|、|\)\s*)/gm, '');
  return [...(t.match(ARABIC) ?? []).map(canonical), ...(t.match(CHINESE) ?? []).map((c) => String(chineseValue(c)))];
}

/** Every number the facts contain, wherever it sits (codes and keys excepted: "ipClass1" is not a 1). */
export function factNumbers(facts: Partial<ExplainFacts>): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, key?: string): void => {
    if (key === 'code' || key === 'lever' || key === 'kind' || key === 'verdict') return;
    if (typeof v === 'number') out.add(canonical(String(v)));
    else if (typeof v === 'string') for (const n of numbersIn(v)) out.add(n);
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(facts);
  return out;
}

// ── verdict ──────────────────────────────────────────────────────────────────────────────────────
/**
 * A clause that states a condition, a requirement, a consequence or a suggestion says nothing about the firm
 * as it is ("若增加2名科技人员，即可符合条件", "须达到60分", "可通过增加研发投入提高得分").
 */
const ACTIONS = '(?:增加|提高|新增|取得|补充|招聘|引进|购买|加大|调整|申请|设置|改为)';
const CONDITIONAL = new RegExp(
  `^\\s*如|若|如果|假如|倘若|只要|一旦|如能|的话|之后|后[，,]?(?:即|就|便|可)|即可|就能|就可|便可|才能|才可|需要|需|须|必须|应当|应该|只有|` +
    `(?:可以|可|能够|能|有望)[^，,。]*?${ACTIONS}|通过${ACTIONS}`,
);
const ANTECEDENT = /^\s*如|若|如果|假如|倘若|只要|一旦|如能/;
/** What a verdict is about; "符合条件的研发费用" or "符合条件的企业" name things and are not verdicts. */
const OBJECT = '(?:科技型中小企业|评价|入库|条件|要求|标准)(?![的之]|研发|费用)';
const NEGATED = new RegExp(`(?:不|未|尚未|尚不|暂不|并不|无法|不能|没有)(?:完全)?(?:符合|满足|达到|通过)[^，,。；]*?${OBJECT}|不合格`);
const AFFIRMED = new RegExp(`(?:符合|满足|达到|通过)[^，,。；]*?${OBJECT}|合格(?!线)|可以入库|能够入库`);
/** Before a verdict word: a negation, or a question ("是否符合") — neither affirms. */
const NOT_AFFIRMING_BEFORE = /(?:不|未|尚未|尚不|暂不|并不|无法|不能|没有)(?:完全)?$|是否$|能否$|可否$/;
const UNDETERMINED = /无法判断|暂无法|尚无法|不能确定|无法确定|尚不能判断|暂不能判断|待补充|需要补充|还需补充|尚需补充/;

function affirms(clause: string): boolean {
  for (const m of clause.matchAll(new RegExp(AFFIRMED.source, 'g'))) {
    if (!NOT_AFFIRMING_BEFORE.test(clause.slice(0, m.index))) return true;
  }
  return false;
}

/** Clauses that assert something about the firm as it stands (conditions and their consequences left out). */
function assertions(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/[。；;！!？?\n]/)) {
    let condition = false;
    for (const clause of sentence.split(/[，,：:]/)) {
      const conditional = condition || CONDITIONAL.test(clause);
      condition = ANTECEDENT.test(clause) && !/即|就|便|则/.test(clause);
      if (!conditional && clause.trim()) out.push(clause);
    }
  }
  return out;
}

export function guard(text: string, facts: ExplainFacts, limits = GUARD_LIMITS): GuardResult {
  const t = text.trim();
  if ([...t].length < limits.minChars) return { ok: false, failure: 'empty', detail: `${[...t].length}字` };
  if ([...t].length > limits.maxChars) return { ok: false, failure: 'too_long', detail: `${[...t].length}字` };

  // The ladder's figures may be used only where the ladder is talked about (a sentence naming a rung), so
  // its many numbers do not widen what may be said about the 科技型 verdict.
  const { ladder, ...tech } = facts;
  const known = factNumbers(tech);
  const withLadder = ladder ? factNumbers(facts) : known;
  const invented = t
    .split(/(?<=[。；;！!？?\n])/)
    .flatMap((sentence) => numbersIn(sentence).filter((n) => !(rungOf(sentence) ? withLadder : known).has(n)));
  if (invented.length) return { ok: false, failure: 'invented_number', detail: [...new Set(invented)].join('、') };

  // Clauses about a rung above 科技型 are held to that rung's verdict, and only to it.
  const all = assertions(t);
  for (const clause of all) {
    const rung = rungOf(clause);
    if (!rung) continue;
    const claim = rungClaim(clause);
    const verdict = facts.ladder?.rungs.find((r) => r.rung === rung)?.verdict ?? 'undetermined';
    if (claim && rungContradiction(claim, verdict)) return { ok: false, failure: 'contradicts_verdict', detail: clause };
  }
  const claims = all.filter((c) => !rungOf(c));
  const negative = claims.filter((c) => NEGATED.test(c));
  const positive = claims.filter(affirms);
  switch (facts.verdict) {
    case 'qualified':
      if (negative.length) return { ok: false, failure: 'contradicts_verdict', detail: negative[0]! };
      if (!positive.length) return { ok: false, failure: 'verdict_missing', detail: '未说明符合' };
      break;
    case 'not_qualified':
      if (positive.length) return { ok: false, failure: 'contradicts_verdict', detail: positive[0]! };
      if (!negative.length) return { ok: false, failure: 'verdict_missing', detail: '未说明不符合' };
      break;
    case 'undetermined':
      if (positive.length || negative.length)
        return { ok: false, failure: 'contradicts_verdict', detail: (positive[0] ?? negative[0])! };
      if (!UNDETERMINED.test(t)) return { ok: false, failure: 'verdict_missing', detail: '未说明暂无法判断' };
      break;
  }
  return { ok: true };
}
