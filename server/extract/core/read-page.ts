// One page of positioned words → the statement it holds: kind, unit, company, period and each line item's
// current-period figure, paired by coordinates.
import type { StatementKind, Unit } from '../schema.ts';
import type { ParsedAmount } from './amount.ts';
import { TITLES, type ItemKey } from './catalog.ts';
import { headerRole, PREFERRED_ROLES, type ColumnRole } from './headers.ts';
import { groupRows, medianHeight, rowText, type Box, type Cell, type Row, type Word } from './layout.ts';
import { matchLabel, type LabelMatch } from './match.ts';
import { hasCjk, normalizeText } from './normalize.ts';
import { detectUnit } from './unit.ts';

export interface Reading {
  key: ItemKey;
  amount: ParsedAmount;
  /** The amount's cell, in page coordinates: a doubtful one is re-read from its crop. */
  cell: Cell;
  /** The label as printed, and how well it matched. */
  label: string;
  labelX0: number;
  labelConfidence: number;
  /** Column header chosen (e.g. 本年累计金额), if any. */
  column?: string;
  role?: ColumnRole;
  /** All amounts found on the row for this item, in reading order (for staff tables and diagnostics). */
  rowAmounts: { cell: Cell; role?: ColumnRole }[];
  /** Other rows whose label matched the same line item. */
  alternatives?: Reading[];
}

export interface PageReading {
  kind?: StatementKind;
  /** True when the page names its statement (a title); false when guessed from its line items. */
  titled: boolean;
  unit: Unit;
  unitFound: boolean;
  company?: string;
  period?: string;
  readings: Map<ItemKey, Reading>;
  /**
   * Line items whose label was read but whose current-period cell gave no amount (a seal over it, OCR noise):
   * where that cell should be, for a second look.
   */
  gaps: { key: ItemKey; box: Box }[];
  /**
   * Amounts in the current column with no label level with them: where their label should be, so that OCR can
   * take a second look at a label it garbled (减划上成 for 减:营业成本).
   */
  orphans: Box[];
  /** Decimals most amounts on the page print with (2 on nearly every statement). */
  decimals: number;
  /** How many known line items of the kind the page shows: a garbled page shows none. */
  knownLines: number;
  column?: string;
  rows: Row[];
}

interface Header { cell: Cell; role: ColumnRole; rowIndex: number }

export function readPage(words: Word[]): PageReading {
  const rows = groupRows(words);
  const lines = rows.map(rowText);
  const text = lines.join('\n');
  const titled = findTitle(rows);
  const labels = findLabels(rows, titled);
  const kind = titled ?? voteKind(labels.map((l) => l.m.item.kind));
  const own = labels.filter((l) => l.m.item.kind === kind);
  const headers = findHeaders(rows, own);
  const columnOf = columnsOf(rows, headers);
  const { unit, found: unitFound } = detectUnit(text);
  const readings = new Map<ItemKey, Reading>();
  let column: string | undefined;
  for (const l of own) {
    const key = l.m.item.key;
    if (!key) continue;
    const rowAmounts = amountsRightOf(rows, l.cell, own).map((cell) => ({ cell, ...columnOf(cell) }));
    const candidates = dropRowNumbers(rowAmounts, kind);
    const chosen = chooseColumn(candidates);
    if (!chosen || !chosen.cell.amount) continue;
    const reading: Reading = {
      key, amount: chosen.cell.amount, cell: chosen.cell, label: l.cell.text, labelX0: l.cell.x0, labelConfidence: l.m.confidence,
      column: chosen.header?.text, role: chosen.role, rowAmounts: candidates,
    };
    // A label met twice (repeated in a summary, or a line misread as another): the more certain reading leads,
    // the other stays an alternative for the identities to weigh.
    const previous = readings.get(key);
    if (previous) {
      const [lead, other] = previous.labelConfidence >= l.m.confidence ? [previous, reading] : [reading, previous];
      readings.set(key, { ...lead, alternatives: [...(previous.alternatives ?? []), other] });
      continue;
    }
    readings.set(key, reading);
    column ??= chosen.header?.text;
  }
  const gaps = findGaps(own, readings);
  const orphans = findOrphans(rows, labels, readings, columnOf);
  const decimals = mode([...readings.values()].map((r) => r.amount.scale)) ?? 2;
  return {
    kind, titled: titled !== undefined, unit, unitFound, readings, gaps, orphans, decimals, knownLines: own.length, column, rows,
    company: findCompany(lines), period: findPeriod(text),
  };
}

