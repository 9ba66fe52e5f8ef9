// Declared figures and extracted statements (contracts.md §3) → one value per figure, in 万元, with where it
// came from, and everything that does not add up: declared vs statement, statement vs statement, accounting
// identities, and the cross-document checks reviewers make. Pure: documents come in already extracted.
import { add, cmp, div, fraction, isZero, mul, parseDecimal, parseExact, sub, toDecimalString, type Fraction } from '../domain/exact.ts';
import { rdTotal } from '../domain/rdTotal.ts';
import { inForce } from '../domain/rules/dated.ts';
import { RD_ARITHMETIC } from '../domain/rules/national.ts';
import { annualQuarterlyAverage } from '../domain/staff.ts';
import type { ExtractionResult, StatementKind, StatementResult } from '../extract/schema.ts';
import type {
  DocumentOrigin,
  Figure,
  FigureKey,
  Inconsistency,
  Origin,
  PrecheckInput,
  PrecheckNotice,
  PrecheckResult,
} from './schemas.ts';
import { CONFIDENT_READING, TOLERANCE } from './thresholds.ts';
import { differenceText, grouped } from '../domain/wording.ts';

export interface ResolvedDocument {
  id: string;
  extraction: ExtractionResult;
}

export const FIGURE_LABELS: Record<FigureKey, { label: string; unit: '万元' | '人' }> = {
  totalAssets: { label: '资产总额', unit: '万元' },
  totalLiabilities: { label: '负债合计', unit: '万元' },
  netAssets: { label: '净资产（所有者权益合计）', unit: '万元' },
  salesRevenue: { label: '销售收入', unit: '万元' },
  mainBusinessRevenue: { label: '主营业务收入', unit: '万元' },
  totalCost: { label: '成本费用支出总额', unit: '万元' },
  totalProfit: { label: '利润总额', unit: '万元' },
  totalTax: { label: '纳税总额', unit: '万元' },
  rdTotal: { label: '研发费用总额', unit: '万元' },
  rdExpensesStatement: { label: '利润表研发费用', unit: '万元' },
  rdSubtotalA107012: { label: 'A107012年度研发费用小计', unit: '万元' },
  employees: { label: '职工总数（全年季平均数）', unit: '人' },
  techStaff: { label: '科技人员数（全年季平均数）', unit: '人' },
};

export const STATEMENT_NAMES: Record<StatementKind, string> = {
  balance_sheet: '资产负债表',
  income_statement: '利润表',
  rd_deduction: 'A107012研发费用加计扣除优惠明细表',
  staff_table: '职工人数统计表',
};

export const LINE_NAMES: Record<string, string> = {
  totalAssets: '资产总计',
  totalLiabilities: '负债合计',
  equity: '所有者权益合计',
  operatingRevenue: '营业收入',
  mainBusinessRevenue: '主营业务收入',
  otherBusinessRevenue: '其他业务收入',
  operatingCost: '营业成本',
  taxesAndSurcharges: '税金及附加',
  sellingExpenses: '销售费用',
  adminExpenses: '管理费用',
  rdExpenses: '研发费用',
  financeExpenses: '财务费用',
  operatingProfit: '营业利润',
  totalProfit: '利润总额',
  incomeTax: '所得税费用',
  netProfit: '净利润',
  projectCount: '研发项目数量',
  rdSubtotal: '年度研发费用小计',
  employees: '职工总数',
  techStaff: '科技人员数',
};

/** Money keys are 万元; headcounts are people. */
const isPeople = (k: FigureKey) => FIGURE_LABELS[k].unit === '人';
export const show = (x: Fraction) => toDecimalString(x, 6, true);
/** In messages: money as an accountant writes it (2 decimals, grouped), people with up to 2 decimals; values stay exact. */
export const say = (x: Fraction, unit: '万元' | '人' = '万元') => (unit === '人' ? toDecimalString(x, 2, true) : grouped(x));
const unitOf = (k: FigureKey) => FIGURE_LABELS[k].unit;

/** Within rounding (thresholds.ts): money by the larger of an absolute and a relative margin. */
export function close(a: Fraction, b: Fraction, people = false): boolean {
  const d = sub(a, b);
  const abs = d.n < 0n ? { n: -d.n, d: d.d } : d;
  if (people) return cmp(abs, parseExact(TOLERANCE.people)) <= 0;
  const big = cmp(a, b) >= 0 ? a : b;
  const rel = mul(big.n < 0n ? { n: -big.n, d: big.d } : big, parseExact(TOLERANCE.money.relative));
  const margin = cmp(rel, parseExact(TOLERANCE.money.absoluteWan)) > 0 ? rel : parseExact(TOLERANCE.money.absoluteWan);
  return cmp(abs, margin) <= 0;
}

