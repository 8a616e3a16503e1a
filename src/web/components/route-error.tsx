/** Shown when a page fails to render or its code cannot be loaded (instead of the router's default screen). */
import { Button, Result } from 'antd'
import { useRouteError } from 'react-router'
import { useTranslation } from 'react-i18next'

export function RouteError() {
  const { t } = useTranslation()
  const error = useRouteError()
  console.error(error)
  return (
    <div data-testid="route-error">
      <Result
        status="error"
        title={t('errors.INTERNAL')}
        subTitle={t('routeError.description')}
        extra={
          <Button type="primary" onClick={() => window.location.assign('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  )
}
