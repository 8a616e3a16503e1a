/**
 * Theo dõi liên thông: outgoing documents whose recipient agencies have gone quiet (no new status
 * for N hours, or a delivery still waiting or failing), and the outbox of edXML packages and status
 * messages with a retry for failed ones. The clerk follows up with the agency by telephone when a
 * document is stuck.
 */
import { App, Button, Select, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd'
import { ReloadOutlined } from '@ant-design/icons'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  OUTBOX_STATES,
  type OutboxState,
  type TOutboxItem,
  type ZStuckItem,
} from '@common/contracts/exchange'
import { PageHeader } from '../../components/page-header.tsx'
import { FilterBar, useTableScroll } from '../../components/filter-bar.tsx'
import { ListLoadError } from '../../components/load-error.tsx'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { outgoingPath } from '../documents-out/paths.ts'
import { exchangeApi } from './api.ts'
import { EXCHANGE_KEY } from './keys.ts'
import { OutboxStateTag, StatusTag } from './labels.tsx'
import { identifierParts, isStatusCode, STUCK_HOURS, stuckStateKey } from './model.ts'
import '../documents-in/documents-in.css'
import './exchange.css'

type TStuckItem = z.infer<typeof ZStuckItem>
const FILTERS = ['tab', 'hours', 'state'] as const
const TABS = ['stuck', 'outbox'] as const
type Tab = (typeof TABS)[number]

function StuckState({ state }: { state: string }) {
  const { t } = useTranslation()
  if (isStatusCode(state)) return <StatusTag code={state} />
  const key = stuckStateKey(state)
  return <Tag color={state === 'failed' ? 'error' : 'default'}>{key ? t(key) : state}</Tag>
}

function StuckTab({ hours, onHours }: { hours: number; onHours: (h: number) => void }) {
  const { t } = useTranslation()
  const scroll = useTableScroll()
  const query = useQuery({
    queryKey: [...EXCHANGE_KEY, 'stuck', hours],
    queryFn: () => exchangeApi.stuck(hours),
    placeholderData: keepPreviousData,
  })
  const columns: TableColumnsType<TStuckItem> = [
    {
      title: t('exchange.fields.numberAndNotation'),
      key: 'number',
      width: 150,
      render: (_, r) => (
        <Link to={outgoingPath(r.documentId)}>
          {r.numberAndNotation ?? t('exchange.tracking.unnumbered')}
        </Link>
      ),
    },
    {
      title: t('exchange.fields.subject'),
      dataIndex: 'subject',
      render: (v: string) => <div className="doc-subject">{v}</div>,
    },
    {
      title: t('exchange.tracking.recipient'),
      key: 'recipient',
      width: 220,
      render: (_, r) => (
        <div>
          <div>{r.recipientName}</div>
          <code className="doc-muted">{r.organizationCode}</code>
        </div>
      ),
    },
    { title: t('common.status'), key: 'state', width: 190, render: (_, r) => <StuckState state={r.state} /> },
    {
      title: t('exchange.tracking.since'),
      dataIndex: 'since',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('exchange.tracking.hours'),
      dataIndex: 'hours',
      width: 110,
      align: 'right',
      render: (v: number) => <strong>{t('exchange.tracking.hoursValue', { hours: Math.floor(v) })}</strong>,
    },
  ]
  return (
    <>
      <FilterBar>
        <span className="doc-label">
          {t('exchange.tracking.quietFor')}
          <Select
            value={hours}
            onChange={onHours}
            options={STUCK_HOURS.map((h) => ({ value: h, label: t(`exchange.tracking.hoursOptions.h${h}`) }))}
            style={{ width: 140 }}
            data-testid="stuck-hours"
          />
        </span>
      </FilterBar>
      <ListLoadError query={query} />
      <Table<TStuckItem>
        rowKey={(r) => `${r.documentId}-${r.organizationCode}`}
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={scroll}
        locale={{ emptyText: t('exchange.tracking.noneStuck', { hours }) }}
        data-testid="stuck-table"
      />
    </>
  )
}

