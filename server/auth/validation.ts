// Request validation for the account and reminder routes: the shared validator, with Chinese names for the
// fields that the assessment form's label list does not know.
import type { z } from 'zod';
import { validate } from '../domain/validate.ts';
import { invalidInput } from '../http/errors.ts';

const LABELS: Record<string, string> = {
  code: '微信登录凭证',
  privacyConsent: '隐私政策同意',
  user: '开发用户名',
  name: '企业名称',
  region: '所在地区',
  submitted: '是否已提交本年度评价',
  tiered: '是否为创新型/专精特新中小企业',
  answers: '填写进度',
  templateIds: '订阅消息模板',
};

/** Messages for this module's own custom issue codes (params: { code }). */
const MESSAGES: Record<string, string> = {
  PRIVACY_CONSENT_REQUIRED: '请先阅读并同意隐私政策',
  UNKNOWN_TEMPLATE: '不是本服务使用的订阅消息模板',
};

/** The parsed value, or a 400 listing every problem. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const v = validate(schema, body);
  if (v.ok) return v.value;
  throw invalidInput(
    v.issues.map((i) => {
      const key = i.path.split(/[.[]/).filter(Boolean).findLast((k) => !/^\d+\]$/.test(k));
      const label = key && LABELS[key];
      if (MESSAGES[i.code]) return { ...i, message: MESSAGES[i.code]! };
      return label ? { ...i, message: i.message.replaceAll(key, label) } : i;
    }),
  );
}
