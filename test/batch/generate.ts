// Generated batches as bureaus send them: hundreds of firms, some rows invalid, blank rows between them, merged
// header cells (a section over its fields, 第一季度 over its four counts, names merged down three rows), numbers
// typed as text, 万元 with thousands separators, amounts in 元, 是/否 as Y/N, 1/0 or TRUE/FALSE. Each firm keeps
// the assessment input it stands for, so a test can score it alone and compare.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { AssessmentInputJson } from '../../server/domain/schemas/assessment.ts';
import { FIRM_COLUMNS, PROJECT_COLUMNS, columnLetter, type Column } from '../../server/batch/columns.ts';
import { withCheckCharacter } from '../../server/batch/cells.ts';
import { pathKeys } from '../../server/batch/sheet.ts';
import { rng } from '../helpers/rng.ts';

export interface GeneratedFirm {
  name: string;
  creditCode: string;
  /** What the row stands for; for an invalid row, the input before it was spoiled. */
  input: AssessmentInputJson;
  /** Set on a spoiled row: the column (form key) whose cell is wrong and the code expected for it. */
  spoiled?: { key: string; code: string; text: string | null };
  /** Filled in by the writer: the spreadsheet row of the firm. */
  row?: number;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** An amount in 万元 from whole 分 (exact, up to 6 decimals). */
const wan = (fen: number) => {
  const s = String(fen).padStart(7, '0');
  return `${s.slice(0, -6)}.${s.slice(-6)}`.replace(/\.?0+$/, '') || '0';
};

export function generateFirms(count: number, seed = 15): GeneratedFirm[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const firms: GeneratedFirm[] = [];
  for (let i = 0; i < count; i++) {
    const salesFen = chance(0.03) ? int(2_000_000_000, 3_000_000_000) * 10 : int(500_000, 150_000_000) * 100 + int(0, 99);
    const costFen = Math.floor(salesFen * (0.6 + r() * 0.35));
    const assetsFen = chance(0.02) ? 25_000_000_000_00 : int(1_000_000, 200_000_000) * 100;
    const employees = chance(0.04) ? int(1, 5) : int(8, 300);
    const techRatio = chance(0.1) ? r() * 0.08 : 0.08 + r() * 0.5;
    const quarters = chance(0.6);
    const rdFen = Math.floor(salesFen * (chance(0.15) ? r() * 0.02 : 0.02 + r() * 0.08));
    const nProjects = chance(0.1) ? 0 : int(1, 3);
    const forms = ['self', 'cooperative', 'centralized', 'commissioned_domestic', 'commissioned_foreign'] as const;
    const projects = Array.from({ length: nProjects }, (_, k) => ({
      name: `研发项目${i + 1}-${k + 1}`,
      code: `RD${2025}-${String(k + 1).padStart(2, '0')}`,
      form: k === 0 ? ('self' as const) : pick(forms),
      status: pick(['ongoing', 'completed'] as const),
      amount: wan(Math.floor(rdFen / nProjects)),
    }));
    const region = pick(['national', 'national', 'national', 'henan', 'ningbo'] as const);
    const tech = Math.floor(employees * techRatio);
    const input = {
      evaluationYear: 2026,
      region,
      firstTime: chance(0.3),
      pastViolation: chance(0.03),
      basic: {
        registeredInMainland: !chance(0.02),
        ...(region === 'ningbo' ? { registeredInRegion: !chance(0.1) } : {}),
        productsAllowed: !chance(0.02),
        creditClean: !chance(0.03),
        taxCollection: chance(0.05) ? 'assessed' : 'audit',
        ...(chance(0.8) ? { industryCode: pick(['I6513', 'C39', 'C3989', 'M7320', 'F5191', 'I65']) } : {}),
      },
      directPass: {
        highTechCertificate: chance(0.15),
        nationalAwardTop3: chance(0.01),
        provincialRdInstitution: chance(0.05),
        ledStandard: chance(0.03),
      },
      rdAuxiliaryAccount: !chance(0.07),
      superDeductionClaimed: chance(0.6),
      finance: {
        totalAssets: wan(assetsFen),
        ...(chance(0.7) ? { netAssets: wan(Math.floor(assetsFen * (chance(0.05) ? -0.1 : 0.5))) } : {}),
        salesRevenue: wan(salesFen),
        ...(chance(0.6) ? { mainBusinessRevenue: wan(Math.floor(salesFen * 0.95)) } : {}),
        ...(chance(0.5) ? { totalProfit: wan(salesFen - costFen) } : {}),
        ...(chance(0.5) ? { totalTax: wan(Math.floor(salesFen * 0.05)) } : {}),
        totalCost: wan(costFen),
      },
      rdProjects: projects,
      staff: quarters
        ? {
            quarters: [0, 1, 2, 3].map((q) => ({
              startEmployees: employees + q,
              endEmployees: employees + q + 1,
              startTech: Math.min(tech + q, employees + q),
              endTech: Math.min(tech + q, employees + q + 1),
            })),
          }
        : { employees: String(employees), techStaff: chance(0.3) ? `${tech}.25` : String(tech) },
      ip: {
        invention: chance(0.3) ? int(1, 3) : 0,
        utilityModel: chance(0.5) ? int(1, 6) : 0,
        software: chance(0.5) ? int(1, 5) : 0,
        design: chance(0.1) ? 1 : 0,
        ...(chance(0.02) ? { icLayout: 1 } : {}),
      },
      // contracts.md §5, for some firms: the ladder's own answers (blank cells elsewhere mean "not answered").
      ...(chance(0.35)
        ? {
            ladder: {
              previousYear: { operatingRevenue: wan(Math.floor(salesFen * 0.8)), rdTotal: wan(Math.floor(rdFen * 0.7)) },
              totalLiabilities: wan(Math.floor(assetsFen * 0.45)),
              ipClass1SelfDeveloped: int(0, 2),
              leadingProductStrategic: chance(0.5),
              nicheYears: int(1, 9),
              titles: { innovative: chance(0.3), specialized: false },
            },
          }
        : {}),
    } as AssessmentInputJson;
    // The ladder's self-developed Ⅰ类 items are among the firm's Ⅰ类 items (the schema refuses more).
    if (input.ladder?.ipClass1SelfDeveloped != null)
      input.ladder.ipClass1SelfDeveloped = Math.min(input.ladder.ipClass1SelfDeveloped, (input.ip.invention ?? 0) + (input.ip.icLayout ?? 0));
    const code = withCheckCharacter(`91${String(int(110000, 659000))}${Array.from({ length: 9 }, () => pick([...ALPHABET])).join('')}`);
    const firm: GeneratedFirm = { name: `测试科技有限公司${String(i + 1).padStart(4, '0')}`, creditCode: code, input };
    if (chance(0.08)) firm.spoiled = pick(SPOILERS)(firm);
    firms.push(firm);
  }
  return firms;
}

/** Ways a row goes wrong, each with the column it is reported in and the code. */
const SPOILERS: ((f: GeneratedFirm) => GeneratedFirm['spoiled'])[] = [
  () => ({ key: 'finance.salesRevenue', code: 'INVALID_AMOUNT', text: '约三千万' }),
  () => ({ key: 'finance.totalAssets', code: 'NEGATIVE_AMOUNT', text: '-12.5' }),
  () => ({ key: 'finance.totalCost', code: 'REQUIRED', text: null }),
  () => ({ key: 'basic.creditClean', code: 'INVALID_CHOICE', text: '不清楚' }),
  () => ({ key: 'basic.taxCollection', code: 'INVALID_CHOICE', text: '定额' }),
  () => ({ key: 'rdAuxiliaryAccount', code: 'REQUIRED', text: null }),
  (f) => ({ key: 'firm.creditCode', code: 'CREDIT_CODE_CHECKSUM', text: f.creditCode.slice(0, 17) + (f.creditCode[17] === '0' ? '1' : '0') }),
  () => ({ key: 'ip.invention', code: 'NOT_INTEGER', text: '1.5' }),
];

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────────
export interface Style {
  /** Three header rows: section merged across, 第一季度 merged over its counts, single fields merged down. */
  mergedHeader?: boolean;
  /** Blank rows between firms, every `blankEvery` firms. */
  blankEvery?: number;
  /** Headers written in 元 for these money columns (values converted). */
  yuanColumns?: string[];
}

const valueAt = (input: unknown, key: string): unknown =>
  pathKeys(key).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), input);

