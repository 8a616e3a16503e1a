/**
 * "Liên thông văn bản" on an outgoing document: per recipient agency, how the edXML package was
 * delivered (waiting, sent, failed with the error and the next attempt, cancelled), the latest
 * status the agency sent back (QĐ 28/2018: 01 arrived … 06 completed, 02 refused) and the whole
 * timeline of statuses. Annex VI of Decree 30/2020 asks that the sender can see the receiver's
 * processing status.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Space,
  Table,
  Timeline,
  Typography,
  type TableColumnsType,
} from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ZSentRecipient } from '@common/contracts/exchange'
import type { TOutgoingDocument } from '@common/contracts/documents-out'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { can, useRequiredSession } from '../../lib/session.ts'
import { useIsMobile } from '../../lib/use-media.ts'
import { exchangeApi } from './api.ts'
import { EXCHANGE_KEY, sentKey } from './keys.ts'
import { OutboxStateTag, StatusTag } from './labels.tsx'
import { NEGATIVE_CODES, sortTimeline } from './model.ts'
import './exchange.css'

type TSentRecipient = z.infer<typeof ZSentRecipient>

const SENT_STATES = new Set<TOutgoingDocument['state']>(['issued', 'recalled', 'replaced'])

/** Whether the document goes to another agency over the exchange (then the panel shows). */
export function hasExchangeRecipients(doc: Pick<TOutgoingDocument, 'recipients'>): boolean {
  return doc.recipients.some((r) => r.channel === 'exchange')
}

function Delivery({ r, canRetry }: { r: TSentRecipient; canRetry: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const retry = useMutation({
    mutationFn: (itemId: string) => exchangeApi.outbox.retry(itemId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: EXCHANGE_KEY })
      message.success(t('exchange.outbox.retried'))
    },
    onError: (e) => message.error(errorText(t, e)),
  })
  const d = r.delivery
  if (!d) return <OutboxStateTag state={null} />
  return (
    <div>
      <OutboxStateTag state={d.state} />
      {d.sentAt ? <div className="doc-muted">{formatDateTime(d.sentAt)}</div> : null}
      {d.state === 'failed' || (d.state === 'queued' && d.attempts > 0) ? (
        <div style={{ fontSize: 12 }} data-testid="sent-delivery-error">
          {d.lastError ? <div className="doc-overdue">{d.lastError}</div> : null}
          <div className="doc-muted">
            {t('exchange.outbox.attempts', { count: d.attempts })}
            {d.nextAttemptAt
              ? ` · ${t('exchange.outbox.nextAttempt', { at: formatDateTime(d.nextAttemptAt) })}`
              : ''}
          </div>
          {canRetry && d.state === 'failed' ? (
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={retry.isPending}
              onClick={() => retry.mutate(d.id)}
              style={{ marginTop: 4 }}
              data-testid="sent-retry"
            >
              {t('exchange.outbox.retry')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

/** Every status the agency sent back, oldest first. */
export function StatusTimeline({ r }: { r: TSentRecipient }) {
  const { t } = useTranslation()
  if (r.timeline.length === 0)
    return <Typography.Text type="secondary">{t('exchange.sent.noStatus')}</Typography.Text>
  return (
    <Timeline
      className="exchange-timeline"
      data-testid="sent-timeline"
      items={sortTimeline(r.timeline).map((s, i) => ({
        key: `${s.code}-${s.at}-${i}`,
        color: NEGATIVE_CODES.has(s.code) ? 'red' : s.code === '06' ? 'green' : 'blue',
        content: (
          <div data-testid="sent-timeline-entry" data-code={s.code}>
            <Space size={6} wrap>
              <StatusTag code={s.code} />
              <span className="doc-muted">{formatDateTime(s.at)}</span>
            </Space>
            {s.description ? <div className="exchange-pre">{s.description}</div> : null}
            {s.staff ? <div className="doc-muted">{t('exchange.sent.staff', { name: s.staff })}</div> : null}
          </div>
        ),
      }))}
    />
  )
}

function Latest({ r }: { r: TSentRecipient }) {
  const { t } = useTranslation()
  if (!r.latest) return <span className="doc-muted">{t('exchange.sent.noStatus')}</span>
  return (
    <div>
      <StatusTag code={r.latest.code} />
      <div className="doc-muted">{formatDateTime(r.latest.at)}</div>
    </div>
  )
}

function Agency({ r }: { r: TSentRecipient }) {
  return (
    <div>
      <div>{r.name}</div>
      <code className="doc-muted">{r.organizationCode}</code>
    </div>
  )
}

function SentTable({ recipients, canRetry }: { recipients: TSentRecipient[]; canRetry: boolean }) {
  const { t } = useTranslation()
  const isMobile = useIsMobile()
  const columns: TableColumnsType<TSentRecipient> = isMobile
    ? [
        {
          key: 'card',
          render: (_, r) => (
            <div className="doc-card-row">
              <Agency r={r} />
              <Space size={8} wrap align="start">
                <Delivery r={r} canRetry={canRetry} />
                <Latest r={r} />
              </Space>
            </div>
          ),
        },
      ]
    : [
        { title: t('exchange.sent.agency'), key: 'agency', render: (_, r) => <Agency r={r} /> },
        {
          title: t('exchange.sent.delivery'),
          key: 'delivery',
          width: 260,
          render: (_, r) => <Delivery r={r} canRetry={canRetry} />,
        },
        { title: t('exchange.sent.latest'), key: 'latest', width: 240, render: (_, r) => <Latest r={r} /> },
      ]
  return (
    <Table<TSentRecipient>
      rowKey="recipientId"
      size="small"
      pagination={false}
      dataSource={recipients}
      data-testid="sent-recipients"
      expandable={{
        expandedRowRender: (r) => <StatusTimeline r={r} />,
        rowExpandable: () => true,
      }}
      onRow={(r) =>
        ({
          'data-testid': `sent-recipient-${r.organizationCode}`,
          'data-delivery': r.delivery?.state ?? '',
          'data-status': r.latest?.code ?? '',
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={columns}
      showHeader={!isMobile}
    />
  )
}

/** The card on the outgoing document page; nothing when no recipient is another agency over the exchange. */
export function ExchangeStatusPanel({ doc }: { doc: TOutgoingDocument }) {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const isMobile = useIsMobile()
  const isSent = SENT_STATES.has(doc.state)
  const shows = hasExchangeRecipients(doc)
  const query = useQuery({
    queryKey: sentKey(doc.id),
    queryFn: () => exchangeApi.sent(doc.id),
    enabled: shows && isSent,
    refetchInterval: 60_000,
  })
  if (!shows) return null
  const count = doc.recipients.filter((r) => r.channel === 'exchange').length
  return (
    <Card
      size="small"
      title={t('exchange.sent.title')}
      style={{ marginBottom: 16 }}
      data-testid="exchange-status-panel"
      extra={
        query.data?.documentIdentifier && !isMobile ? (
          <code className="doc-muted" title={t('exchange.fields.documentIdentifier')}>
            {query.data.documentIdentifier}
          </code>
        ) : null
      }
    >
      {!isSent ? (
        <Typography.Text type="secondary">{t('exchange.sent.beforeIssue', { count })}</Typography.Text>
      ) : query.isPending ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : query.isError ? (
        <Alert type="error" showIcon title={errorText(t, query.error)} />
      ) : query.data.recipients.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exchange.sent.none')} />
      ) : (
        <SentTable recipients={query.data.recipients} canRetry={can(session, 'exchange.receive')} />
      )}
    </Card>
  )
}