/**
 * The current-period cell of a label that has no reading lies level with the label, in the column where the
 * labels of the same side (same left edge) had theirs.
 */
function findGaps(labels: LabelHit[], readings: Map<ItemKey, Reading>): PageReading['gaps'] {
  const read = [...readings.values()];
  const gaps: PageReading['gaps'] = [];
  for (const l of labels) {
    const key = l.m.item.key;
    if (!key || readings.has(key)) continue;
    const h = l.cell.y1 - l.cell.y0;
    const sameSide = read.filter((r) => Math.abs(r.labelX0 - l.cell.x0) < 4 * h && r.role !== 'comparative' && r.role !== 'monthly');
    if (sameSide.length === 0) continue;
    const x0 = Math.min(...sameSide.map((r) => r.cell.x0));
    const x1 = Math.max(...sameSide.map((r) => r.cell.x1));
    if (x0 <= l.cell.x1) continue;
    gaps.push({ key, box: { x0, x1, y0: l.cell.y0, y1: l.cell.y1 } });
  }
  return gaps;
}

const MAX_ORPHANS = 12;

function findOrphans(rows: Row[], labels: LabelHit[], readings: Map<ItemKey, Reading>, columnOf: ColumnOf): PageReading['orphans'] {
  const read = [...readings.values()];
  const used = new Set(read.map((r) => r.cell));
  const out: PageReading['orphans'] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!cell.amount || used.has(cell) || out.length >= MAX_ORPHANS) continue;
      const role = columnOf(cell).role;
      if (role === 'comparative' || role === 'monthly' || role === 'rowno') continue;
      const h = cell.y1 - cell.y0;
      const yc = (cell.y0 + cell.y1) / 2;
      if (labels.some((l) => l.cell.x1 <= cell.x0 && yc >= l.cell.y0 - h * 0.3 && yc <= l.cell.y1 + h * 0.3)) continue;
      const ref = read.find((r) => Math.min(r.cell.x1, cell.x1) - Math.max(r.cell.x0, cell.x0) > 0);
      if (!ref) continue;
      const firstAmount = Math.min(...row.cells.filter((c) => c.amount && c.x0 > ref.labelX0 + h).map((c) => c.x0));
      const x1 = Math.min(firstAmount, cell.x0) - h * 0.3;
      if (x1 - ref.labelX0 < 2 * h) continue;
      out.push({ x0: Math.max(0, ref.labelX0 - h * 0.2), x1, y0: cell.y0 - h * 0.15, y1: cell.y1 + h * 0.15 });
    }
  }
  return out;
}

