/** The text a user sees for a failed call: the catalog's `errors.<CODE>`. */
import type { TFunction } from 'i18next'
import { ApiError } from './api.ts'

export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`)
  return t('errors.INTERNAL')
}

export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code))
}
