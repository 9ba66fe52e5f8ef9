// Our WeChat client against the stand-in (real HTTP, WeChat's endpoints and error bodies): login, the cached
// access token and its one refresh, and what each send error means for the caller.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWechatClient, type WechatClient } from '../../server/wechat/client.ts';
import { WechatConfigSchema } from '../../server/wechat/config.ts';
import { WechatError } from '../../server/wechat/errors.ts';
import { startStandin, TEMPLATE, wechatSettings, type Standin } from './standin.ts';

let wx: Standin;
let clock: number;
let client: WechatClient;

const make = (extra: Record<string, unknown> = {}) =>
  createWechatClient(WechatConfigSchema.parse({ ...wechatSettings(wx), timeoutMs: 300, ...extra }) as never, () => clock);

beforeEach(async () => {
  wx = await startStandin();
  clock = Date.now();
  client = make();
});
afterEach(() => wx.close());

const message = (touser: string, data: Record<string, string> = { thing1: '评价系统关闭（还有7天）', time2: '2026年08月31日' }) => ({
  touser,
  templateId: TEMPLATE,
  page: 'pages/reminders/index?reminder=r1',
  data,
});

/** The WechatError a call ends in. */
async function failure(p: Promise<unknown>): Promise<WechatError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WechatError);
  return e as WechatError;
}

describe('code2Session', () => {
  it('returns the openid for a fresh code and keeps nothing else', async () => {
    expect(await client.code2Session(wx.issueCode('o-1'))).toEqual({ openid: 'o-1' });
  });

  it('classifies refusals: used or invalid code and blocked users are login errors, quota, busy, bad credentials, network', async () => {
    const code = wx.issueCode('o-2');
    await client.code2Session(code);
    expect(await failure(client.code2Session(code))).toMatchObject({ kind: 'login', errcode: 40163, code: 'WECHAT_40163' });
    expect(await failure(client.code2Session('nope'))).toMatchObject({ kind: 'login', errcode: 40029 });
    wx.fail('code2session', { errcode: 40226 }, { errcode: 45011 }, { errcode: -1 });
    expect((await failure(client.code2Session(wx.issueCode('o-3')))).kind).toBe('login');
    expect((await failure(client.code2Session(wx.issueCode('o-3')))).kind).toBe('rate_limited');
    expect((await failure(client.code2Session(wx.issueCode('o-3')))).kind).toBe('retry');
    expect(await failure(make({ appSecret: 'wrong' }).code2Session(wx.issueCode('o-3')))).toMatchObject({ kind: 'config', errcode: 40125 });
    expect(await failure(make({ appId: 'wx-other' }).code2Session(wx.issueCode('o-3')))).toMatchObject({ kind: 'config', errcode: 40013 });
    wx.fail('code2session', { hang: true });
    expect((await failure(client.code2Session(wx.issueCode('o-3')))).kind).toBe('retry'); // a login can be repeated
  });
});

describe('access token', () => {
  it('is fetched once through /cgi-bin/stable_token and cached, one fetch for concurrent callers', async () => {
    const tokens = await Promise.all([client.accessToken(), client.accessToken(), client.accessToken()]);
    expect(new Set(tokens).size).toBe(1);
    wx.grantConsent('o-4', TEMPLATE, 3);
    for (let i = 0; i < 3; i++) await client.sendSubscribeMessage(message('o-4'));
    expect(wx.calls.token).toBe(1);
    expect(wx.deliveries).toHaveLength(3);
  });

  it('is fetched again when it is about to expire (five minutes early), not before', async () => {
    wx.tokenTtl = 400;
    await client.accessToken();
    clock += 99_000;
    await client.accessToken();
    expect(wx.calls.token).toBe(1);
    clock += 2_000; // 101 s later: within WeChat's last five minutes
    await client.accessToken();
    expect(wx.calls.token).toBe(2);
  });

  it('replaced (40001) or expired (42001) or invalid (40014): refreshed once and the send retried', async () => {
    wx.grantConsent('o-5', TEMPLATE, 3);
    await client.accessToken();
    wx.invalidateTokens('replaced');
    await client.sendSubscribeMessage(message('o-5'));
    wx.invalidateTokens('expired');
    await client.sendSubscribeMessage(message('o-5'));
    wx.fail('send', { errcode: 40014 });
    await client.sendSubscribeMessage(message('o-5'));
    expect(wx.deliveries).toHaveLength(3);
    // The first fetch plus one per rejection (after 40014 the stand-in's normal mode hands back the same live token).
    expect(wx.calls.token).toBe(4);
    expect(wx.calls.send).toBe(6);
  });

  it('a token WeChat keeps rejecting is refreshed only once per send: a retryable error, nothing sent', async () => {
    wx.grantConsent('o-6', TEMPLATE);
    wx.fail('send', { errcode: 40001 }, { errcode: 40001 });
    expect(await failure(client.sendSubscribeMessage(message('o-6')))).toMatchObject({ kind: 'retry', errcode: 40001 });
    expect(wx.calls.send).toBe(2);
    expect(wx.consentsLeft('o-6', TEMPLATE)).toBe(1);
  });

  it('bad credentials are a configuration error', async () => {
    expect(await failure(make({ appSecret: 'wrong' }).accessToken())).toMatchObject({ kind: 'config', errcode: 40125 });
  });
});