const BOOL_SPELLINGS: [string | number | boolean, string | number | boolean][] = [
  ['是', '否'],
  ['Y', 'N'],
  [1, 0],
  [true, false],
  ['y', 'n'],
];

/** A cell as a person would type the value: varied, but meaning exactly `v`. */
function typed(c: Column, v: unknown, r: () => number, yuan: boolean): ExcelJS.CellValue {
  if (v === undefined) return null;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  switch (c.kind) {
    case 'bool': {
      const [t, f] = pick(BOOL_SPELLINGS);
      return v ? t : f;
    }
    case 'tax':
      return v === 'audit' ? pick(['查账征收', '查账']) : '核定征收';
    case 'region':
      return { national: pick(['全国', '']), henan: pick(['河南省', '河南']), ningbo: '宁波市' }[v as string] || null;
    case 'amount':
    case 'signedAmount': {
      const s = String(v);
      if (yuan) {
        // 万元 → 元: exact decimal shift of four places.
        const [int, frac = ''] = s.replace('-', '').split('.');
        const digits = (int! + frac.padEnd(6, '0')).replace(/^0+(?=\d)/, '');
        const yuanText = `${s.startsWith('-') ? '-' : ''}${digits.slice(0, -2) || '0'}.${digits.slice(-2)}`;
        return pick([Number(yuanText), yuanText, `${group(yuanText)}`]);
      }
      return pick([Number(s), s, group(s), `${group(s)}万元`, `${s}万`]);
    }
    case 'count':
    case 'year':
      return pick([Number(v), String(v)]);
    case 'averaged':
      return pick([Number(v), String(v)]);
    case 'rdForm':
      return { self: '自主研发', cooperative: '合作研发', centralized: '集中研发', commissioned_domestic: pick(['委托境内研发', '委托境内']), commissioned_foreign: '委托境外研发' }[v as string]!;
    case 'rdStatus':
      return v === 'completed' ? pick(['已完成', '完成']) : pick(['进行中', '在研']);
    default:
      return String(v);
  }
}

