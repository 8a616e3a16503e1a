import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

export function Forbidden() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title={<span data-testid="forbidden-title">{t('forbidden.title')}</span>}
        subTitle={t('forbidden.description')}
        extra={
          <Button type="primary" onClick={() => void navigate('/')} data-testid="forbidden-home">
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  )
}
