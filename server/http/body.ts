// Reads a JSON request body with a byte limit: an oversized body is refused with 413 as soon as it
// crosses the limit, without buffering the rest.
import type { Context } from 'koa';
import { HttpError } from './errors.ts';

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
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', '请求内容不是有效的 JSON');
  }
}

const tooLarge = (limit: number) =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求内容超过${Math.floor(limit / 1024)}KB上限`);
