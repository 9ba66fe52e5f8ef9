// Errors that reach the client: an HTTP status, a stable code for programs and a Chinese message for people.
import type { ValidationIssue } from '../domain/schemas/issues.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
  }
}

export const invalidInput = (issues: ValidationIssue[]) =>
  new HttpError(400, 'INVALID_INPUT', `输入有${issues.length}处问题，请逐项修改`, issues);
export const notFound = (what = '资源') => new HttpError(404, 'NOT_FOUND', `${what}不存在`);
