import type { ErrorCode } from '@common/errors'

/** The one application error: a code from the closed list, optional details for the client, the cause for logs. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, options: { message?: string; details?: unknown; cause?: unknown } = {}) {
    super(options.message ?? code, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.details = options.details
  }
}

export function notFound(what = 'record'): AppError {
  return new AppError('NOT_FOUND', { message: `${what} not found` })
}
