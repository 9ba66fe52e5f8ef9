// A local stand-in for api.weixin.qq.com that speaks the real endpoints, parameters and error bodies
// (HTTP 200 with {errcode, errmsg: "… rid: …"} on failure, as WeChat does):
//   GET  /sns/jscode2session                  (code2Session)
//   POST /cgi-bin/stable_token                (getStableAccessToken)
//   POST /cgi-bin/message/subscribe/send      (subscribeMessage.send)
// It keeps its own truth — issued login codes, tokens, each user's one-time consents per template — so our
// client is tested against behaviour, not against itself. Faults can be queued per endpoint.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface Delivery {
  touser: string;
  template_id: string;
  page?: string;
  miniprogram_state?: string;
  lang?: string;
  data: Record<string, { value: string }>;
  /** The reminder id the page carries (?reminder=…), when there is one. */
  reminder?: string;
}

export type Endpoint = 'code2session' | 'token' | 'send';
export type Fault = { errcode: number } | { hang: true } | { drop: true } | { http: number };

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41001: 'access_token missing',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47003: 'argument invalid!',
};

const rid = () => [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
const error = (errcode: number, detail = '') => ({ errcode, errmsg: `${ERRMSG[errcode] ?? 'error'}${detail} rid: ${rid()}` });

export interface Standin {
  url: string;
  appId: string;
  appSecret: string;
  /** Messages WeChat accepted, in order of arrival. */
  deliveries: Delivery[];
  /** Requests per endpoint. */
  calls: Record<Endpoint, number>;
  /** A wx.login code for this openid (valid once). */
  issueCode(openid: string): string;
  /** The user tapped "allow" n times for this template. */
  grantConsent(openid: string, templateId: string, n?: number): void;
  consentsLeft(openid: string, templateId: string): number;
  /** Queue faults for the next requests to an endpoint, in order. */
  fail(endpoint: Endpoint, ...faults: Fault[]): void;
  /** Every token issued so far stops working: replaced (as after someone's forced refresh) or expired. */
  invalidateTokens(how: 'replaced' | 'expired'): void;
  /** Answer sends this long after accepting them. */
  sendDelayMs: number;
  /** Called as each send arrives, before it is answered (a test can kill the sender right then). */
  onDelivery?: (count: number) => void;
  /** Seconds a new token lives. */
  tokenTtl: number;
  close(): Promise<void>;
}

export async function startStandin(opts: { appId?: string; appSecret?: string; templates?: string[] } = {}): Promise<Standin> {
  const appId = opts.appId ?? 'wx1234567890abcdef';
  const appSecret = opts.appSecret ?? 'standin-secret-0123456789abcdef';
  const templates = new Set(opts.templates ?? ['TPL_DEADLINE_0001']);
  const codes = new Map<string, string>();
  const usedCodes = new Set<string>();
  const openids = new Set<string>();
  const tokens = new Map<string, { expiresAt: number; revoked?: 'replaced' | 'expired' }>();
  let current: string | null = null;
  const consents = new Map<string, number>();
  const faults: Record<Endpoint, Fault[]> = { code2session: [], token: [], send: [] };
  const hung = new Set<ServerResponse>();

  const s: Standin = {
    url: '',
    appId,
    appSecret,
    deliveries: [],
    calls: { code2session: 0, token: 0, send: 0 },
    sendDelayMs: 0,
    tokenTtl: 7200,
    issueCode(openid) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, openid);
      openids.add(openid);
      return code;
    },
    grantConsent(openid, templateId, n = 1) {
      openids.add(openid);
      consents.set(`${openid}|${templateId}`, s.consentsLeft(openid, templateId) + n);
    },
    consentsLeft: (openid, templateId) => consents.get(`${openid}|${templateId}`) ?? 0,
    fail(endpoint, ...f) {
      faults[endpoint].push(...f);
    },
    invalidateTokens(how) {
      for (const t of tokens.values()) t.revoked = how;
      current = null;
    },
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  // WeChat answers errors with HTTP 200 and a JSON body.
  const reply = (res: ServerResponse, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8' });
    res.end(JSON.stringify(body));
  };

  /** Answers with the next queued fault, if any. */
  function applyFault(endpoint: Endpoint, res: ServerResponse): boolean {
    const f = faults[endpoint].shift();
    if (!f) return false;
    if ('errcode' in f) reply(res, error(f.errcode));
    else if ('hang' in f) hung.add(res);
    else if ('drop' in f) res.socket?.destroy();
    else {
      res.writeHead(f.http, { 'content-type': 'text/html' });
      res.end('<html>502 Bad Gateway</html>');
    }
    return true;
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return undefined;
    }
  }

  function code2session(q: URLSearchParams, res: ServerResponse) {
    if (q.get('appid') !== appId) return reply(res, error(40013));
    if (q.get('secret') !== appSecret) return reply(res, error(40125));
    if (q.get('grant_type') !== 'authorization_code') return reply(res, error(40002));
    const code = q.get('js_code') ?? '';
    if (usedCodes.has(code)) return reply(res, error(40163));
    const openid = codes.get(code);
    if (!openid) return reply(res, error(40029));
    codes.delete(code);
    usedCodes.add(code);
    reply(res, { session_key: randomBytes(16).toString('base64'), openid });
  }

  function token(body: Record<string, unknown> | undefined, res: ServerResponse) {
    if (body?.grant_type !== 'client_credential') return reply(res, error(40002));
    if (body.appid !== appId) return reply(res, error(40013));
    if (body.secret !== appSecret) return reply(res, error(40125));
    // Normal mode returns the live token (a new one once it expired or was replaced); force_refresh replaces it.
    const live = current && tokens.get(current)!.expiresAt > Date.now() ? current : null;
    if (!live || body.force_refresh === true) {
      if (live) tokens.get(live)!.revoked = 'replaced';
      current = randomBytes(24).toString('base64url');
      tokens.set(current, { expiresAt: Date.now() + s.tokenTtl * 1000 });
    }
    reply(res, { access_token: current, expires_in: Math.max(1, Math.round((tokens.get(current!)!.expiresAt - Date.now()) / 1000)) });
  }

  async function send(q: URLSearchParams, body: Record<string, unknown> | undefined, res: ServerResponse) {
    const t = q.get('access_token');
    if (!t) return reply(res, error(41001));
    const known = tokens.get(t);
    if (!known || known.revoked === 'replaced') return reply(res, error(40001));
    if (known.revoked === 'expired' || known.expiresAt <= Date.now()) return reply(res, error(42001));
    const touser = typeof body?.touser === 'string' ? body.touser : '';
    if (!openids.has(touser)) return reply(res, error(40003));
    const templateId = typeof body?.template_id === 'string' ? body.template_id : '';
    if (!templates.has(templateId)) return reply(res, error(40037));
    const data = body?.data;
    if (!data || typeof data !== 'object') return reply(res, error(47003, ' data is empty'));
    for (const [k, v] of Object.entries(data as Record<string, { value?: unknown }>)) {
      const value = typeof v?.value === 'string' ? v.value : '';
      // Every value non-empty; thing.DATA at most 20 characters.
      if (!value || (k.startsWith('thing') && [...value].length > 20)) return reply(res, error(47003, ` data.${k}.value invalid`));
    }
    const key = `${touser}|${templateId}`;
    if ((consents.get(key) ?? 0) <= 0) return reply(res, error(43101));
    consents.set(key, consents.get(key)! - 1);
    const page = typeof body?.page === 'string' ? body.page : undefined;
    const reminder = page ? (new URL(page, 'http://x/').searchParams.get('reminder') ?? undefined) : undefined;
    // Recorded on arrival: a sender killed while waiting for the answer has still sent the message.
    s.deliveries.push({ ...(body as unknown as Delivery), ...(reminder ? { reminder } : {}) });
    s.onDelivery?.(s.deliveries.length);
    if (s.sendDelayMs) await new Promise((r) => setTimeout(r, s.sendDelayMs));
    reply(res, { errcode: 0, errmsg: 'ok' });
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin');
    try {
      if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
        s.calls.code2session++;
        if (!applyFault('code2session', res)) code2session(url.searchParams, res);
      } else if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
        s.calls.token++;
        const body = await readBody(req);
        if (!applyFault('token', res)) token(body, res);
      } else if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
        s.calls.send++;
        const body = await readBody(req);
        if (!applyFault('send', res)) await send(url.searchParams, body, res);
      } else {
        res.writeHead(404).end();
      }
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  s.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return s;
}

export const TEMPLATE = 'TPL_DEADLINE_0001';

/** The server's WeChat settings (config.wechat) pointing at a stand-in. */
export function wechatSettings(s: Standin, extra: Record<string, unknown> = {}) {
  return { apiBase: s.url, appId: s.appId, appSecret: s.appSecret, deadlineTemplateId: TEMPLATE, ...extra };
}

/** The same as environment variables, for the real `kexiao` process. */
export function wechatEnv(s: Standin, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WECHAT_API_BASE: s.url,
    WECHAT_APP_ID: s.appId,
    WECHAT_APP_SECRET: s.appSecret,
    WECHAT_DEADLINE_TEMPLATE_ID: TEMPLATE,
    ...extra,
  };
}
