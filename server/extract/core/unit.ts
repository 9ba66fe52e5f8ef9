// Which unit a statement prints its amounts in. Statements state it once (单位：元, 金额单位：万元) or in the
// column header (期末余额（千元）); without any statement of unit, 元 is the accounting default.
import type { Unit } from '../schema.ts';
import { normalizeText } from './normalize.ts';

const UNIT_RE = /单位\s*[:：]?\s*(?:人民币)?\s*(千元|万元|元)/;
const HEADER_RE = /[(（]\s*(?:人民币)?\s*(千元|万元|元)\s*[)）]/;

export function detectUnit(text: string): { unit: Unit; found: boolean } {
  const t = normalizeText(text).replace(/[ \t]+/g, '');
  const m = UNIT_RE.exec(t) ?? HEADER_RE.exec(t);
  return m?.[1] ? { unit: m[1] as Unit, found: true } : { unit: '元', found: false };
}
