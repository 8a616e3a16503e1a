/**
 * One batch of scans: the reading progress (refreshed while files are read), each file with its
 * status, what failed the digitisation rules and what smart capture read; "Xác nhận" opens the
 * pre-filled registration, and after each registration the next scan waiting for confirmation.
 */
import { useState } from 'react'
import { Alert, App, Button, Card, Empty, List, Popconfirm, Progress, Space, Tag, Typography } from 'antd'
import { ArrowLeftOutlined, FilePdfOutlined, FileImageOutlined, ReloadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TScanBatch, TScanItem, TScanItemRegistered } from '@common/contracts/digitisation'
import { PageHeader } from '../../components/page-header.tsx'
import { docApi, fileContentUrl } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { documentPath } from '../documents-in/paths.ts'
import { refreshDocuments } from '../documents-in/keys.ts'
import { DIGITISATION_KEY, batchKey, digitisationApi } from './api.ts'
import { ConfirmDrawer } from './confirm-drawer.tsx'
import { batchTitle, OcrUnavailableAlert, useDigitisationStatus } from './digitisation-page.tsx'
import { MethodTag, ProblemTags, StatusTag } from './labels.tsx'
import { closedPercent, nextToConfirm, readPercent } from './model.ts'
import { DIGITISATION_PATH } from './paths.ts'
import '../documents-in/documents-in.css'
import './digitisation.css'

function Counts({ batch }: { batch: TScanBatch }) {
  const { t } = useTranslation()
  const c = batch.counts
  const parts: [string, number, string][] = [
    ['waiting', c.queued + c.reading, 'processing'],
    ['ready', c.ready, 'gold'],
    ['failed', c.failed, 'error'],
    ['registered', c.registered, 'success'],
    ['discarded', c.discarded, 'default'],
  ]
  return (
    <Space wrap size={[4, 4]} data-testid="dig-counts">
      {parts
        .filter(([, n]) => n > 0)
        .map(([key, n, color]) => (
          <Tag key={key} color={color} data-testid={`dig-count-${key}`}>
            {t(`digitisation.counts.${key}`, { count: n })}
          </Tag>
        ))}
    </Space>
  )
}

function Captured({ item }: { item: TScanItem }) {
  const { t } = useTranslation()
  if (item.status === 'queued' || item.status === 'reading') return null
  if (item.error) return <div className="dig-item-error">{item.error}</div>
  const f = item.fields
  if (!f || (!f.numberAndNotation && !f.subject)) {
    return (
      <div className="doc-muted">
        {item.method === 'ocr_unavailable'
          ? t('digitisation.ocrUnavailable')
          : t('digitisation.item.noFields')}
      </div>
    )
  }
  return (
    <div className="dig-captured" data-testid="dig-item-captured">
      {f.numberAndNotation ? (
        <span className="dig-number" data-testid="dig-item-number">
          {f.numberAndNotation}
        </span>
      ) : null}
      {f.issuerName ? <span className="doc-muted"> · {f.issuerName}</span> : null}
      {f.subject ? (
        <div className="dig-subject" data-testid="dig-item-subject">
          {f.subject}
        </div>
      ) : null}
    </div>
  )
}

function ItemRow({
  item,
  onConfirm,
  onDiscard,
  onRetry,
  isBusy,
}: {
  item: TScanItem
  onConfirm: () => void
  onDiscard: () => void
  onRetry: () => void
  isBusy: boolean
}) {
  const { t } = useTranslation()
  const registered = useQuery({
    queryKey: ['documents-in', 'one', item.documentId],
    queryFn: () => docApi.documentsIn.get(item.documentId!),
    enabled: item.status === 'registered' && item.documentId !== null,
    staleTime: 60_000,
  })
  const actions = [
    item.abilities.retry ? (
      <Button
        key="retry"
        size="small"
        icon={<ReloadOutlined />}
        onClick={onRetry}
        disabled={isBusy}
        data-testid="dig-item-retry"
      >
        {t('digitisation.item.retry')}
      </Button>
    ) : null,
    item.abilities.discard ? (
      <Popconfirm key="discard" title={t('digitisation.item.discardConfirm')} onConfirm={onDiscard}>
        <Button size="small" disabled={isBusy} data-testid="dig-item-discard">
          {t('digitisation.item.discard')}
        </Button>
      </Popconfirm>
    ) : null,
    item.abilities.register ? (
      <Button
        key="confirm"
        size="small"
        type={item.status === 'ready' ? 'primary' : 'default'}
        onClick={onConfirm}
        disabled={isBusy}
        data-testid="dig-item-confirm"
      >
        {t('digitisation.item.confirm')}
      </Button>
    ) : null,
    item.status === 'registered' && item.documentId ? (
      <Link key="doc" to={documentPath(item.documentId)} data-testid="dig-item-document">
        {registered.data?.registerNumber
          ? t('digitisation.item.openDocument', { number: registered.data.registerNumber })
          : t('digitisation.item.registeredDoc')}
      </Link>
    ) : null,
  ].filter(Boolean)
  const icon = item.mediaType.startsWith('image/') ? <FileImageOutlined /> : <FilePdfOutlined />
  return (
    <List.Item className="dig-item" data-testid="dig-item" data-item-status={item.status}>
      <div className="dig-item-main">
        <div className="dig-item-head">
          <span className="dig-position">{item.position}.</span>
          {icon}
          <a
            href={fileContentUrl(item.fileId, true)}
            target="_blank"
            rel="noopener"
            className="dig-filename"
            title={item.filename}
            data-testid="dig-item-name"
          >
            {item.filename}
          </a>
          <StatusTag status={item.status} />
          <MethodTag item={item} />
          <ProblemTags item={item} />
          {item.scan?.pageCount ? (
            <span className="doc-muted">{t('digitisation.item.pages', { count: item.scan.pageCount })}</span>
          ) : null}
        </div>
        <Captured item={item} />
      </div>
      {actions.length > 0 ? <div className="dig-item-actions">{actions}</div> : null}
    </List.Item>
  )
}