describe('subscribeMessage.send', () => {
  it('sends WeChat’s request shape: touser, template_id, page, miniprogram_state, lang, data.{key}.value', async () => {
    wx.grantConsent('o-7', TEMPLATE);
    await make({ miniprogramState: 'trial' }).sendSubscribeMessage(message('o-7'));
    expect(wx.deliveries[0]).toEqual({
      touser: 'o-7',
      template_id: TEMPLATE,
      page: 'pages/reminders/index?reminder=r1',
      miniprogram_state: 'trial',
      lang: 'zh_CN',
      data: { thing1: { value: '评价系统关闭（还有7天）' }, time2: { value: '2026年08月31日' } },
      reminder: 'r1',
    });
    expect(wx.consentsLeft('o-7', TEMPLATE)).toBe(0);
  });

  it('classifies WeChat’s answers: 43101 refused, 45009/45011 rate limited, 47003/40003/40037 permanent, -1 retry', async () => {
    wx.grantConsent('o-8', TEMPLATE, 0); // a WeChat user who has not accepted (or has withdrawn)
    expect(await failure(client.sendSubscribeMessage(message('o-8')))).toMatchObject({ kind: 'refused', errcode: 43101 });
    wx.grantConsent('o-8', TEMPLATE, 5);
    wx.fail('send', { errcode: 45011 }, { errcode: 45009 }, { errcode: -1 });
    expect((await failure(client.sendSubscribeMessage(message('o-8')))).kind).toBe('rate_limited');
    expect((await failure(client.sendSubscribeMessage(message('o-8')))).kind).toBe('rate_limited');
    expect((await failure(client.sendSubscribeMessage(message('o-8')))).kind).toBe('retry');
    const tooLong = message('o-8', { thing1: '这是一个超过二十个字符的事项名称，微信会拒绝它的' });
    expect(await failure(client.sendSubscribeMessage(tooLong))).toMatchObject({ kind: 'permanent', errcode: 47003 });
    expect(await failure(client.sendSubscribeMessage(message('o-unknown')))).toMatchObject({ kind: 'permanent', errcode: 40003 });
    expect(await failure(client.sendSubscribeMessage({ ...message('o-8'), templateId: 'TPL_GONE' }))).toMatchObject({ kind: 'permanent', errcode: 40037 });
    expect(wx.deliveries).toHaveLength(0);
    expect(wx.consentsLeft('o-8', TEMPLATE)).toBe(5);
  });

  it('no answer — timeout, connection dropped, a proxy’s 502 — is ambiguous (WeChat may have delivered it)', async () => {
    wx.grantConsent('o-9', TEMPLATE, 3);
    wx.fail('send', { hang: true }, { drop: true }, { http: 502 });
    const started = Date.now();
    expect((await failure(client.sendSubscribeMessage(message('o-9')))).kind).toBe('ambiguous');
    expect(Date.now() - started).toBeLessThan(2_000); // the 300 ms timeout, not forever
    expect((await failure(client.sendSubscribeMessage(message('o-9')))).kind).toBe('ambiguous');
    expect(await failure(client.sendSubscribeMessage(message('o-9')))).toMatchObject({ kind: 'ambiguous', code: 'HTTP_502' });
  });

  it('a refused connection before anything was written is retryable, not ambiguous', async () => {
    await client.accessToken();
    await wx.close();
    expect(await failure(client.sendSubscribeMessage(message('o-10')))).toMatchObject({ kind: 'retry', code: 'NETWORK_ECONNREFUSED' });
    wx = await startStandin(); // for afterEach
  });
});
