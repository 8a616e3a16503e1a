import { Spin } from 'antd'
import { useTranslation } from 'react-i18next'

export function FullPageSpin() {
  const { t } = useTranslation()
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }} data-testid="page-loading">
      <Spin size="large" description={t('common.loading')} />
    </div>
  )
}
