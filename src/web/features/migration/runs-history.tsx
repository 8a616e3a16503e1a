/** Lịch sử chuyển đổi: every run of the organization, newest first; one is opened in the run panel. */
import { useState } from 'react'
import { Button, Card, Table, Tag, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TMigrationRunSummary } from '@common/contracts/migration'
import { formatDateTime } from '../../lib/format.ts'
import { migrationApi } from './api.ts'
import { MIGRATION_RUNS_KEY } from './keys.ts'
import { StatusTag } from './run-panel.tsx'
import './migration.css'

const PAGE_SIZE = 10

export function RunsHistory({
  selectedId,
  onOpen,
}: {
  selectedId: string | null
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const runs = useQuery({
    queryKey: [...MIGRATION_RUNS_KEY, 'list', page],
    queryFn: () => migrationApi.runs.list({ page, pageSize: PAGE_SIZE }),
    // The list follows the open run's progress too.
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 2000 : false,
  })
  return (
    <Card title={t('migration.history.title')} data-testid="migration-history">
      <Table<TMigrationRunSummary>
        size="small"
        rowKey="id"
        loading={runs.isLoading}
        dataSource={runs.data?.items ?? []}
        locale={{ emptyText: t('migration.empty') }}
        scroll={{ x: 900 }}
        rowClassName={(r) => (r.id === selectedId ? 'migration-row-open' : '')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: runs.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('migration.history.when'),
            dataIndex: 'createdAt',
            width: 140,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('migration.history.what'),
            key: 'what',
            width: 190,
            render: (_, r) => (
              <div className="migration-what">
                <Tag>{t(`migration.kinds.${r.kind}`)}</Tag>
                <span>{t(`migration.modes.${r.mode}`)}</span>
              </div>
            ),
          },
          {
            title: t('migration.history.file'),
            key: 'file',
            render: (_, r) => (
              <div style={{ minWidth: 0 }}>
                <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                  {r.sourceFilename}
                </Typography.Text>
                <div className="doc-muted">{[r.registerName, r.unitName].filter(Boolean).join(' · ')}</div>
              </div>
            ),
          },
          {
            title: t('migration.history.status'),
            dataIndex: 'status',
            width: 120,
            render: (_, r) => <StatusTag status={r.status} />,
          },
          {
            title: t('migration.history.result'),
            key: 'result',
            width: 230,
            render: (_, r) =>
              t(r.mode === 'import' ? 'migration.history.resultImport' : 'migration.history.resultDryRun', {
                imported: r.importedRows,
                skipped: r.skippedRows,
                problemRows: r.problemRows,
              }),
          },
          { title: t('migration.history.by'), dataIndex: 'createdByName', width: 150 },
          {
            key: 'open',
            width: 80,
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                onClick={() => onOpen(r.id)}
                data-testid={`migration-open-${r.id}`}
              >
                {t('migration.actions.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  )
}
