// The development login hands a session to anyone who asks, so it opens only where nobody can mistake it for the
// real thing: no WeChat credential set at all (not even one of the two) and not NODE_ENV=production — unless the
// operator says KEXIAO_DEV_LOGIN=on, which is logged as a warning at every start.
import type { Config } from '../config.ts';

export function devLoginOpen(config: Pick<Config, 'devLogin' | 'production' | 'wechat'>): boolean {
  if (config.devLogin !== 'auto') return config.devLogin === 'on';
  return !config.wechat.appId && !config.wechat.appSecret && !config.production;
}

/** Why it is closed, for the 403 and the start-up log. */
export function devLoginClosedReason(config: Pick<Config, 'devLogin' | 'production' | 'wechat'>): string {
  if (config.devLogin === 'off') return '开发登录已关闭（KEXIAO_DEV_LOGIN=off）';
  if (config.wechat.appId || config.wechat.appSecret) return '已配置微信登录，开发登录已关闭';
  return '生产环境（NODE_ENV=production）下开发登录已关闭';
}