export function BatchPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { id = '' } = useParams()
  const queryClient = useQueryClient()
  const status = useDigitisationStatus()
  const [confirming, setConfirming] = useState<string | null>(null)
  const batch = useQuery({
    queryKey: batchKey(id),
    queryFn: () => digitisationApi.batches.get(id),
    // Poll while files are being read; stop once every file is read.
    refetchInterval: (q) => (q.state.data && !q.state.data.isRead ? 2000 : false),
  })
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: batchKey(id) })
    void queryClient.invalidateQueries({ queryKey: [...DIGITISATION_KEY, 'batches'] })
  }
  const act = useMutation({
    mutationFn: ({ itemId, kind }: { itemId: string; kind: 'discard' | 'retry' }) =>
      kind === 'discard' ? digitisationApi.items.discard(itemId) : digitisationApi.items.retry(itemId),
    onSuccess: (_, { kind }) => {
      message.success(t(kind === 'discard' ? 'digitisation.item.discarded' : 'digitisation.item.requeued'))
      refresh()
    },
    onError: (e) => message.error(errorText(t, e)),
  })

  if (batch.isError)
    return (
      <>
        <PageHeader title={t('digitisation.title')} />
        <Alert type="error" showIcon title={errorText(t, batch.error)} data-testid="dig-batch-error" />
      </>
    )
  const data = batch.data
  const item = data?.items.find((i) => i.id === confirming) ?? null

  async function onRegistered(result: TScanItemRegistered) {
    const doc = await docApi.documentsIn.get(result.documentId).catch(() => null)
    message.success(
      doc?.registerNumber
        ? t('digitisation.confirm.registered', { number: doc.registerNumber })
        : t('digitisation.confirm.registeredPlain'),
    )
    refreshDocuments(queryClient)
    const fresh = await queryClient.fetchQuery({
      queryKey: batchKey(id),
      queryFn: () => digitisationApi.batches.get(id),
    })
    void queryClient.invalidateQueries({ queryKey: [...DIGITISATION_KEY, 'batches'] })
    const next = nextToConfirm(fresh.items, result.item.id)
    setConfirming(next?.id ?? null)
    if (!next) message.info(t('digitisation.confirm.allDone'))
  }

  return (
    <>
      <PageHeader
        title={data ? batchTitle(t, data) : t('digitisation.title')}
        subtitle={
          data
            ? t('digitisation.batch.createdBy', {
                name: data.createdBy.fullName,
                time: formatDateTime(data.createdAt),
              })
            : undefined
        }
        extra={
          <Link to={DIGITISATION_PATH}>
            <ArrowLeftOutlined /> {t('digitisation.batch.back')}
          </Link>
        }
      />
      {status.data && !status.data.isOcrAvailable ? <OcrUnavailableAlert /> : null}
      <Card size="small" loading={batch.isPending} style={{ marginBottom: 16 }}>
        {data ? (
          <div className="dig-summary" data-testid="dig-summary" data-read={data.isRead}>
            <div className="dig-summary-text">
              <Typography.Text strong>
                {data.isRead
                  ? data.isClosed
                    ? t('digitisation.batch.closed', { total: data.counts.total })
                    : t('digitisation.batch.read', { total: data.counts.total })
                  : t('digitisation.batch.reading', {
                      done: data.counts.total - data.counts.queued - data.counts.reading,
                      total: data.counts.total,
                    })}
              </Typography.Text>
              <Counts batch={data} />
            </div>
            {/* While reading: files read; then: files decided (registered or discarded). */}
            <Progress
              percent={data.isRead ? closedPercent(data) : readPercent(data)}
              status={data.isRead ? (data.isClosed ? 'success' : 'normal') : 'active'}
              data-testid="dig-progress"
            />
            {data.isRead && data.counts.ready + data.counts.failed > 0 ? (
              <Button
                type="primary"
                onClick={() => setConfirming(nextToConfirm(data.items, null)?.id ?? null)}
                data-testid="dig-confirm-next"
              >
                {t('digitisation.batch.confirmNext')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </Card>
      <Card size="small" title={t('digitisation.batch.files')}>
        {data && data.items.length === 0 ? <Empty /> : null}
        <List
          dataSource={data?.items ?? []}
          data-testid="dig-items"
          renderItem={(i) => (
            <ItemRow
              key={i.id}
              item={i}
              isBusy={act.isPending}
              onConfirm={() => setConfirming(i.id)}
              onDiscard={() => act.mutate({ itemId: i.id, kind: 'discard' })}
              onRetry={() => act.mutate({ itemId: i.id, kind: 'retry' })}
            />
          )}
        />
      </Card>
      {data && item ? (
        <ConfirmDrawer
          key={item.id}
          batch={data}
          item={item}
          onClose={() => setConfirming(null)}
          onRegistered={(r) => void onRegistered(r)}
        />
      ) : null}
    </>
  )
}
