/**
 * Văn bản điện tử đến: the packages other agencies sent us over the exchange (QCVN 102:2016), with
 * state tabs, search and "Nhận văn bản ngay" to fetch from the axis without waiting for the
 * schedule. The clerk opens one to accept it into a register or refuse it.
 */
import { App, Badge, Button, Tabs, Tooltip, type TableColumnsType } from 'antd'
import { CloudDownloadOutlined, WarningOutlined } from '@ant-design/icons'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TReceivedSummary } from '@common/contracts/exchange'
import { PageHeader } from '../../components/page-header.tsx'
import { FilterBar } from '../../components/filter-bar.tsx'
import { ListSearch, oneOf } from '../../components/list-filters.tsx'
import { ListTable } from '../../components/list-table.tsx'
import { ListLoadError } from '../../components/load-error.tsx'
import { errorText } from '../../lib/errors.ts'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { exchangeApi, type TPollResult } from './api.ts'
import { EXCHANGE_KEY, refreshExchange } from './keys.ts'
import { ReceivedKindTag, ReceivedStateTag, SignatureStateTag } from './labels.tsx'
import { useReceivedCounts } from './nav-badge.tsx'
import { receivedPath } from './paths.ts'
import '../documents-in/documents-in.css'
import './exchange.css'

const FILTERS = ['state', 'q'] as const
const TABS = ['received', 'accepted', 'refused', 'all'] as const
type Tab = (typeof TABS)[number]

function Sender({ row }: { row: TReceivedSummary }) {
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ fontWeight: 500 }}>{row.from.organName}</div>
      <div className="doc-muted">
        <code>{row.from.organId}</code>
      </div>
    </div>
  )
}

function ReceivedTable({
  rows,
  loading,
  pagination,
}: {
  rows: TReceivedSummary[]
  loading: boolean
  pagination: ReturnType<typeof tablePagination>
}) {
  const { t } = useTranslation()
  const tags = (r: TReceivedSummary) => (
    <span className="doc-head">
      <ReceivedKindTag kind={r.kind} />
      <SignatureStateTag state={r.signatureState} />
      {r.warningCount > 0 ? (
        <Tooltip title={t('exchange.list.warnings', { count: r.warningCount })}>
          <WarningCount count={r.warningCount} />
        </Tooltip>
      ) : null}
    </span>
  )
  const subject = (r: TReceivedSummary) => (
    <Link to={receivedPath(r.id)} onClick={(e) => e.stopPropagation()} className="doc-subject-link">
      {r.subject ?? t('exchange.noSubject')}
    </Link>
  )
  const cardColumns: TableColumnsType<TReceivedSummary> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="doc-card-row">
          <div className="doc-card-head">
            <strong>{r.numberAndNotation ?? r.documentTypeName ?? '—'}</strong>
            <span style={{ marginInlineStart: 'auto' }}>
              <ReceivedStateTag state={r.state} />
            </span>
          </div>
          <div className="doc-subject">{subject(r)}</div>
          <div className="doc-muted">{[r.from.organName, formatDateTime(r.receivedAt)].join(' · ')}</div>
          {tags(r)}
        </div>
      ),
    },
  ]
  const columns: TableColumnsType<TReceivedSummary> = [
    {
      title: t('exchange.fields.sender'),
      key: 'sender',
      width: 220,
      render: (_, r) => <Sender row={r} />,
    },
    {
      title: t('exchange.fields.numberAndNotation'),
      key: 'number',
      width: 150,
      render: (_, r) => (
        <div>
          <div style={{ fontWeight: 500 }}>{r.numberAndNotation ?? <span className="doc-muted">—</span>}</div>
          <div className="doc-muted">
            {[r.issueDate ? formatDate(r.issueDate) : null, r.documentTypeName].filter(Boolean).join(' · ')}
          </div>
        </div>
      ),
    },
    {
      title: t('exchange.fields.subject'),
      key: 'subject',
      render: (_, r) => (
        <div>
          <div className="doc-subject" title={r.subject ?? undefined}>
            {subject(r)}
          </div>
          <div style={{ marginTop: 4 }}>{tags(r)}</div>
        </div>
      ),
    },
    {
      title: t('exchange.fields.receivedAt'),
      dataIndex: 'receivedAt',
      width: 140,
      responsive: ['md'],
      render: (v: string) => <span style={{ fontSize: 13 }}>{formatDateTime(v)}</span>,
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 150,
      render: (_, r) => <ReceivedStateTag state={r.state} />,
    },
  ]
  return (
    <ListTable<TReceivedSummary>
      rows={rows}
      loading={loading}
      pagination={pagination}
      columns={columns}
      cardColumns={cardColumns}
      pathOf={(r) => receivedPath(r.id)}
      rowAttributes={(r) => ({
        'data-testid': `received-row-${r.id}`,
        'data-state': r.state,
        'data-kind': r.kind,
      })}
      testId="received-table"
    />
  )
}

/** The number of warnings found when the package was checked, with a warning icon. */
function WarningCount({ count }: { count: number }) {
  return (
    <span className="exchange-warn-count" data-testid="exchange-warnings">
      <WarningOutlined /> {count}
    </span>
  )
}

function usePoll() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: exchangeApi.poll,
    onSuccess: (r: TPollResult) => {
      refreshExchange(queryClient)
      if (!r.configured) message.info(t('exchange.poll.notConfigured'))
      else if (r.failed > 0) message.warning(t('exchange.poll.withFailures', r))
      else if (r.received + r.statuses === 0) message.info(t('exchange.poll.nothing'))
      else message.success(t('exchange.poll.done', r))
    },
    onError: (e) => message.error(errorText(t, e)),
  })
}

export function ReceivedListPage() {
  const { t } = useTranslation()
  const list = useListParams(FILTERS)
  const f = list.filters
  const tab: Tab = oneOf(TABS, f.state) ?? 'received'
  const counts = useReceivedCounts()
  const poll = usePoll()
  const query = useQuery({
    queryKey: [...EXCHANGE_KEY, 'received', 'list', tab, f.q, list.page, list.pageSize],
    queryFn: () =>
      exchangeApi.received.list({ state: tab, q: f.q, page: list.page, pageSize: list.pageSize }),
    placeholderData: keepPreviousData,
  })
  const waiting = counts.data?.waiting ?? 0
  return (
    <>
      <PageHeader
        title={t('exchange.nav.received')}
        subtitle={t('exchange.list.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            loading={poll.isPending}
            onClick={() => poll.mutate()}
            data-testid="exchange-poll"
          >
            {t('exchange.poll.button')}
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilters({ state: k === 'received' ? null : k })}
        items={TABS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`received-tab-${k}`}>
              {t(`exchange.tabs.${k}`)}
              {k === 'received' && waiting > 0 ? (
                <Badge count={waiting} size="small" color="#fa8c16" style={{ marginInlineStart: 6 }} />
              ) : null}
            </span>
          ),
        }))}
      />
      <FilterBar
        search={
          <ListSearch
            list={list}
            placeholder={t('exchange.list.searchPlaceholder')}
            testId="received-search"
          />
        }
      />
      <ListLoadError query={query} />
      <ReceivedTable
        rows={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
      />
    </>
  )
}