function mode(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function findTitle(rows: Row[]): StatementKind | undefined {
  // Titles sit at the top; a later mention (附注: 详见利润表) must not rename the page.
  for (const row of rows.slice(0, 8)) {
    const t = rowText(row).replace(/\s+/g, '');
    const hit = TITLES.find((x) => x.re.test(t));
    if (hit) return hit.kind;
  }
  return undefined;
}

function voteKind(kinds: StatementKind[]): StatementKind | undefined {
  const counts = new Map<StatementKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 3 ? best[0] : undefined;
}

function findHeaders(rows: Row[], labels: { rowIndex: number; cell: Cell }[]): Header[] {
  const labelCells = new Set(labels.map((l) => l.cell));
  const headers: Header[] = [];
  rows.forEach((row, rowIndex) => {
    if (row.cells.some((c) => c.amount && !/^\d{1,2}$/.test(c.text))) return;
    for (const cell of row.cells) {
      if (labelCells.has(cell)) continue;
      const role = headerRole(cell.text);
      if (role) {
        headers.push({ cell, role, rowIndex });
        continue;
      }
      // Headers printed close together run into one cell (行次本年累计金额): fall back to its words.
      for (const w of cell.words) {
        const r = headerRole(w.text);
        if (r) headers.push({ cell: { ...w, conf: w.conf ?? 1, words: [w] }, role: r, rowIndex });
      }
    }
  });
  return headers;
}

type ColumnOf = (cell: Cell) => { header?: Cell; role?: ColumnRole };

/**
 * Amount columns from the right edges amounts align on, each named by the header its span overlaps most. Per
 * cell this fails: a short amount (0.00) sits far right of a centred header, and the nearest header may be the
 * next column's; the long amounts of its column do reach under its own.
 */
function columnsOf(rows: Row[], headers: Header[]): ColumnOf {
  const cells = rows.flatMap((r) => r.cells.filter((c) => c.amount));
  const h = medianHeight(cells);
  const clusters: Cell[][] = [];
  for (const c of [...cells].sort((a, b) => a.x1 - b.x1)) {
    const last = clusters[clusters.length - 1];
    const edge = last?.[last.length - 1]?.x1;
    if (last && edge !== undefined && c.x1 - edge < h) last.push(c);
    else clusters.push([c]);
  }
  const byCell = new Map<Cell, { header?: Cell; role?: ColumnRole }>();
  for (const column of clusters) {
    const x0 = Math.min(...column.map((c) => c.x0));
    const x1 = Math.max(...column.map((c) => c.x1));
    const bottom = Math.max(...column.map((c) => c.y0));
    let best: Header | undefined;
    let most = 0;
    for (const hd of headers) {
      const overlap = Math.min(x1, hd.cell.x1) - Math.max(x0, hd.cell.x0);
      if (hd.cell.y1 <= bottom && overlap > most) {
        most = overlap;
        best = hd;
      }
    }
    const named = best ? { header: best.cell, role: best.role } : {};
    for (const c of column) byCell.set(c, named);
  }
  return (cell) => byCell.get(cell) ?? {};
}

interface LabelHit { rowIndex: number; cell: Cell; m: LabelMatch }

/**
 * Label cells matched against the known line items. A long label wraps inside its cell (所有者权益(或股东权益) /
 * 合计), its amounts sitting on a row of their own between the fragments: fragments stacked tightly at the same
 * left edge are joined when the whole matches better than the first line alone.
 */
function findLabels(rows: Row[], titled: StatementKind | undefined): LabelHit[] {
  const kinds = titled ? [titled] : undefined;
  const h = medianHeight(rows.flatMap((r) => r.cells));
  const used = new Set<Cell>();
  const hits: LabelHit[] = [];
  rows.forEach((row, rowIndex) => {
    for (const cell of row.cells) {
      if (cell.amount || !hasCjk(cell.text) || used.has(cell)) continue;
      let m = matchLabel(cell.text, kinds);
      let joined = cell;
      if (!m?.item.key) {
        const parts = [cell];
        for (let j = rowIndex + 1; j < rows.length && parts.length < 4; j++) {
          const last = parts[parts.length - 1] as Cell;
          const next = rows[j]?.cells.find(
            (c) => !c.amount && hasCjk(c.text) && Math.abs(c.x0 - cell.x0) < 1.5 * h && c.y0 - last.y1 < 0.6 * h,
          );
          if (!next) {
            if ((rows[j]?.y ?? Infinity) - (last.y0 + last.y1) / 2 > 1.6 * h) break;
            continue;
          }
          parts.push(next);
          const whole = matchLabel(parts.map((p) => p.text).join(''), kinds);
          // An unmatched first line takes any known line (非流动/资产合/计 is 非流动资产合计, whose tail must not
          // pose as 资产合计); a section header only gives way to a line we need.
          if (whole && (whole.item.key || !m)) {
            m = whole;
            joined = spanOf(parts);
            parts.slice(1).forEach((p) => used.add(p));
            break;
          }
        }
      }
      if (m) hits.push({ rowIndex, cell: joined, m });
    }
  });
  return hits;
}

function spanOf(parts: Cell[]): Cell {
  return {
    text: parts.map((p) => p.text).join(''), words: parts.flatMap((p) => p.words), conf: Math.min(...parts.map((p) => p.conf)),
    x0: Math.min(...parts.map((p) => p.x0)), x1: Math.max(...parts.map((p) => p.x1)),
    y0: Math.min(...parts.map((p) => p.y0)), y1: Math.max(...parts.map((p) => p.y1)),
  };
}

/**
 * Amounts level with a label (its centre within the label's vertical extent) and to its right, up to the next
 * label on the same level (two-sided balance sheets put a second label and its amounts on the same row).
 */
function amountsRightOf(rows: Row[], label: Cell, labels: { cell: Cell }[]): Cell[] {
  const h = Math.min(label.y1 - label.y0, medianHeight(label.words) * 1.2);
  const level = (c: Cell) => {
    const yc = (c.y0 + c.y1) / 2;
    return yc >= label.y0 - h * 0.25 && yc <= label.y1 + h * 0.25;
  };
  const next = labels
    .map((l) => l.cell)
    .filter((c) => c !== label && c.x0 > label.x1 && level(c))
    .sort((a, b) => a.x0 - b.x0)[0];
  const limit = next ? next.x0 : Infinity;
  return rows
    .flatMap((r) => r.cells)
    .filter((c) => c.amount && level(c) && c.x0 >= label.x1 - 1 && c.x1 <= limit + 1)
    .sort((a, b) => a.x0 - b.x0);
}

/**
 * 行次 columns hold small integers; drop them by header, or — without one — a bare integer below 100 that sits
 * first among amounts printed with decimals. Counts (staff, project numbers) are left alone.
 */
function dropRowNumbers<T extends { cell: Cell; role?: ColumnRole }>(cells: T[], kind?: StatementKind): T[] {
  const kept = cells.filter((c) => c.role !== 'rowno');
  if (kind === 'staff_table' || kind === 'rd_deduction') return kept;
  const first = kept[0];
  if (first && kept.length > 1 && /^\d{1,2}$/.test(first.cell.text) && first.role === undefined) return kept.slice(1);
  return kept;
}

function chooseColumn<T extends { cell: Cell; role?: ColumnRole; header?: Cell }>(cells: T[]): T | undefined {
  for (const role of PREFERRED_ROLES) {
    const hit = cells.find((c) => c.role === role);
    if (!hit) continue;
    // 本月 is only wanted when nothing else is printed: next to it an unrecognised column is 本年累计 whose
    // header OCR garbled.
    if (role === 'monthly') return cells.find((c) => c.role === undefined) ?? hit;
    return hit;
  }
  // Without a recognised header the first amount is the current period in every format we know but the old
  // 损益表 (本月数 first): the confidence drops for a reading without a header.
  return cells.find((c) => c.role !== 'comparative' && c.role !== 'rowno');
}

const COMPANY_RE = /(?:编制单位|单位名称|企业名称|纳税人名称|填报单位|公司名称)\s*:?\s*(\S+)/;
// What follows the name on the same line when cells run together.
const AFTER_COMPANY = /(税款所属期间|所属期|金额单位|单位:|\d{4}年).*$/;
const COMPANY_END = /^(.*(?:有限责任公司|股份有限公司|有限公司|公司|厂|研究院|研究所|中心|合伙\)|工作室))/;
function findCompany(lines: string[]): string | undefined {
  for (const line of lines) {
    const m = COMPANY_RE.exec(normalizeText(line));
    if (!m?.[1]) continue;
    const name = m[1].replace(AFTER_COMPANY, '').replace(/^[^\p{Script=Han}A-Za-z0-9]+/u, '');
    return COMPANY_END.exec(name)?.[1] ?? (name || undefined);
  }
  return undefined;
}

function findPeriod(text: string): string | undefined {
  const t = normalizeText(text).replace(/[ \t]+/g, '');
  const patterns = [
    /(\d{4})年(?:1-12月|01-12月|1月-12月)/,
    /(\d{4})年度/,
    /(\d{4})年(\d{1,2})月(\d{1,2})日/,
    /(\d{4})年(\d{1,2})月/,
    /税款所属期间:?(\d{4})年\d{1,2}月\d{1,2}日至(\d{4})年(\d{1,2})月(\d{1,2})日/,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (m) return m[0].replace(/^税款所属期间:?/, '');
  }
  return undefined;
}
