/**
 * The submit of a form in an action modal: clear the last error, send the checked body, and on
 * failure put field errors on the form's fields and anything else above the form.
 */
import { useState } from 'react'
import type { FormInstance } from 'antd'
import type { UseMutationResult } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { formErrorText } from './errors.ts'

export function useModalAction<TData, TBody>(
  form: FormInstance,
  mutation: UseMutationResult<TData, Error, TBody>,
) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  /** Send the body the form's check returned; null (the check failed) sends nothing. */
  function run(body: TBody | null, options?: { onSuccess?: (answer: TData) => void }) {
    setError(null)
    if (body === null) return
    mutation.mutate(body, { ...options, onError: (e) => setError(formErrorText(form, e, t)) })
  }
  return { error, run }
}
