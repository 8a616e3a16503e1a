import { useEffect, type ReactNode } from 'react'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** The title row of a page (and the browser tab's title). */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: string
  subtitle?: ReactNode
  extra?: ReactNode
}) {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = `${title} · ${t('app.productName')}`
  }, [title, t])
  return (
    <div className="page-header">
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subtitle}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </div>
  )
}
