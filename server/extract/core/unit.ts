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

// A unit line whose scale OCR garbled into something else (单位：F元 for 单位：千元 on a fax, seed 20261429): the
// statement prints a scale there, so 元 would be a guess that is wrong by a factor of 1000 and that no identity
// can see (every figure scales alike). Latin look-alikes of 千 are taken for 千; either way it stays a guess.
const LATIN_THOUSAND = 'FfTt+十';
const GARBLED_RE = /单位\s*(?:[:：;；]|为|是)?\s*(?:人民币|RMB)?\s*([^\s\p{P}元])元/u;

/**
 * `found`: the unit was read. `guessed`: a unit line was there but its scale did not read — `unit` is then the
 * likeliest reading of it, and the figures must be confirmed by the user.
 */
export function detectUnit(text: string): { unit: Unit; found: boolean; guessed?: boolean } {
  const t = normalizeText(text).replace(/[ \t]+/g, '');
  const m = UNIT_RE.exec(t) ?? HEADER_RE.exec(t);
  if (m?.[1]) return { unit: canonical(m[1]), found: true };
  const g = GARBLED_RE.exec(t);
  if (g?.[1]) return { unit: LATIN_THOUSAND.includes(g[1]) ? '千元' : '元', found: false, guessed: true };
  return { unit: '元', found: false };
}
