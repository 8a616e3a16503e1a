/**
 * One run as the administrator follows it: status, a progress bar (polled every second while the
 * job works), the counts, what to do next, and the problem table with the report to download.
 */
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd'
import { DownloadOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { MigrationStatus, TMigrationProblem, TMigrationRun } from '@common/contracts/migration'
import { migrationApi } from './api.ts'

const STATUS_COLORS: Record<MigrationStatus, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
}

export function StatusTag({ status }: { status: MigrationStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="migration-status" data-status={status}>
      {t(`migration.status.${status}`)}
    </Tag>
  )
}

function Outcome({ run }: { run: TMigrationRun }) {
  const { t } = useTranslation()
  if (run.status === 'failed')
    return (
      <Alert type="error" showIcon title={run.error ?? t('errors.INTERNAL')} data-testid="migration-error" />
    )
  if (run.status !== 'done') return null
  if (run.mode === 'import')
    return (
      <Alert
        type={run.problemRows > 0 ? 'warning' : 'success'}
        showIcon
        title={t('migration.importDone', {
          imported: run.importedRows,
          skipped: run.skippedRows,
          problemRows: run.problemRows,
        })}
        data-testid="migration-outcome"
      />
    )
  return run.problemRows > 0 ? (
    <Alert
      type="warning"
      showIcon
      title={t('migration.dryRunProblems', { problems: run.problemCount, rows: run.problemRows })}
      data-testid="migration-outcome"
    />
  ) : (
    <Alert
      type="success"
      showIcon
      title={t('migration.dryRunClean', { count: run.importedRows, skipped: run.skippedRows })}
      data-testid="migration-outcome"
    />
  )
}

function Problems({ run }: { run: TMigrationRun }) {
  const { t } = useTranslation()
  if (run.problems.length === 0) return null
  return (
    <div style={{ marginTop: 16 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('migration.problems.title', { count: run.problemCount })}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={migrationApi.problemsUrl(run.id)}
          data-testid="migration-download-report"
        >
          {t('migration.actions.downloadReport')}
        </Button>
      </Space>
      {run.problemsTruncated ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('migration.problems.truncated', { shown: run.problems.length, total: run.problemCount })}
        />
      ) : null}
      <Table<TMigrationProblem>
        size="small"
        rowKey={(p) => `${p.row}|${p.column ?? ''}|${p.message}`}
        dataSource={run.problems}
        pagination={run.problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        columns={[
          { title: t('migration.problems.row'), dataIndex: 'row', width: 80 },
          {
            title: t('migration.problems.column'),
            dataIndex: 'column',
            width: 180,
            render: (c: string | null) => c ?? '—',
          },
          {
            title: t('migration.problems.message'),
            dataIndex: 'message',
            render: (m: string, p) => (
              <span>
                {p.level === 'warning' ? (
                  <Tag color="gold" style={{ marginRight: 8 }}>
                    {t('migration.problems.levels.warning')}
                  </Tag>
                ) : null}
                {m}
              </span>
            ),
          },
        ]}
        data-testid="migration-problems"
      />
    </div>
  )
}

export function RunPanel({
  run,
  onCancel,
  onResume,
  isBusy,
}: {
  run: TMigrationRun
  onCancel: () => void
  onResume: () => void
  isBusy: boolean
}) {
  const { t } = useTranslation()
  const isActive = run.status === 'queued' || run.status === 'running'
  return (
    <Card
      title={
        <Space wrap>
          <span>{t(`migration.run.title.${run.mode}`)}</span>
          <StatusTag status={run.status} />
        </Space>
      }
      extra={
        <Space>
          {run.abilities.cancel ? (
            <Button
              icon={<PauseCircleOutlined />}
              onClick={onCancel}
              loading={isBusy}
              data-testid="migration-cancel"
            >
              {t('migration.actions.cancel')}
            </Button>
          ) : null}
          {run.abilities.resume ? (
            <Button
              icon={<PlayCircleOutlined />}
              onClick={onResume}
              loading={isBusy}
              data-testid="migration-resume"
            >
              {t('migration.actions.resume')}
            </Button>
          ) : null}
        </Space>
      }
      data-testid="migration-run"
      data-run-id={run.id}
      data-mode={run.mode}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('migration.run.summary', {
          kind: t(`migration.kinds.${run.kind}`),
          file: run.sourceFilename,
          register: run.registerName ?? '—',
        })}
        {run.archiveFilename ? ` · ${t('migration.run.archive', { file: run.archiveFilename })}` : ''}
        {run.unitName ? ` · ${t('migration.run.unit', { unit: run.unitName })}` : ''}
      </Typography.Paragraph>
      <Progress
        percent={run.progress}
        status={run.status === 'failed' ? 'exception' : isActive ? 'active' : undefined}
        data-testid="migration-progress"
        data-percent={run.progress}
      />
      <Typography.Text type="secondary">
        {run.totalRows === null
          ? t('migration.reading')
          : t('migration.progress', { processed: run.processedRows, total: run.totalRows })}
      </Typography.Text>
      <Row gutter={16} style={{ margin: '16px 0' }} data-testid="migration-counts">
        <Col xs={12} md={6}>
          <Statistic title={t('migration.counts.total')} value={run.totalRows ?? '—'} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t(run.mode === 'import' ? 'migration.counts.imported' : 'migration.counts.valid')}
            value={run.importedRows}
            data-testid="migration-imported"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('migration.counts.skipped')} value={run.skippedRows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('migration.counts.problemRows')}
            value={run.problemRows}
            styles={run.problemRows > 0 ? { content: { color: '#cf1322' } } : undefined}
            data-testid="migration-problem-rows"
          />
        </Col>
      </Row>
      <Outcome run={run} />
      <Problems run={run} />
    </Card>
  )
}
