/** The text of a refusal: the catalog's text for the code, with the server's field messages when it sent any. */
import type { TFunction } from 'i18next'
import { ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'

export function serverErrorText(t: TFunction, error: unknown): string {
  const base = errorText(t, error)
  if (!(error instanceof ApiError) || error.details.length === 0) return base
  const messages = [...new Set(error.details.map((d) => d.message))]
  return `${base} ${messages.join('; ')}`
}
