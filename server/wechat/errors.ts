// WeChat's error codes (errcode in a 200 response) and what each means for us. Sources: the official docs of
// auth.code2Session, getStableAccessToken and subscribeMessage.send, and the global return-code list.
export type WechatErrorKind =
  /** 43101: the user withdrew or never gave consent for this template. The consent is used up. */
  | 'refused'
  /** 45009 daily / 45011 per-minute quota: back off, try later. Nothing was sent. */
  | 'rate_limited'
  /** Transient (-1 busy, token trouble after one refresh, connection refused): try later. Nothing was sent. */
  | 'retry'
  /** Our configuration (app id, secret, IP whitelist): an operator must act; try later. Nothing was sent. */
  | 'config'
  /** The request itself is wrong (openid, template id, data, page): retrying cannot help. Nothing was sent. */
  | 'permanent'
  /** No answer to a send (timeout, reset, garbage): WeChat may have delivered it. Never resend. */
  | 'ambiguous'
  /** code2Session: the login code is invalid, used, or the user is blocked. */
  | 'login';

/** Access token invalid (40001), invalid (40014), expired (42001): refresh once and retry. */
export const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

const KINDS: Record<number, WechatErrorKind> = {
  [-1]: 'retry', // 系统繁忙
  40001: 'retry',
  40014: 'retry',
  42001: 'retry',
  43108: 'retry', // 并发下发消息给同一个粉丝
  45009: 'rate_limited', // reach max api daily quota limit
  45011: 'rate_limited', // api minute-quota reach limit
  43101: 'refused', // user refuse to accept the msg
  40013: 'config', // invalid appid
  40125: 'config', // invalid appsecret
  40164: 'config', // invalid ip, not in whitelist
  41001: 'config', // access_token missing
  40002: 'config', // invalid grant_type
  40003: 'permanent', // invalid openid
  40037: 'permanent', // invalid template_id
  47003: 'permanent', // argument invalid (data)
  41030: 'permanent', // invalid page
  43107: 'permanent', // subscribe message capability banned
  45168: 'permanent', // sensitive words
  40029: 'login', // invalid code
  40163: 'login', // code been used
  40226: 'login', // high-risk user blocked
};

export const kindOf = (errcode: number): WechatErrorKind => KINDS[errcode] ?? 'permanent';

export class WechatError extends Error {
  constructor(
    readonly kind: WechatErrorKind,
    /** Stable code for records and logs: WECHAT_<errcode> or NETWORK_<cause>. */
    readonly code: string,
    readonly errcode?: number,
  ) {
    super(code);
    this.name = 'WechatError';
  }
}

export const fromErrcode = (errcode: number) => new WechatError(kindOf(errcode), `WECHAT_${errcode}`, errcode);