interface Candidate {
  value: Fraction;
  origin: Origin;
  /** The first statement the figure was read from (for messages and discrepancy records). */
  doc?: DocumentOrigin;
  /** A reading the extraction doubted (flagged or low confidence). */
  doubtful?: boolean;
  ambiguity?: Figure['ambiguity'];
}

export interface Reconciled {
  /** The value each known figure takes (statement first, then declared), exact. */
  values: Partial<Record<FigureKey, Fraction>>;
  figures: Figure[];
  discrepancies: PrecheckResult['discrepancies'];
  identities: PrecheckResult['identities'];
  inconsistencies: Inconsistency[];
  warnings: PrecheckNotice[];
  documents: PrecheckResult['documents'];
}

const YUAN_PER_WAN = fraction(10000);

// ── Declared figures ────────────────────────────────────────────────────────────────────────────
function declared(input: PrecheckInput, year: number): Map<FigureKey, Candidate> {
  const out = new Map<FigureKey, Candidate>();
  const money = (key: FigureKey, v: string | undefined, path: string) => {
    if (v !== undefined) out.set(key, { value: parseDecimal(v), origin: { kind: 'declared', path } });
  };
  const f = input.finance ?? {};
  money('totalAssets', f.totalAssets, 'finance.totalAssets');
  money('netAssets', f.netAssets, 'finance.netAssets');
  money('salesRevenue', f.salesRevenue, 'finance.salesRevenue');
  money('mainBusinessRevenue', f.mainBusinessRevenue, 'finance.mainBusinessRevenue');
  money('totalCost', f.totalCost, 'finance.totalCost');
  money('totalProfit', f.totalProfit, 'finance.totalProfit');
  money('totalTax', f.totalTax, 'finance.totalTax');
  if (input.rdProjects)
    out.set('rdTotal', {
      value: rdTotal(input.rdProjects, inForce(RD_ARITHMETIC, year).value).total,
      origin: {
        kind: 'derived',
        formula: '研发项目合计：自主、合作、集中研发按100%，委托研发按80%，委托境外部分不超过境内研发费用的三分之二',
        from: [{ kind: 'declared', path: 'rdProjects' }],
      },
    });
  const s = input.staff;
  if (s?.quarters) {
    const avg = annualQuarterlyAverage(s.quarters);
    const origin: Origin = {
      kind: 'derived',
      formula: '全年季平均数 =（各季度（季初数 + 季末数）/ 2 之和）/ 4',
      from: [{ kind: 'declared', path: 'staff.quarters' }],
    };
    out.set('employees', { value: avg.employees, origin });
    out.set('techStaff', { value: avg.techStaff, origin });
  } else {
    money('employees', s?.employees, 'staff.employees');
    money('techStaff', s?.techStaff, 'staff.techStaff');
  }
  return out;
}

// ── Statement figures ───────────────────────────────────────────────────────────────────────────
const COST_LINES = ['operatingCost', 'taxesAndSurcharges', 'sellingExpenses', 'adminExpenses', 'financeExpenses'] as const;

class StatementReader {
  readonly warnings: PrecheckNotice[] = [];
  readonly identities: PrecheckResult['identities'] = [];

  constructor(
    private readonly doc: ResolvedDocument,
    private readonly st: StatementResult,
  ) {}

  get where(): string {
    return `${STATEMENT_NAMES[this.st.kind]}（第${this.st.page}页）`;
  }

  has(field: string): boolean {
    return this.st.fields[field] !== undefined;
  }

  /** 元 (2 decimals) → 万元 exactly; counts stay people. */
  value(field: string): Fraction {
    const v = parseDecimal(this.st.fields[field]!.value);
    return this.st.kind === 'staff_table' ? v : div(v, YUAN_PER_WAN);
  }

  origin(field: string): DocumentOrigin {
    return {
      kind: 'document',
      documentId: this.doc.id,
      file: this.doc.extraction.file,
      statement: this.st.kind,
      page: this.st.page,
      field,
      ...(LINE_NAMES[field] ? { line: LINE_NAMES[field] } : {}),
      unit: this.st.unit,
    };
  }

