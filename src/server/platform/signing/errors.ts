/** The coded failures of signing: the caller turns the code into a Vietnamese message. */
export const SIGNING_ERROR_CODES = [
  'WRONG_PIN',
  'NO_KEY',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'KEY_TOO_WEAK',
  'NOT_A_PDF',
  'ENCRYPTED_PDF',
  'SIGNATURE_BLOCK_NOT_FOUND',
] as const
export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number]

const MESSAGES: Record<SigningErrorCode, string> = {
  WRONG_PIN: 'Mã PIN không đúng',
  NO_KEY: 'Tệp chứng thư số không chứa khóa bí mật hoặc không đọc được',
  CERTIFICATE_EXPIRED: 'Chứng thư số đã hết hạn',
  CERTIFICATE_NOT_YET_VALID: 'Chứng thư số chưa có hiệu lực',
  KEY_TOO_WEAK: 'Khóa RSA ngắn hơn 2048 bit, không đủ an toàn',
  NOT_A_PDF: 'Tệp không phải là PDF hợp lệ',
  ENCRYPTED_PDF: 'Tệp PDF đã được mã hóa bằng mật khẩu',
  SIGNATURE_BLOCK_NOT_FOUND: 'Không tìm thấy vị trí chữ ký (chức vụ và họ tên người ký) trên trang cuối',
}

export class SigningError extends Error {
  readonly code: SigningErrorCode
  constructor(code: SigningErrorCode, options: { message?: string; cause?: unknown } = {}) {
    super(options.message ?? MESSAGES[code], { cause: options.cause })
    this.name = 'SigningError'
    this.code = code
  }
}
