/** What a page shows when its data could not be loaded. */
import { Alert, Button, Result } from 'antd'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { errorText, isApiError } from '../lib/errors.ts'

/**
 * A record page whose record failed to load: "not found" (also for a record the user may not see,
 * which must look the same) or the error's text, with a way back to the list.
 */
export function LoadError({
  error,
  notFoundTitle,
  backTo,
  backLabel,
  testId,
}: {
  error: unknown
  notFoundTitle: string
  backTo: string
  backLabel: string
  testId: string
}) {
  const { t } = useTranslation()
  const notFound = isApiError(error, 'NOT_FOUND', 'NOT_ALLOWED')
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? notFoundTitle : errorText(t, error)}
      extra={
        <Link to={backTo}>
          <Button>{backLabel}</Button>
        </Link>
      }
      data-testid={testId}
    />
  )
}

/** Above a list whose page failed to load (the filters stay usable); nothing when it loaded. */
export function ListLoadError({
  query,
  testId,
}: {
  query: { isError: boolean; error: unknown }
  testId?: string
}) {
  const { t } = useTranslation()
  if (!query.isError) return null
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(t, query.error)}
      style={{ marginBottom: 16 }}
      data-testid={testId}
    />
  )
}
