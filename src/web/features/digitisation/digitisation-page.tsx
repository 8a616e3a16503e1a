/**
 * Số hóa văn bản: the clerk drops a pile of scans (PDF, images); they are uploaded ten at a time,
 * become a batch read in the background (OCR for scans), and the batch page opens to follow the
 * reading and confirm each pre-filled registration. Below, the batches of the office.
 */
import { useMemo, useState } from 'react'
import { Alert, Card, Col, Input, Progress, Row, Select, Space, Switch, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TScanBatchSummary } from '@common/contracts/digitisation'
import { MAX_FILES_PER_UPLOAD } from '@common/contracts/files'
import { PageHeader } from '../../components/page-header.tsx'
import { docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { FileDrop } from '../documents-in/file-drop.tsx'
import { useIncomingRegisters } from '../registers/use-registers.ts'
import { DIGITISATION_KEY, digitisationApi } from './api.ts'
import { chunks, closedPercent, isScanFileName, readPercent } from './model.ts'
import { batchPath } from './paths.ts'
import '../documents-in/documents-in.css'
import './digitisation.css'

/** Whether OCR runs on the server: scans are then pre-filled; otherwise the clerk types. */
export function useDigitisationStatus() {
  return useQuery({
    queryKey: [...DIGITISATION_KEY, 'status'],
    queryFn: digitisationApi.status,
    staleTime: 60_000,
  })
}

export function OcrUnavailableAlert({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="warning"
      showIcon
      title={t('digitisation.ocrUnavailable')}
      description={compact ? undefined : t('digitisation.ocrUnavailableHint')}
      style={{ marginBottom: 16 }}
      data-testid="dig-ocr-unavailable"
    />
  )
}

export function batchTitle(
  t: (key: string, values?: Record<string, unknown>) => string,
  b: TScanBatchSummary,
) {
  return b.title ?? t('digitisation.history.untitled', { date: formatDateTime(b.createdAt) })
}

function BatchProgress({ batch }: { batch: TScanBatchSummary }) {
  const { t } = useTranslation()
  const { counts } = batch
  return (
    <div className="dig-progress-cell">
      {batch.isRead ? (
        <Progress
          percent={closedPercent(batch)}
          size="small"
          status={batch.isClosed ? 'success' : 'normal'}
        />
      ) : (
        <Progress percent={readPercent(batch)} size="small" status="active" />
      )}
      <span className="doc-muted">
        {batch.isRead
          ? t('digitisation.history.decided', {
              done: counts.registered + counts.discarded,
              total: counts.total,
            })
          : t('digitisation.batch.reading', {
              done: counts.total - counts.queued - counts.reading,
              total: counts.total,
            })}
      </span>
    </div>
  )
}

function BatchHistory() {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const [page, setPage] = useState(1)
  const [onlyOpen, setOnlyOpen] = useState(false)
  const list = useQuery({
    queryKey: [...DIGITISATION_KEY, 'batches', page, onlyOpen],
    queryFn: () =>
      digitisationApi.batches.list({ page, pageSize: 10, isOpen: onlyOpen ? 'true' : undefined }),
    placeholderData: keepPreviousData,
    // Batches still being read move on their own.
    refetchInterval: (q) => (q.state.data?.items.some((b) => !b.isRead) ? 3000 : false),
  })
  const columns: TableColumnsType<TScanBatchSummary> = [
    {
      key: 'title',
      title: t('digitisation.history.batch'),
      render: (_, b) => (
        <div style={{ minWidth: 0 }}>
          <Link to={batchPath(b.id)} data-testid="dig-history-open">
            {batchTitle(t, b)}
          </Link>
          <div className="doc-muted">
            {t('digitisation.history.files', { count: b.counts.total })}
            {isMobile ? ` · ${b.createdBy.fullName} · ${formatDateTime(b.createdAt)}` : ''}
          </div>
          {isMobile ? <BatchProgress batch={b} /> : null}
        </div>
      ),
    },
    ...(isMobile
      ? []
      : [
          {
            key: 'by',
            title: t('digitisation.history.createdBy'),
            render: (_: unknown, b: TScanBatchSummary) => (
              <>
                <div>{b.createdBy.fullName}</div>
                <div className="doc-muted">{formatDateTime(b.createdAt)}</div>
              </>
            ),
          },
          {
            key: 'progress',
            title: t('digitisation.history.progress'),
            width: 260,
            render: (_: unknown, b: TScanBatchSummary) => <BatchProgress batch={b} />,
          },
        ]),
  ]
  return (
    <Card
      size="small"
      title={t('digitisation.history.title')}
      extra={
        <Space size={6}>
          <Switch
            size="small"
            checked={onlyOpen}
            onChange={setOnlyOpen}
            data-testid="dig-history-open-only"
          />
          <span className="doc-muted">{t('digitisation.history.onlyOpen')}</span>
        </Space>
      }
    >
      {list.isError ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: t('digitisation.history.empty') }}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        data-testid="dig-history"
      />
    </Card>
  )
}

