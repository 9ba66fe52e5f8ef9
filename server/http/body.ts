// Reads a JSON request body with a byte limit: an oversized body is refused with 413 as soon as it
// crosses the limit, without buffering the rest.
import type { Context } from 'koa';
import { customIssue } from '../domain/schemas/issues.ts';
import { isSafeText, safeText } from '../domain/schemas/text.ts';
import { HttpError, invalidInput } from './errors.ts';

export async function readJson(ctx: Context, limit: number): Promise<unknown> {
  if (!ctx.is('application/json')) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON（application/json）提交');
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks, size).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'INVALID_JSON', '请求内容不是有效的 JSON');
  }
  // A zero byte or a lone surrogate is refused anywhere in the body, also under a key no schema reads (which
  // zod would strip and PostgreSQL could not store in a jsonb copy); the same issue as the schema's, at its path.
  // The walk runs only when the text could hold one.
  if (MAYBE_UNSAFE.test(raw)) {
    const bad = unsafePaths(body, []).slice(0, 20);
    if (bad.length) throw invalidInput(bad.map((path) => customIssue(path, 'INVALID_TEXT')));
  }
  return body;
}

const MAYBE_UNSAFE = /\\u(0000|d[89a-f])|\0/i;

function unsafePaths(v: unknown, at: (string | number)[]): (string | number)[][] {
  if (typeof v === 'string') return isSafeText(v) ? [] : [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => unsafePaths(x, [...at, i]));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => (isSafeText(k) ? unsafePaths(x, [...at, k]) : [[...at, safeText(k)]]));
  return [];
}

const tooLarge = (limit: number) =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求内容超过${Math.floor(limit / 1024)}KB上限`);
