/** "Cú pháp": how to write a query (the contract's query language), in a popover beside the box. */
import { Button, Popover, Typography } from 'antd'
import { QuestionCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

const ROWS = ['words', 'noDiacritics', 'phrase', 'number', 'exclude'] as const

function HelpContent() {
  const { t } = useTranslation()
  return (
    <div className="search-help" data-testid="search-help-content">
      <table className="search-help-table">
        <tbody>
          {ROWS.map((row) => (
            <tr key={row}>
              <td>
                <code>{t(`search.help.rows.${row}.example`)}</code>
              </td>
              <td>{t(`search.help.rows.${row}.text`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('search.help.scope')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t('search.help.estimate')}
      </Typography.Paragraph>
    </div>
  )
}

export function SearchHelp() {
  const { t } = useTranslation()
  return (
    <Popover trigger="click" placement="bottomRight" title={t('search.help.title')} content={<HelpContent />}>
      <Button icon={<QuestionCircleOutlined />} data-testid="search-help">
        {t('search.help.button')}
      </Button>
    </Popover>
  )
}