  doubtful(field: string): boolean {
    const f = this.st.fields[field]!;
    return f.flagged === true || f.confidence < CONFIDENT_READING;
  }

  line(field: string): Candidate {
    return { value: this.value(field), origin: this.origin(field), doc: this.origin(field), doubtful: this.doubtful(field) };
  }

  sumOf(fields: readonly string[], formula: string): Candidate {
    const present = fields.filter((f) => this.has(f));
    return {
      value: present.reduce((acc, f) => add(acc, this.value(f)), fraction(0)),
      origin: { kind: 'derived', formula, from: present.map((f) => this.origin(f)) },
      doc: this.origin(present[0]!),
      doubtful: present.some((f) => this.doubtful(f)),
    };
  }

  /** A printed identity, within what the statement's unit can round (half a unit per term). */
  identity(code: string, message: string, total: string, terms: [string, 1 | -1][]): void {
    if (!this.has(total) || terms.some(([f]) => !this.has(f))) return;
    const sum = terms.reduce((acc, [f, sign]) => (sign > 0 ? add(acc, this.value(f)) : sub(acc, this.value(f))), fraction(0));
    const diff = sub(this.value(total), sum);
    const unitWan = { 元: fraction(1, 1_000_000), 千元: fraction(1, 10), 万元: fraction(1), 百万元: fraction(100), 亿元: fraction(10_000) }[this.st.unit];
    const margin = mul(unitWan, fraction(terms.length, 2));
    if (cmp(diff.n < 0n ? { n: -diff.n, d: diff.d } : diff, margin) <= 0) return;
    this.identities.push({
      code,
      documentId: this.doc.id,
      page: this.st.page,
      message: `${this.where}不平：${message}，相差${say(diff)}万元`,
    });
  }

  read(knownRd: Fraction | undefined): Map<FigureKey, Candidate> {
    const out = new Map<FigureKey, Candidate>();
    const set = (k: FigureKey, field: string) => this.has(field) && out.set(k, this.line(field));
    switch (this.st.kind) {
      case 'balance_sheet':
        set('totalAssets', 'totalAssets');
        set('totalLiabilities', 'totalLiabilities');
        set('netAssets', 'equity');
        this.identity('BALANCE_IDENTITY', '资产总计 = 负债合计 + 所有者权益合计', 'totalAssets', [
          ['totalLiabilities', 1],
          ['equity', 1],
        ]);
        break;
      case 'income_statement':
        this.readIncome(out, knownRd);
        break;
      case 'rd_deduction':
        set('rdSubtotalA107012', 'rdSubtotal');
        break;
      case 'staff_table':
        set('employees', 'employees');
        set('techStaff', 'techStaff');
        break;
    }
    for (const [field, f] of Object.entries(this.st.fields))
      if (f.flagged === true || f.confidence < CONFIDENT_READING)
        this.warnings.push({
          code: 'DOUBTFUL_READING',
          message: `${this.where}“${LINE_NAMES[field] ?? field}”识别把握不大（可信度${Math.round(f.confidence * 100)}%），请对照原件核对`,
        });
    return out;
  }