export function DigitisationPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const status = useDigitisationStatus()
  const registers = useIncomingRegisters()
  const usable = useMemo(
    () => (registers.data?.items ?? []).filter((r) => r.isActive && r.abilities.register),
    [registers.data],
  )
  const [registerId, setRegisterId] = useState<string | undefined>(undefined)
  const [title, setTitle] = useState('')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [skipped, setSkipped] = useState<string[]>([])
  const [tooMany, setTooMany] = useState(false)
  const maxFiles = status.data?.maxBatchFiles ?? 200

  const start = useMutation({
    mutationFn: async (files: File[]) => {
      const fileIds: string[] = []
      setProgress({ done: 0, total: files.length })
      for (const part of chunks(files, MAX_FILES_PER_UPLOAD)) {
        const { items } = await docApi.files.upload(part)
        fileIds.push(...items.map((f) => f.id))
        setProgress({ done: fileIds.length, total: files.length })
      }
      return digitisationApi.batches.create({
        fileIds,
        registerId: registerId ?? usable[0]?.id ?? null,
        title: title.trim() || null,
      })
    },
    onSuccess: (batch) => {
      void queryClient.invalidateQueries({ queryKey: DIGITISATION_KEY })
      void navigate(batchPath(batch.id))
    },
    onSettled: () => setProgress(null),
  })

  function onFiles(list: File[]) {
    const scans = list.filter((f) => isScanFileName(f.name))
    setSkipped(list.filter((f) => !isScanFileName(f.name)).map((f) => f.name))
    setTooMany(scans.length > maxFiles)
    start.reset()
    if (scans.length > 0 && scans.length <= maxFiles) start.mutate(scans)
  }

  return (
    <>
      <PageHeader title={t('digitisation.title')} subtitle={t('digitisation.subtitle')} />
      {status.data && !status.data.isOcrAvailable ? <OcrUnavailableAlert /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('digitisation.upload.title')}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <div>
                <Typography.Text className="doc-muted">{t('digitisation.upload.register')}</Typography.Text>
                <Select
                  style={{ width: '100%' }}
                  value={registerId ?? usable[0]?.id}
                  onChange={setRegisterId}
                  loading={registers.isPending}
                  options={usable.map((r) => ({ value: r.id, label: r.name }))}
                  notFoundContent={t('documentsIn.noRegister')}
                  data-testid="dig-register"
                />
              </div>
              <div>
                <Typography.Text className="doc-muted">{t('digitisation.upload.batchTitle')}</Typography.Text>
                <Input
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  maxLength={200}
                  placeholder={t('digitisation.upload.batchTitlePlaceholder')}
                  data-testid="dig-title"
                />
              </div>
              <FileDrop
                onFiles={onFiles}
                busy={start.isPending}
                title={t('digitisation.upload.drop')}
                hint={t('digitisation.upload.hint', { max: maxFiles })}
                testId="dig-file-input"
              />
              {progress ? (
                <div data-testid="dig-upload-progress">
                  <Progress
                    percent={Math.round((100 * progress.done) / Math.max(1, progress.total))}
                    status="active"
                  />
                  <span className="doc-muted">
                    {progress.done < progress.total
                      ? t('digitisation.upload.uploading', progress)
                      : t('digitisation.upload.creating')}
                  </span>
                </div>
              ) : null}
              {skipped.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('digitisation.upload.skipped', {
                    count: skipped.length,
                    names: skipped.join(', '),
                  })}
                  data-testid="dig-skipped"
                />
              ) : null}
              {start.isError ? (
                <Alert
                  type="error"
                  showIcon
                  title={errorText(t, start.error)}
                  data-testid="dig-upload-error"
                />
              ) : null}
              {tooMany ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('digitisation.upload.tooMany', { max: maxFiles })}
                  data-testid="dig-too-many"
                />
              ) : null}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <BatchHistory />
        </Col>
      </Row>
    </>
  )
}
