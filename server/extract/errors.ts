// Coded errors with the Chinese message the user reads. The code is stable; the message may be reworded.
import type { ErrorCode } from './schema.ts';

export const MESSAGES: Record<ErrorCode, string> = {
  UNSUPPORTED_TYPE: '文件类型不支持：请上传 PDF、PNG 或 JPEG 格式的报表（按文件内容判断，与扩展名无关）。',
  PDF_ENCRYPTED: 'PDF 已加密或设置了打开密码，无法读取：请导出不加密的 PDF 后重新上传。',
  PDF_BROKEN: 'PDF 文件已损坏或不完整，无法读取：请重新导出或扫描后上传。',
  EMPTY_PAGE: '该页是空白页，没有可识别的内容。',
  EMPTY_FILE: '文件为空（0 字节）。',
  TOO_MANY_PAGES: '页数过多：报表文件最多处理 {max} 页，请只上传需要的报表页。',
  IMAGE_TOO_LARGE: '图片尺寸过大（超过 {max} 像素），请缩小后重新上传。',
  IMAGE_BROKEN: '图片文件已损坏，无法读取。',
  FILE_TOO_LARGE: '文件过大：超过 {max} MB 的上限。',
  UNKNOWN_STATEMENT: '未能识别为资产负债表、利润表、研发费用加计扣除优惠明细表（A107012）或职工人数统计表。',
  TIMEOUT: '识别超时（超过 {max} 秒），已停止处理：请上传更清晰或页数更少的文件。',
  INTERNAL: '识别过程中出现内部错误，请稍后重试。',
};

export class ExtractError extends Error {
  readonly code: ErrorCode;
  readonly page?: number;
  constructor(code: ErrorCode, o: { page?: number; max?: number | string; cause?: unknown } = {}) {
    super(MESSAGES[code].replace('{max}', String(o.max ?? '')), { cause: o.cause });
    this.code = code;
    if (o.page !== undefined) this.page = o.page;
  }
  toIssue(): { code: ErrorCode; message: string; page?: number } {
    return { code: this.code, message: this.message, ...(this.page !== undefined ? { page: this.page } : {}) };
  }
}
