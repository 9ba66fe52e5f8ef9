// Text as people type it, safe to keep anywhere: no U+0000 (PostgreSQL's text and jsonb cannot hold it) and no
// unpaired UTF-16 surrogate (not a character: jsonb refuses it and UTF-8 cannot encode it). Every free-text field
// at every boundary starts from `text()`, so a bad character is a coded 400 with a Chinese message, never a 500
// from the database.
import { z } from 'zod';

const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isSafeText = (s: string): boolean => !UNSAFE.test(s);

/** A string refused with INVALID_TEXT when it holds U+0000 or a lone surrogate; chain trim/min/max after it. */
export const text = () => z.string().refine(isSafeText, { params: { code: 'INVALID_TEXT' }, abort: true });

/** The same check for text that did not come through a schema (the extractor's output, say): bad code units become U+FFFD. */
export function safeText(s: string): string {
  return isSafeText(s) ? s : s.replace(new RegExp(UNSAFE.source, 'g'), '\uFFFD');
}

/** `safeText` on every string (and key) of a JSON value, so what is stored as JSON always can be. */
export function safeJson<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map(safeJson) as T;
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [safeText(k), safeJson(v)])) as T;
  return value;
}
