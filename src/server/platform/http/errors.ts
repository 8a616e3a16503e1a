/** The one mapping from errors to HTTP: codes → status, 5xx logged with context and never detailed. */
import { ERROR_CODES, type ErrorCode, type TErrorBody } from '@common/errors'
import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError } from '../errors.ts'

function body(
  code: ErrorCode,
  message: string,
  requestId: string,
  details?: TErrorBody['error']['details'],
): TErrorBody {
  return { error: { code, message, requestId, ...(details ? { details } : {}) } }
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_FILES_LIMIT: 'BAD_REQUEST',
  FST_PARTS_LIMIT: 'BAD_REQUEST',
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const status = ERROR_CODES[error.code]
      if (status >= 500) request.log.error({ err: error }, 'application error')
      // Field issues (an array) or structured facts for the client (e.g. duplicate candidates); never on 5xx.
      const details =
        status < 500 && error.details && typeof error.details === 'object'
          ? (error.details as NonNullable<TErrorBody['error']['details']>)
          : undefined
      const message = status >= 500 ? error.code : error.message
      return reply.status(status).send(body(error.code, message, request.id, details))
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
        message: v.message ?? 'invalid',
      }))
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', 'The request is not valid', request.id, details))
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema')
      return reply.status(500).send(body('INTERNAL', 'INTERNAL', request.id))
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined
    if (mapped) {
      return reply.status(ERROR_CODES[mapped]).send(body(mapped, error.message, request.id))
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Errors thrown by Fastify plugins with a client status (bad cookie, bad multipart, ...).
      const code: ErrorCode =
        error.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : error.statusCode === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : 'BAD_REQUEST'
      return reply.status(error.statusCode).send(body(code, error.message, request.id))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(body('INTERNAL', 'INTERNAL', request.id))
  })
}
