/** Văn bản đi: tabs (mine, to review, to sign, to issue, issued, all) with counts, filters kept in the URL. */
import { Badge, Button, Tabs, type TableColumnsType } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { OUTGOING_TABS, type TOutgoingRow } from '@common/contracts/documents-out'
import { DOCUMENT_TYPE_CODES } from '@common/document-types'
import { OUTGOING_STATES, type OutgoingState } from '@common/domain'
import { PageHeader } from '../../components/page-header.tsx'
import { countActive, FilterBar } from '../../components/filter-bar.tsx'
import {
  DateRangeFilter,
  DocumentTypeFilter,
  ListSearch,
  oneOf,
  SelectFilter,
} from '../../components/list-filters.tsx'
import { ListTable } from '../../components/list-table.tsx'
import { ListLoadError } from '../../components/load-error.tsx'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { can, useRequiredSession } from '../../lib/session.ts'
import { URGENCY_BAR, UrgencyTag, documentTypeName } from '../documents-in/labels.tsx'
import { MigratedTag } from '../migration/migrated-tag.tsx'
import { outApi } from './api.ts'
import { DOCUMENTS_OUT_KEY } from './keys.ts'
import { OutgoingStateTag } from './labels.tsx'
import { useOutgoingCounts } from './nav-badge.tsx'
import { OUT_PATHS, outgoingPath } from './paths.ts'
import './documents-out.css'

const FILTERS = ['tab', 'q', 'state', 'documentType', 'from', 'to'] as const
type Tab = (typeof OUTGOING_TABS)[number]

function OutgoingTable({
  rows,
  loading,
  pagination,
}: {
  rows: TOutgoingRow[]
  loading: boolean
  pagination: ReturnType<typeof tablePagination>
}) {
  const { t } = useTranslation()
  const waiting = (r: TOutgoingRow) =>
    r.state === 'in_review' && r.currentStepAssigneeName
      ? t('documentsOut.waitingOn', { name: r.currentStepAssigneeName })
      : null
  const cardColumns: TableColumnsType<TOutgoingRow> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="doc-card-row">
          <div className="doc-card-head">
            <strong>{r.numberAndNotation ?? documentTypeName(r.documentType)}</strong>
            <UrgencyTag urgency={r.urgency} />
            <MigratedTag migrated={r.migrated} />
            <span style={{ marginInlineStart: 'auto' }}>
              <OutgoingStateTag state={r.state} />
            </span>
          </div>
          <Link to={outgoingPath(r.id)} className="doc-subject-link doc-subject">
            {r.subject}
          </Link>
          <div className="doc-muted">
            {[r.drafterName, waiting(r), formatDate(r.updatedAt)].filter(Boolean).join(' · ')}
          </div>
        </div>
      ),
    },
  ]
  const columns: TableColumnsType<TOutgoingRow> = [
    {
      title: t('documentsOut.fields.numberAndNotation'),
      key: 'number',
      width: 150,
      render: (_, r) => (
        <div>
          <div style={{ fontWeight: 500 }}>{r.numberAndNotation ?? <span className="doc-muted">—</span>}</div>
          <div className="doc-muted">
            {r.issueDate ? formatDate(r.issueDate) : documentTypeName(r.documentType)}
          </div>
        </div>
      ),
    },
    {
      title: t('documentsOut.fields.subject'),
      key: 'subject',
      render: (_, r) => (
        <div>
          <div className="doc-subject" title={r.subject}>
            {r.urgency !== 'normal' ? <UrgencyTag urgency={r.urgency} /> : null}
            <MigratedTag migrated={r.migrated} />
            <Link to={outgoingPath(r.id)} onClick={(e) => e.stopPropagation()} className="doc-subject-link">
              {r.subject}
            </Link>
          </div>
          <div className="doc-muted">
            {[documentTypeName(r.documentType), t('documentsOut.signerShort', { name: r.signerName })].join(
              ' · ',
            )}
          </div>
        </div>
      ),
    },
    {
      title: t('documentsOut.fields.drafter'),
      dataIndex: 'drafterName',
      width: 180,
      responsive: ['lg'],
    },
    {
      title: t('documentsOut.fields.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      responsive: ['md'],
      render: (v: string) => <span style={{ fontSize: 13 }}>{formatDateTime(v)}</span>,
    },
    {
      title: t('common.status'),
      key: 'state',
      width: 170,
      render: (_, r) => (
        <div>
          <OutgoingStateTag state={r.state} />
          {waiting(r) ? <div className="doc-muted">{waiting(r)}</div> : null}
        </div>
      ),
    },
  ]
  return (
    <ListTable<TOutgoingRow>
      rows={rows}
      loading={loading}
      pagination={pagination}
      columns={columns}
      cardColumns={cardColumns}
      pathOf={(r) => outgoingPath(r.id)}
      rowAttributes={(r) => ({ 'data-testid': `out-row-${r.id}`, 'data-state': r.state })}
      rowStyle={(r) => ({ boxShadow: `inset 4px 0 0 ${URGENCY_BAR[r.urgency]}` })}
      testId="documents-out-table"
    />
  )
}

export function DocumentsOutPage() {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const list = useListParams(FILTERS)
  const f = list.filters
  const tab: Tab = oneOf(OUTGOING_TABS, f.tab) ?? 'all'
  const counts = useOutgoingCounts()
  const query = useQuery({
    queryKey: [...DOCUMENTS_OUT_KEY, 'list', f, list.page, list.pageSize],
    queryFn: () =>
      outApi.list({
        tab,
        q: f.q,
        state: oneOf<OutgoingState>(OUTGOING_STATES, f.state),
        documentType: oneOf(DOCUMENT_TYPE_CODES, f.documentType),
        from: f.from,
        to: f.to,
        page: list.page,
        pageSize: list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })
  const count = (k: Tab) => {
    const c = counts.data as Record<string, number> | undefined
    return c?.[k] ?? 0
  }
  return (
    <>
      <PageHeader
        title={t('documentsOut.nav.list')}
        subtitle={t('documentsOut.listSubtitle')}
        extra={
          can(session, 'documentsOut.draft') ? (
            <Link to={OUT_PATHS.create}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="documents-out-create">
                {t('documentsOut.createTitle')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilters({ tab: k === 'all' ? null : k })}
        items={OUTGOING_TABS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`out-tab-${k}`}>
              {t(`documentsOut.tabs.${k}`)}
              {count(k) > 0 ? (
                <Badge count={count(k)} size="small" color="#fa8c16" style={{ marginInlineStart: 6 }} />
              ) : null}
            </span>
          ),
        }))}
      />
      <FilterBar
        active={countActive(f.state, f.documentType, f.from, f.to)}
        search={
          <ListSearch
            list={list}
            placeholder={t('documentsOut.searchPlaceholder')}
            testId="documents-out-search"
          />
        }
      >
        <SelectFilter
          list={list}
          name="state"
          options={OUTGOING_STATES.map((s) => ({ value: s, label: t(`documentsOut.states.${s}`) }))}
          placeholder={t('common.status')}
          width={170}
          testId="documents-out-filter-state"
        />
        <DocumentTypeFilter
          list={list}
          placeholder={t('documentsOut.fields.documentType')}
          width={180}
          testId="documents-out-filter-type"
        />
        <DateRangeFilter
          list={list}
          placeholder={[t('documentsOut.dateFrom'), t('documentsOut.dateTo')]}
          testId="documents-out-filter-dates"
        />
      </FilterBar>
      <ListLoadError query={query} />
      <OutgoingTable
        rows={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
      />
    </>
  )
}
