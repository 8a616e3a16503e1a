/** The coded failures of OCR: callers show the message, or map the code to their own text. */
export const OCR_ERROR_CODES = ['UNAVAILABLE', 'TIMEOUT', 'FAILED', 'NOT_SUPPORTED'] as const
export type OcrErrorCode = (typeof OCR_ERROR_CODES)[number]

const MESSAGES: Record<OcrErrorCode, string> = {
  UNAVAILABLE: 'OCR không khả dụng: chưa cài tesseract hoặc dữ liệu tiếng Việt',
  TIMEOUT: 'Nhận dạng ký tự (OCR) quá thời gian cho phép',
  FAILED: 'Nhận dạng ký tự (OCR) không thành công',
  NOT_SUPPORTED: 'Định dạng tệp không được hỗ trợ để nhận dạng ký tự',
}

export class OcrError extends Error {
  readonly code: OcrErrorCode
  constructor(code: OcrErrorCode, options: { message?: string; cause?: unknown } = {}) {
    super(options.message ?? MESSAGES[code], { cause: options.cause })
    this.name = 'OcrError'
    this.code = code
  }
}