/** "1234567.5" → "1,234,567.5" */
function group(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  const g = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${g}${frac !== undefined ? `.${frac}` : ''}`;
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

function headerRows(ws: ExcelJS.Worksheet, columns: readonly Column[], style: Style): number {
  const text = (c: Column) => (style.yuanColumns?.includes(c.key) ? c.header.replace('（万元）', '（元）') : c.header);
  if (!style.mergedHeader) {
    ws.getRow(1).values = columns.map(text);
    return 1;
  }
  // Row 1: sections merged across; row 2: quarter titles merged over their four counts; row 3: the fields.
  columns.forEach((c, i) => {
    const q = /^staff\.quarters\[(\d)\]/.exec(c.key);
    ws.getCell(1, i + 1).value = c.group;
    ws.getCell(2, i + 1).value = q ? QUARTER_NAMES[Number(q[1])]! : text(c);
    ws.getCell(3, i + 1).value = q ? text(c).replace(QUARTER_NAMES[Number(q[1])]!, '') : text(c);
  });
  let start = 0;
  columns.forEach((c, i) => {
    if (i + 1 < columns.length && columns[i + 1]!.group === c.group) return;
    if (i > start) ws.mergeCells(1, start + 1, 1, i + 1);
    start = i + 1;
  });
  columns.forEach((c, i) => {
    const q = /^staff\.quarters\[(\d)\]\.startEmployees/.exec(c.key);
    if (q) ws.mergeCells(2, i + 1, 2, i + 4);
    else if (!c.key.startsWith('staff.quarters')) {
      // A field with no quarter above it spans rows 2–3 (its value shows on both).
      ws.getCell(3, i + 1).value = null;
      ws.mergeCells(2, i + 1, 3, i + 1);
    }
  });
  return 3;
}

export interface Written {
  bytes: Buffer;
  /** Rows left blank on purpose. */
  blankRows: number[];
}

/** The firms as an xlsx workbook (sheet 企业, projects in sheet 研发项目). Sets each firm's `row`. */
export async function writeXlsx(firms: GeneratedFirm[], style: Style = {}, seed = 7): Promise<Written> {
  const r = rng(seed);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  const columns = FIRM_COLUMNS.filter((c) => c.key !== 'rdTotalSelf');
  let row = headerRows(ws, columns, style) + 1;
  const blankRows: number[] = [];
  for (const [n, f] of firms.entries()) {
    if (style.blankEvery && n > 0 && n % style.blankEvery === 0) blankRows.push(row++);
    f.row = row;
    const values = columns.map((c) => {
      if (f.spoiled?.key === c.key) return f.spoiled.text;
      const v = c.key === 'firm.name' ? f.name : c.key === 'firm.creditCode' ? f.creditCode : valueAt(f.input, c.key);
      return typed(c, v, r, !!style.yuanColumns?.includes(c.key));
    });
    ws.getRow(row++).values = values;
  }
  const ps = wb.addWorksheet('研发项目');
  ps.getRow(1).values = PROJECT_COLUMNS.map((c) => c.header);
  let pr = 2;
  for (const f of firms)
    for (const p of f.input.rdProjects) {
      // Keyed by credit code, or by row when the code is the spoiled cell.
      const byRow = f.spoiled?.key === 'firm.creditCode';
      ps.getRow(pr++).values = PROJECT_COLUMNS.map((c) =>
        c.key === 'firm.creditCode' ? (byRow ? null : f.creditCode) : c.key === 'firm.row' ? (byRow ? f.row! : null) : typed(c, (p as Record<string, unknown>)[c.key], r, false),
      );
    }
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), blankRows };
}

/** The firms as CSV (one sheet: R&D as 研发费用总额, self-run). Each firm's input is adjusted to match. */
export function writeCsv(firms: GeneratedFirm[], seed = 9): Written {
  const r = rng(seed);
  const columns = FIRM_COLUMNS;
  const records: unknown[][] = [columns.map((c) => c.header)];
  const blankRows: number[] = [];
  firms.forEach((f, n) => {
    if (n > 0 && n % 40 === 0) {
      records.push(columns.map(() => ''));
      blankRows.push(records.length);
    }
    const total = f.input.rdProjects.reduce((s, p) => s + Math.round(Number(p.amount) * 1e6), 0);
    f.input = { ...f.input, rdProjects: total ? [{ name: '研发费用总额（未分项）', form: 'self', status: 'completed', amount: wan(total) }] : [] };
    records.push(
      columns.map((c) => {
        if (f.spoiled?.key === c.key) return f.spoiled.text ?? '';
        const v =
          c.key === 'firm.name' ? f.name : c.key === 'firm.creditCode' ? f.creditCode : c.key === 'rdTotalSelf' ? (total ? wan(total) : undefined) : valueAt(f.input, c.key);
        const t = typed(c, v, r, false);
        return t === null ? '' : String(t);
      }),
    );
    f.row = records.length;
  });
  return { bytes: Buffer.from(stringify(records as string[][])), blankRows };
}

/** The column letter a form key is written in (xlsx leaves out 研发费用总额; CSV has it). */
export const letterOf = (key: string, csv = false) =>
  columnLetter((csv ? FIRM_COLUMNS : FIRM_COLUMNS.filter((c) => c.key !== 'rdTotalSelf')).findIndex((c) => c.key === key) + 1);