function OutboxTab({
  state,
  onState,
  list,
}: {
  state: OutboxState | 'all'
  onState: (s: string | null) => void
  list: ReturnType<typeof useListParams<(typeof FILTERS)[number]>>
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const scroll = useTableScroll()
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: [...EXCHANGE_KEY, 'outbox', state, list.page, list.pageSize],
    queryFn: () => exchangeApi.outbox.list({ state, page: list.page, pageSize: list.pageSize }),
    placeholderData: keepPreviousData,
  })
  const retry = useMutation({
    mutationFn: (itemId: string) => exchangeApi.outbox.retry(itemId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: EXCHANGE_KEY })
      message.success(t('exchange.outbox.retried'))
    },
    onError: (e) => message.error(errorText(t, e)),
  })
  const columns: TableColumnsType<TOutboxItem> = [
    {
      title: t('exchange.outbox.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('exchange.outbox.kind'),
      key: 'kind',
      width: 170,
      render: (_, r) =>
        r.kind === 'status' && r.statusCode ? (
          <StatusTag code={r.statusCode} />
        ) : (
          <Tag color="blue">
            {t('exchange.outbox.kinds.edoc')}
            {r.businessType !== null && r.businessType > 0
              ? ` · ${t(`exchange.businessTypes.t${r.businessType}`)}`
              : ''}
          </Tag>
        ),
    },
    {
      title: t('exchange.fields.documentIdentifier'),
      key: 'document',
      render: (_, r) => {
        const text = (
          <code className="exchange-identifier">
            {identifierParts(r.documentIdentifier).map((p) => (
              <span key={p}>{p}</span>
            ))}
          </code>
        )
        return r.outgoingDocumentId ? <Link to={outgoingPath(r.outgoingDocumentId)}>{text}</Link> : text
      },
    },
    {
      title: t('exchange.tracking.recipient'),
      key: 'to',
      width: 200,
      render: (_, r) => (
        <div>
          <div>{r.toName ?? r.toCode}</div>
          <code className="doc-muted">{r.toCode}</code>
          {r.transport ? <div className="doc-muted">{t(`exchange.transports.${r.transport}`)}</div> : null}
        </div>
      ),
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 240,
      render: (_, r) => (
        <div>
          <OutboxStateTag state={r.state} />
          {r.sentAt ? <div className="doc-muted">{formatDateTime(r.sentAt)}</div> : null}
          {r.state === 'failed' || (r.state === 'queued' && r.attempts > 0) ? (
            <div style={{ fontSize: 12 }}>
              {r.lastError ? <div className="doc-overdue">{r.lastError}</div> : null}
              <div className="doc-muted">
                {t('exchange.outbox.attempts', { count: r.attempts })}
                {r.nextAttemptAt
                  ? ` · ${t('exchange.outbox.nextAttempt', { at: formatDateTime(r.nextAttemptAt) })}`
                  : ''}
              </div>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 100,
      render: (_, r) =>
        r.state === 'failed' ? (
          <Tooltip title={t('exchange.outbox.retryHelp')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={retry.isPending && retry.variables === r.id}
              onClick={() => retry.mutate(r.id)}
              data-testid={`outbox-retry-${r.id}`}
            >
              {t('exchange.outbox.retry')}
            </Button>
          </Tooltip>
        ) : null,
    },
  ]
  return (
    <>
      <FilterBar>
        <Select
          value={state}
          onChange={(v: string) => onState(v === 'all' ? null : v)}
          options={[
            { value: 'all', label: t('exchange.outbox.allStates') },
            ...OUTBOX_STATES.map((s) => ({ value: s, label: t(`exchange.outboxStates.${s}`) })),
          ]}
          style={{ width: 180 }}
          data-testid="outbox-state"
        />
      </FilterBar>
      <ListLoadError query={query} />
      <Table<TOutboxItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        scroll={scroll}
        onRow={(r) =>
          ({
            'data-testid': `outbox-row-${r.id}`,
            'data-state': r.state,
          }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="outbox-table"
      />
    </>
  )
}

export function TrackingPage() {
  const { t } = useTranslation()
  const list = useListParams(FILTERS)
  const f = list.filters
  const tab: Tab = TABS.includes(f.tab as Tab) ? (f.tab as Tab) : 'stuck'
  const hours = STUCK_HOURS.find((h) => String(h) === f.hours) ?? 48
  const state = OUTBOX_STATES.find((s) => s === f.state) ?? 'all'
  return (
    <>
      <PageHeader title={t('exchange.nav.tracking')} subtitle={t('exchange.tracking.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilters({ tab: k === 'stuck' ? null : k })}
        items={[
          {
            key: 'stuck',
            label: <span data-testid="tracking-tab-stuck">{t('exchange.tracking.tabs.stuck')}</span>,
            children: (
              <StuckTab
                hours={hours}
                onHours={(h) => list.setFilters({ hours: h === 48 ? null : String(h) })}
              />
            ),
          },
          {
            key: 'outbox',
            label: <span data-testid="tracking-tab-outbox">{t('exchange.tracking.tabs.outbox')}</span>,
            children: <OutboxTab state={state} onState={(s) => list.setFilters({ state: s })} list={list} />,
          },
        ]}
      />
    </>
  )
}
