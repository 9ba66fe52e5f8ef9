// Shared by the account, reminder and WeChat tests: the real API (optionally wired to the WeChat stand-in,
// optionally at a fixed time) and a small client that logs in and speaks JSON.
import type { Config } from '../../server/config.ts';
import { fixedClock } from '../../server/reminders/time.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { wechatSettings, type Standin } from '../wechat/standin.ts';

export async function startServer(
  provider: 'sqlite' | 'postgresql',
  opts: { standin?: Standin; at?: string; config?: Partial<Config> } = {},
): Promise<TestServer & { setTime(at: string): void }> {
  const s = await startTestServer(provider, {
    ...(opts.standin ? { wechat: wechatSettings(opts.standin) as Config['wechat'] } : {}),
    ...opts.config,
  });
  // Routes read deps.clock per request, so the test can move time.
  const setTime = (at: string) => void (s.deps.clock = fixedClock(at));
  if (opts.at) setTime(opts.at);
  return Object.assign(s, { setTime });
}

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Headers;
}

export class Client {
  constructor(
    readonly baseUrl: string,
    public token?: string,
  ) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  }

  get = (path: string) => this.call('GET', path);
  put = (path: string, body: unknown) => this.call('PUT', path, body);
  post = (path: string, body: unknown) => this.call('POST', path, body);
  del = (path: string) => this.call('DELETE', path);
}

/** A new development user, logged in. */
export async function devUser(baseUrl: string, user?: string): Promise<Client & { userId: string }> {
  const c = new Client(baseUrl);
  const r = await c.post('/api/v1/auth/dev', { privacyConsent: true, ...(user ? { user } : {}) });
  if (r.status !== 200) throw new Error(`dev login failed: ${r.status} ${r.text}`);
  c.token = r.body.token;
  return Object.assign(c, { userId: r.body.user.id as string });
}

/** A WeChat user logged in through the stand-in's code2Session. */
export async function wechatUser(baseUrl: string, standin: Standin, openid: string): Promise<Client & { userId: string }> {
  const c = new Client(baseUrl);
  const r = await c.post('/api/v1/auth/wechat', { code: standin.issueCode(openid), privacyConsent: true });
  if (r.status !== 200) throw new Error(`wechat login failed: ${r.status} ${r.text}`);
  c.token = r.body.token;
  return Object.assign(c, { userId: r.body.user.id as string });
}
