// The WeChat server API we use: code2Session (login), the stable access token (cached until it expires), and
// subscribeMessage.send. Errors come back as WechatError with a kind that says what the caller may do;
// in particular a send that got no answer is 'ambiguous' and must not be repeated (WeChat has no
// idempotency key).
import { z } from 'zod';
import { fromErrcode, TOKEN_ERRORS, WechatError } from './errors.ts';
import type { WechatConfig } from './config.ts';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
}

export interface WechatClient {
  code2Session(code: string): Promise<{ openid: string }>;
  sendSubscribeMessage(msg: SubscribeMessage): Promise<void>;
  /** Fetches (or returns the cached) access token. */
  accessToken(): Promise<string>;
}

const ErrBody = z.object({ errcode: z.number().int().optional(), errmsg: z.string().optional() }).loose();
const SessionBody = z.object({ openid: z.string().min(1).max(128) });
const TokenBody = z.object({ access_token: z.string().min(1).max(2048), expires_in: z.number().int().positive() });

/** Errors raised by fetch before a request was written: the server cannot have acted on it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Refresh this long before WeChat's expiry (it rotates stable tokens 5 minutes early). */
const EARLY_MS = 5 * 60_000;

export function createWechatClient(
  config: WechatConfig & { appId: string; appSecret: string },
  now: () => number = Date.now,
): WechatClient {
  const base = config.apiBase.replace(/\/+$/, '');
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  /** One HTTP exchange. `sends` marks a request whose failure after writing leaves its effect unknown. */
  async function exchange(path: string, init: RequestInit, sends = false): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(config.timeoutMs) });
    } catch (e) {
      const cause = ((e as { cause?: { code?: string } }).cause?.code ?? (e as { name?: string }).name ?? 'ERROR').toUpperCase();
      throw new WechatError(sends && !NOT_SENT.has(cause) ? 'ambiguous' : 'retry', `NETWORK_${cause}`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    const parsed = ErrBody.safeParse(body);
    if (!res.ok || !parsed.success) {
      // A proxy's 5xx or an unreadable answer to a send says nothing about whether WeChat acted on it.
      const kind = res.status >= 500 || res.ok ? (sends ? 'ambiguous' : 'retry') : 'permanent';
      throw new WechatError(kind, `HTTP_${res.status}`);
    }
    if (parsed.data.errcode) throw fromErrcode(parsed.data.errcode);
    return parsed.data;
  }

  async function fetchToken(): Promise<string> {
    const body = TokenBody.safeParse(
      await exchange('/cgi-bin/stable_token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Normal mode: returns the current token, or a fresh one when it expired or was replaced. Forced
        // refresh (20 a day) would invalidate tokens other processes still hold.
        body: JSON.stringify({ grant_type: 'client_credential', appid: config.appId, secret: config.appSecret, force_refresh: false }),
      }),
    );
    if (!body.success) throw new WechatError('retry', 'WECHAT_BAD_TOKEN_RESPONSE');
    cached = { token: body.data.access_token, expiresAt: now() + body.data.expires_in * 1000 - EARLY_MS };
    return cached.token;
  }

  async function accessToken(): Promise<string> {
    if (cached && now() < cached.expiresAt) return cached.token;
    // One fetch at a time: concurrent senders wait for the same answer.
    inflight ??= fetchToken().finally(() => (inflight = null));
    return inflight;
  }

  return {
    accessToken,

    async code2Session(code) {
      const q = new URLSearchParams({ appid: config.appId, secret: config.appSecret, js_code: code, grant_type: 'authorization_code' });
      const body = SessionBody.safeParse(await exchange(`/sns/jscode2session?${q}`, { method: 'GET' }));
      if (!body.success) throw new WechatError('retry', 'WECHAT_BAD_SESSION_RESPONSE');
      // session_key is deliberately dropped: we decrypt nothing, so we keep nothing.
      return { openid: body.data.openid };
    },

    async sendSubscribeMessage(msg) {
      const payload = JSON.stringify({
        touser: msg.touser,
        template_id: msg.templateId,
        ...(msg.page ? { page: msg.page } : {}),
        miniprogram_state: config.miniprogramState,
        lang: 'zh_CN',
        data: Object.fromEntries(Object.entries(msg.data).map(([k, value]) => [k, { value }])),
      });
      const send = async (token: string) =>
        exchange(
          `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload },
          true,
        );
      const token = await accessToken();
      try {
        await send(token);
      } catch (e) {
        if (!(e instanceof WechatError) || e.errcode === undefined || !TOKEN_ERRORS.has(e.errcode)) throw e;
        // The token was rejected, so nothing was sent: drop it, fetch the current one and try once more.
        if (cached?.token === token) cached = null;
        await send(await accessToken());
      }
    },
  };
}
