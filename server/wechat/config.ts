// WeChat settings. Without an app id and secret (the embedded default) WeChat is off: login falls back to the
// development login and due reminders become in-app notices.
import { z } from 'zod';

/** Which value of a reminder goes into which keyword of the subscribe-message template (set in the WeChat console). */
export const TEMPLATE_VALUES = ['title', 'deadline', 'daysLeft', 'note'] as const;
export const TemplateFieldsSchema = z.record(z.string().regex(/^[a-z_]+\d+$/), z.enum(TEMPLATE_VALUES));

export const WechatConfigSchema = z.object({
  apiBase: z.url().default('https://api.weixin.qq.com'),
  appId: z.string().optional(),
  appSecret: z.string().optional(),
  /** Subscribe-message template for deadline reminders (the id the mini-program asks consent for). */
  deadlineTemplateId: z.string().optional(),
  /** keyword → value, e.g. {"thing1":"title","time2":"deadline","thing3":"note"} for a template with those keywords. */
  deadlineTemplateFields: TemplateFieldsSchema.default({ thing1: 'title', time2: 'deadline', thing3: 'note' }),
  /** Page opened from the message; the reminder id is appended as ?reminder=ID. */
  page: z.string().default('pages/reminders/index'),
  miniprogramState: z.enum(['formal', 'trial', 'developer']).default('formal'),
  /** Per request. A send that times out is treated as possibly delivered (never resent). */
  timeoutMs: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

export type WechatConfig = z.infer<typeof WechatConfigSchema>;

export function wechatConfigFromEnv(env: NodeJS.ProcessEnv): unknown {
  const fields = env.WECHAT_DEADLINE_TEMPLATE_FIELDS;
  let parsedFields: unknown;
  try {
    parsedFields = fields ? JSON.parse(fields) : undefined;
  } catch {
    parsedFields = fields; // fails validation below with the setting's name
  }
  return {
    apiBase: env.WECHAT_API_BASE || undefined,
    appId: env.WECHAT_APP_ID || undefined,
    appSecret: env.WECHAT_APP_SECRET || undefined,
    deadlineTemplateId: env.WECHAT_DEADLINE_TEMPLATE_ID || undefined,
    deadlineTemplateFields: parsedFields,
    page: env.WECHAT_REMINDER_PAGE || undefined,
    miniprogramState: env.WECHAT_MINIPROGRAM_STATE || undefined,
    timeoutMs: env.WECHAT_TIMEOUT_MS || undefined,
  };
}

/** WeChat is on when both credentials are set. */
export const wechatEnabled = (c: WechatConfig): c is WechatConfig & { appId: string; appSecret: string } =>
  !!c.appId && !!c.appSecret;

/** The templates the mini-program should ask consent for. */
export const templateIds = (c: WechatConfig): string[] =>
  wechatEnabled(c) && c.deadlineTemplateId ? [c.deadlineTemplateId] : [];