  private readIncome(out: Map<FigureKey, Candidate>, knownRd: Fraction | undefined): void {
    // 销售收入 = 主营业务收入 + 其他业务收入, which the 2019 format prints as 营业收入 (rules.md §4).
    if (this.has('operatingRevenue')) out.set('salesRevenue', this.line('operatingRevenue'));
    else if (this.has('mainBusinessRevenue')) {
      const c = this.sumOf(['mainBusinessRevenue', 'otherBusinessRevenue'], '销售收入 = 主营业务收入 + 其他业务收入');
      if (!this.has('otherBusinessRevenue'))
        c.ambiguity = {
          code: 'OTHER_REVENUE_NOT_SHOWN',
          message: `${this.where}只列示主营业务收入、未见其他业务收入，销售收入暂按主营业务收入计；如有其他业务收入请补充`,
        };
      out.set('salesRevenue', c);
    }
    if (this.has('mainBusinessRevenue')) out.set('mainBusinessRevenue', this.line('mainBusinessRevenue'));
    if (this.has('totalProfit')) out.set('totalProfit', this.line('totalProfit'));
    if (this.has('rdExpenses')) out.set('rdExpensesStatement', this.line('rdExpenses'));

    // 成本费用支出总额 = 营业成本 + 税金及附加 + 销售费用 + 管理费用 + 财务费用, plus 研发费用 where the 2019
    // format carves it out of 管理费用 as its own line (rules.md §4).
    if (!this.has('operatingCost')) {
      this.warnings.push({
        code: 'COST_NOT_READ',
        message: `${this.where}未读到营业成本（旧格式报表为主营业务成本、其他业务成本），无法据此计算成本费用支出总额，请手工填写`,
      });
    } else {
      const lines = [...COST_LINES, ...(this.has('rdExpenses') ? (['rdExpenses'] as const) : [])];
      const missing = lines.filter((l) => !this.has(l)).map((l) => LINE_NAMES[l]);
      const c = this.sumOf(
        lines,
        `成本费用支出总额 = ${lines.map((l) => LINE_NAMES[l]).join(' + ')}${missing.length ? `（报表未列示的${missing.join('、')}按0计）` : ''}`,
      );
      // Without a 研发费用 line the R&D is either inside 管理费用 (older formats: nothing to add) or the line
      // exists and was not read (2019 format: the total is short by it). The statement cannot tell; say so.
      if (!this.has('rdExpenses') && this.has('operatingRevenue') && knownRd && !isZero(knownRd))
        c.ambiguity = {
          code: 'COST_RD_LINE_UNCLEAR',
          message: `${this.where}未列示“研发费用”行：若研发费用已计入管理费用（旧格式），成本费用支出总额为${say(c.value)}万元；若为2019年格式而该行未读出，应再加上研发费用，约为${say(add(c.value, knownRd))}万元。请核对报表格式`,
          otherValue: show(add(c.value, knownRd)),
        };
      out.set('totalCost', c);
    }

    this.identity('REVENUE_SPLIT', '营业收入 = 主营业务收入 + 其他业务收入', 'operatingRevenue', [
      ['mainBusinessRevenue', 1],
      ['otherBusinessRevenue', 1],
    ]);
    this.identity('NET_PROFIT', '净利润 = 利润总额 − 所得税费用', 'netProfit', [
      ['totalProfit', 1],
      ['incomeTax', -1],
    ]);
  }
}

const yearOf = (period: string | undefined) => (period ? Number(/(19|20)\d{2}/.exec(period)?.[0]) || undefined : undefined);

