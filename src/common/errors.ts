/** The closed list of application error codes. The web turns each into text via i18n (`errors.<code>`). */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 401,
  MFA_INVALID_CODE: 400,
  MFA_SETUP_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_INVALID: 403,
  NOT_ALLOWED: 403,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  TOO_MANY_ATTEMPTS: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  ORGANIZATION_CODE_TAKEN: 409,
  UNIT_HAS_CHILDREN: 409,
  UNIT_CYCLE: 409,
  INVALID_TRANSITION: 409,
  WEAK_PASSWORD: 400,
  WRONG_PASSWORD: 400,
  PASSWORD_REUSED: 400,
  CSV_INVALID: 400,
  DUPLICATE_DOCUMENT: 409,
  SECRET_DOCUMENT_REFUSED: 422,
  REGISTER_INACTIVE: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_CORRUPTED: 500,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof ERROR_CODES

/** The JSON body of every error response. `details` carries field-level issues for forms. */
export type TErrorBody = {
  error: {
    code: ErrorCode
    message: string
    details?: { path: string; message: string }[] | Record<string, unknown>
    requestId?: string
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value)
}
