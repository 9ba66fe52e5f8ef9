// Which unit a statement prints its amounts in. Statements state it once (单位：元, 金额单位：人民币百万元, a note
// line 除特别注明外，金额单位为人民币万元) or in the column header (期末余额（千元）); without any, 元 is the default.
import type { Unit } from '../schema.ts';
import { normalizeText } from './normalize.ts';

// OCR reads 千 as 干, 于, 二… and 万 as 方 or 力 often enough to matter: a wrong unit is a factor of 1000.
const THOUSAND = '千干于二壬午仟';
const TEN_THOUSAND = '万方力';
const SCALE = `(?:百万|佰万|亿|忆|[${THOUSAND}${TEN_THOUSAND}])?`;
const UNIT_RE = new RegExp(`单位\\s*(?:[:：;；]|为|是)?\\s*(?:人民币|RMB)?\\s*(${SCALE}元)`);
const HEADER_RE = new RegExp(`[(（]\\s*(?:单位\\s*[:：]?)?\\s*(?:人民币)?\\s*(${SCALE}元)\\s*[)）]`);
const canonical = (u: string): Unit =>
  u.length === 1 ? '元' : /^(百|佰)/.test(u) ? '百万元' : /^(亿|忆)/.test(u) ? '亿元' : THOUSAND.includes(u[0] ?? '') ? '千元' : '万元';

export function detectUnit(text: string): { unit: Unit; found: boolean } {
  const t = normalizeText(text).replace(/[ \t]+/g, '');
  const m = UNIT_RE.exec(t) ?? HEADER_RE.exec(t);
  return m?.[1] ? { unit: canonical(m[1]), found: true } : { unit: '元', found: false };
}
