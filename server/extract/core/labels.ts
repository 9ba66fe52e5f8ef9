// Line-item labels on a page: each label cell matched against the known line items, wrapped labels joined.
import type { StatementKind } from '../schema.ts';
import { medianHeight, type Cell, type Row } from './layout.ts';
import { matchLabel, type LabelMatch } from './match.ts';
import { hasCjk } from './normalize.ts';

export interface LabelHit { rowIndex: number; cell: Cell; m: LabelMatch }

/**
 * Label cells matched against the known line items. A long label wraps inside its cell (所有者权益(或股东权益) /
 * 合计), its amounts sitting on a row of their own between the fragments: fragments stacked tightly at the same
 * left edge are joined when the whole matches better than the first line alone.
 */
export function findLabels(rows: Row[], titled: StatementKind | undefined): LabelHit[] {
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
            // Wrapped at the same left edge, or hanging back to the column's margin (所有者权益（或股东权 / 益）合计).
            (c) => !c.amount && hasCjk(c.text) && c.x0 - cell.x0 < 1.5 * h && cell.x0 - c.x0 < 3 * h && c.y0 - last.y1 < 0.6 * h,
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
      // OCR runs what stands beside a label into its cell when the gap is small — a seal's legend printed over the
      // row (四、净利润(…号填列) 财务秘用章, seed 20261402 photo): the label is the leading words that match a line.
      if (!m?.item.key && cell.words.length > 1) {
        for (let n = cell.words.length - 1; n >= 1; n--) {
          const lead = cell.words.slice(0, n);
          const p = matchLabel(lead.map((x) => x.text).join(''), kinds);
          if (!p?.item.key) continue;
          m = p;
          joined = cellOf(lead, cell);
          break;
        }
      }
      // The same within one word (三、利润总额（亏损总额以“-”号填列）专用套, seed 20261446): a sign note ends a label.
      const note = m?.item.key ? undefined : /^(.*?填列\s*[)）])./u.exec(cell.text);
      if (note?.[1]) {
        const p = matchLabel(note[1], kinds);
        if (p?.item.key) m = p;
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

function cellOf(words: Cell['words'], from: Cell): Cell {
  return {
    text: words.map((w) => w.text).join(''), words, conf: Math.min(...words.map((w) => w.conf ?? from.conf)),
    x0: Math.min(...words.map((w) => w.x0)), x1: Math.max(...words.map((w) => w.x1)),
    y0: Math.min(...words.map((w) => w.y0)), y1: Math.max(...words.map((w) => w.y1)),
  };
}
