/** The text a user sees for a failed call: the catalog's `errors.<CODE>`. */
import type { TFunction } from 'i18next'
import type { FormInstance } from 'antd'
import { ApiError } from './api.ts'
import { applyServerError } from './validation.ts'

export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`)
  return t('errors.INTERNAL')
}

export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code))
}

/**
 * A failed form submission: field errors go onto the form's fields (and null is returned);
 * anything else becomes the text to show above the form.
 */
export function formErrorText(form: FormInstance, error: unknown, t: TFunction): string | null {
  const onField = error instanceof ApiError && applyServerError(form, error, t)
  return onField ? null : errorText(t, error)
}
