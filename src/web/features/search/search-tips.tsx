/** What to try when there is nothing to show yet, or nothing was found. */
import { Card, Typography } from 'antd'
import { BulbOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

const TIPS = ['noDiacritics', 'phrase', 'number', 'filters'] as const

export function SearchTips({ title, hint }: { title: string; hint?: string }) {
  const { t } = useTranslation()
  return (
    <Card className="search-empty" data-testid="search-empty">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <div className="search-tips-title">
        <BulbOutlined /> {t('search.tips.title')}
      </div>
      <ul className="search-tips">
        {TIPS.map((tip) => (
          <li key={tip}>{t(`search.tips.${tip}`)}</li>
        ))}
      </ul>
    </Card>
  )
}
