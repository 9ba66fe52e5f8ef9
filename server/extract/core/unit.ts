// Which unit a statement prints its amounts in. Statements state it once (单位：元, 金额单位：万元) or in the
// column header (期末余额（千元）); without any statement of unit, 元 is the accounting default.
import type { Unit } from '../schema.ts';
import { normalizeText } from './normalize.ts';

// OCR reads 千 as 干 or 于 and 万 as 方 often enough to matter: a wrong unit is a factor of 1000.
const UNIT_RE = /单位\s*[:：]?\s*(?:人民币)?\s*([千干于]元|[万方]元|元)/;
const HEADER_RE = /[(（]\s*(?:人民币)?\s*([千干于]元|[万方]元|元)\s*[)）]/;
const CANONICAL: Record<string, Unit> = { 千元: '千元', 干元: '千元', 于元: '千元', 万元: '万元', 方元: '万元', 元: '元' };

export function detectUnit(text: string): { unit: Unit; found: boolean } {
  const t = normalizeText(text).replace(/[ \t]+/g, '');
  const m = UNIT_RE.exec(t) ?? HEADER_RE.exec(t);
  const unit = m?.[1] ? CANONICAL[m[1]] : undefined;
  return unit ? { unit, found: true } : { unit: '元', found: false };
}