// ── Reconciliation ──────────────────────────────────────────────────────────────────────────────
export function reconcile(input: PrecheckInput, docs: readonly ResolvedDocument[], year: number): Reconciled {
  const typed = declared(input, year);
  const fromDocs = new Map<FigureKey, Candidate[]>();
  const warnings: PrecheckNotice[] = [];
  const identities: Reconciled['identities'] = [];
  const inconsistencies: Inconsistency[] = [];
  const companies = new Set<string>();

  // The R&D the cost ambiguity is measured with: the form's own total, else what the statements say.
  const a107012 = docs.flatMap((d) => d.extraction.documents.filter((s) => s.kind === 'rd_deduction' && s.fields.rdSubtotal));
  const knownRd =
    typed.get('rdTotal')?.value ??
    (a107012[0] ? div(parseDecimal(a107012[0].fields.rdSubtotal!.value), YUAN_PER_WAN) : undefined);

  for (const doc of docs) {
    for (const e of doc.extraction.errors)
      warnings.push({ code: `DOCUMENT_${e.code}`, message: `文件未能识别：${e.message}` });
    for (const st of doc.extraction.documents) {
      // 合并 and 母公司 statements side by side: only the one the form uses (the firm's own) counts.
      if (st.use === false) continue;
      const reader = new StatementReader(doc, st);
      for (const [k, c] of reader.read(knownRd)) fromDocs.set(k, [...(fromDocs.get(k) ?? []), c]);
      warnings.push(...reader.warnings);
      identities.push(...reader.identities);
      if (st.company) companies.add(st.company.replace(/\s+/g, ''));
      const y = yearOf(st.period);
      if (y !== undefined && y !== year - 1)
        warnings.push({
          code: 'PERIOD_MISMATCH',
          message: `${reader.where}所属期间为${y}年，评价应使用上一会计年度（${year - 1}年）的报表`,
        });
    }
    // Identities the extraction checked on lines the contract does not carry (e.g. 营业利润) are kept too.
    for (const c of doc.extraction.checks)
      if (!c.ok && !identities.some((i) => i.code === c.code && i.documentId === doc.id && i.page === c.page))
        identities.push({ code: c.code, documentId: doc.id, ...(c.page ? { page: c.page } : {}), message: c.message });
  }
  if (companies.size > 1)
    inconsistencies.push({
      code: 'COMPANY_MISMATCH',
      message: `上传的报表属于${companies.size}个不同的企业名称，请确认都是本企业的报表`,
      figures: [],
    });

  const values: Reconciled['values'] = {};
  const figures: Figure[] = [];
  const discrepancies: Reconciled['discrepancies'] = [];
  const keys = (Object.keys(FIGURE_LABELS) as FigureKey[]).filter((k) => typed.has(k) || fromDocs.has(k));
  for (const key of keys) {
    const mine = typed.get(key);
    const read = fromDocs.get(key) ?? [];
    // A statement is the evidence reviewers hold the form to, so its reading is the figure; the typed value
    // stays beside it. A doubtful reading does not override what the owner typed. The R&D total is the sum of
    // the declared projects, as the form computes it; statements only stand in for it when there is no list.
    const statementFirst = key !== 'rdTotal' && read.length > 0 && !(mine && read[0]!.doubtful);
    const chosen = statementFirst ? read[0]! : (mine ?? read[0]!);
    const others = [...(mine && mine !== chosen ? [mine] : []), ...read.filter((c) => c !== chosen)];
    values[key] = chosen.value;
    figures.push({
      key,
      ...FIGURE_LABELS[key],
      value: show(chosen.value),
      origin: chosen.origin,
      alternatives: others.map((c) => ({ value: show(c.value), origin: c.origin })),
      ...(chosen.ambiguity ? { ambiguity: chosen.ambiguity } : {}),
    });
    const label = FIGURE_LABELS[key].label;
    const unit = unitOf(key);
    // Statements that disagree with each other (e.g. two income statements).
    for (const c of read.slice(1))
      if (!close(c.value, read[0]!.value, isPeople(key)))
        inconsistencies.push({
          code: 'DOCUMENTS_DISAGREE',
          message: `不同报表的${label}不一致：${say(read[0]!.value, unit)}${unit}与${say(c.value, unit)}${unit}`,
          figures: [key],
        });
    // Declared vs statement. 净资产 is compared as a cross-document check below; the R&D total likewise.
    if (mine && key !== 'netAssets' && key !== 'rdTotal')
      for (const c of read) {
        const matchesOtherReading = c.ambiguity?.otherValue && close(mine.value, parseDecimal(c.ambiguity.otherValue));
        if (close(mine.value, c.value, isPeople(key)) || matchesOtherReading) continue;
        discrepancies.push({
          code: 'DECLARED_VS_DOCUMENT',
          figure: key,
          declared: show(mine.value),
          document: show(c.value),
          difference: show(sub(mine.value, c.value)),
          origin: c.doc!,
          message: `${label}与填写不一致：您填写${say(mine.value, unit)}${unit}，${differenceText(mine.value, c.value, unit, `${STATEMENT_NAMES[c.doc!.statement]}（第${c.doc!.page}页）`).replace(/ /g, '')}`,
        });
      }
  }

  // 研发费用总额 (projects) vs A107012 小计 vs 利润表研发费用 vs A107012 and statements without projects.
  if (!values.rdTotal) {
    const stand = fromDocs.get('rdSubtotalA107012')?.[0] ?? fromDocs.get('rdExpensesStatement')?.[0];
    if (stand) {
      values.rdTotal = stand.value;
      figures.push({ key: 'rdTotal', ...FIGURE_LABELS.rdTotal, value: show(stand.value), origin: stand.origin, alternatives: [] });
      warnings.push({
        code: 'RD_TOTAL_FROM_STATEMENT',
        message: `未填写研发项目，研发费用总额暂按${stand.origin.kind === 'document' ? STATEMENT_NAMES[stand.origin.statement] : '报表'}的${say(stand.value)}万元估算；正式填报时须逐项填写研发项目，由系统汇总`,
      });
    }
  }
  inconsistencies.push(...crossChecks(input, values, fromDocs));

  return {
    values,
    figures,
    discrepancies,
    identities,
    inconsistencies,
    warnings,
    documents: docs.map((d) => ({
      id: d.id,
      file: d.extraction.file,
      statements: d.extraction.documents.map((s) => ({ kind: s.kind, page: s.page, unit: s.unit, ...(s.period ? { period: s.period } : {}) })),
      errors: d.extraction.errors,
    })),
  };
}

