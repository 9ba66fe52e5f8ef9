// Errors that reach the client: an HTTP status, a stable code for programs and a Chinese message for people.
import type { ValidationIssue } from '../domain/schemas/issues.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ValidationIssue[],
    /** Sent with the error (Retry-After on limits). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const invalidInput = (issues: ValidationIssue[]) =>
  new HttpError(400, 'INVALID_INPUT', `输入有${issues.length}处问题，请逐项修改`, issues);
export const notFound = (what = '资源') => new HttpError(404, 'NOT_FOUND', `${what}不存在`);

/** Text that cannot be stored (U+0000, an unpaired surrogate) in a path or header-borne value. */
export const invalidText = (what: string) => new HttpError(400, 'INVALID_TEXT', `${what}含有无法识别的字符，请检查后重试`);

/** The status's code and Chinese message, for errors raised by Koa and its middleware rather than by us. */
export function genericError(status: number): { code: string; message: string } {
  const known: Record<number, [string, string]> = {
    400: ['BAD_REQUEST', '请求无效'],
    401: ['UNAUTHENTICATED', '请先登录'],
    403: ['FORBIDDEN', '没有权限'],
    404: ['NOT_FOUND', '请求的接口不存在'],
    405: ['METHOD_NOT_ALLOWED', '该接口不支持这种请求方法'],
    406: ['NOT_ACCEPTABLE', '无法提供所要求的格式'],
    408: ['REQUEST_TIMEOUT', '请求超时，请重试'],
    411: ['LENGTH_REQUIRED', '请求缺少长度信息'],
    413: ['PAYLOAD_TOO_LARGE', '请求内容过大'],
    414: ['URI_TOO_LONG', '请求地址过长'],
    415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型'],
    416: ['RANGE_NOT_SATISFIABLE', '请求的范围无效'],
    431: ['HEADERS_TOO_LARGE', '请求头过大'],
    501: ['NOT_IMPLEMENTED', '该接口不支持这种请求方法'],
  };
  const [code, message] = known[status] ?? (status < 500 ? ['BAD_REQUEST', '请求无效'] : ['INTERNAL', '服务暂时出错，请稍后再试']);
  return { code, message };
}

/** A request of a user whose data was deleted while it was in flight: nothing of theirs is stored any more. */
export const accountDeleted = () => new HttpError(401, 'ACCOUNT_DELETED', '账号及其数据已删除，请重新登录');
