/**
 * The "Chuyển đổi" tag of a document imported from the previous system's register (issue 6), on
 * the incoming and outgoing pages and list rows; its tooltip says when and by which run.
 */
import { Tag, Tooltip } from 'antd'
import { HistoryOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { TMigratedMark } from '@common/contracts/migration'
import { formatDateTime } from '../../lib/format.ts'

/** The run as people can tell runs apart in the history: the first block of its id. */
export function shortRunId(runId: string): string {
  return runId.slice(0, 8)
}

export function MigratedTag({ migrated }: { migrated: TMigratedMark }) {
  const { t } = useTranslation()
  if (!migrated) return null
  const title = t('migration.tag.tooltip', {
    at: formatDateTime(migrated.importedAt),
    run: shortRunId(migrated.runId),
  })
  return (
    <Tooltip title={title}>
      <Tag
        color="purple"
        icon={<HistoryOutlined />}
        aria-label={`${t('migration.tag.label')}: ${title}`}
        data-testid="migrated-tag"
        className="migrated-tag"
      >
        {t('migration.tag.label')}
      </Tag>
    </Tooltip>
  )
}