/** The contradictions between figures that reviewers look for (issue 4; rules.md §6 "logical contradictions"). */
function crossChecks(
  input: PrecheckInput,
  v: Reconciled['values'],
  fromDocs: Map<FigureKey, Candidate[]>,
): Inconsistency[] {
  const out: Inconsistency[] = [];
  const wan = (x: Fraction) => `${say(x)}万元`;

  const rd: [FigureKey, Fraction][] = [];
  if (input.rdProjects) rd.push(['rdTotal', v.rdTotal!]);
  const statementRd = fromDocs.get('rdExpensesStatement')?.[0]?.value;
  const a107012 = fromDocs.get('rdSubtotalA107012')?.[0]?.value;
  if (statementRd) rd.push(['rdExpensesStatement', statementRd]);
  if (a107012) rd.push(['rdSubtotalA107012', a107012]);
  if (rd.length > 1 && rd.some(([, x]) => !close(x, rd[0]![1])))
    out.push({
      code: 'RD_MISMATCH',
      message: `研发费用前后不一致：${rd.map(([k, x]) => `${k === 'rdTotal' ? '研发项目合计' : FIGURE_LABELS[k].label}${wan(x)}`).join('，')}。各口径略有不同（如委托研发按80%计入），但差异应能逐项说明`,
      figures: rd.map(([k]) => k),
    });

  const equity = fromDocs.get('netAssets')?.[0]?.value;
  const typedNet = input.finance?.netAssets;
  if (equity && typedNet !== undefined && !close(equity, parseDecimal(typedNet)))
    out.push({
      code: 'EQUITY_VS_NET_ASSETS',
      message: `资产负债表所有者权益合计${wan(equity)}与填写的净资产${wan(parseDecimal(typedNet))}不一致`,
      figures: ['netAssets'],
    });

  if (v.mainBusinessRevenue && v.salesRevenue && cmp(v.mainBusinessRevenue, v.salesRevenue) > 0)
    out.push({
      code: 'MAIN_EXCEEDS_SALES',
      message: `主营业务收入${wan(v.mainBusinessRevenue)}大于销售收入${wan(v.salesRevenue)}（销售收入 = 主营业务收入 + 其他业务收入）`,
      figures: ['mainBusinessRevenue', 'salesRevenue'],
    });

  for (const k of ['rdTotal', 'rdExpensesStatement'] as const) {
    const r = k === 'rdTotal' ? v.rdTotal : statementRd;
    if (r && v.totalCost && cmp(r, v.totalCost) > 0)
      out.push({
        code: 'RD_EXCEEDS_COST',
        message: `${k === 'rdTotal' ? '研发费用总额' : '利润表研发费用'}${wan(r)}大于成本费用支出总额${wan(v.totalCost)}，研发费用是成本费用的一部分`,
        figures: [k, 'totalCost'],
      });
  }

  if (v.netAssets && v.totalAssets && cmp(v.netAssets, v.totalAssets) > 0)
    out.push({
      code: 'NET_ASSETS_EXCEED_ASSETS',
      message: `净资产${wan(v.netAssets)}大于资产总额${wan(v.totalAssets)}，即负债为负数`,
      figures: ['netAssets', 'totalAssets'],
    });

  if (v.techStaff && v.employees && cmp(v.techStaff, v.employees) > 0)
    out.push({
      code: 'TECH_EXCEEDS_EMPLOYEES',
      message: `科技人员数${say(v.techStaff, '人')}人大于职工总数${say(v.employees, '人')}人`,
      figures: ['techStaff', 'employees'],
    });

  const edu = input.staff?.education;
  const parts = edu ? [edu.doctor, edu.master, edu.bachelor, edu.collegeOrBelow] : [];
  if (v.employees && parts.length && parts.every((p) => p !== undefined)) {
    const total = parts.reduce((acc, p) => add(acc, parseDecimal(p!)), fraction(0));
    if (!close(total, v.employees, true))
      out.push({
        code: 'EDUCATION_SUM',
        message: `按学历分列的人数合计${say(total, '人')}人，与职工总数${say(v.employees, '人')}人不符（表单要求两者相等）`,
        figures: ['employees'],
      });
  }
  return out;
}
