/** Việc của tôi: documents assigned to the user or their unit, by tab, with counts and filters. */
import { Alert, Badge, Input, Select, Tabs } from 'antd'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DOCUMENT_TYPES, type DocumentTypeCode } from '@common/document-types'
import { TIME_ZONE, URGENCIES, type Urgency } from '@common/domain'
import { INBOX_TABS, type TIncomingRow } from '@common/contracts/documents-in'
import dayjs from 'dayjs'
import { PageHeader } from '../../components/page-header.tsx'
import { countActive, FilterBar } from '../../components/filter-bar.tsx'
import { docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { DocumentTable } from '../documents-in/document-table.tsx'
import { INBOX_KEY } from '../documents-in/keys.ts'
import { useInboxCounts } from './use-inbox-counts.ts'

type Tab = (typeof INBOX_TABS)[number]
const FILTERS = ['tab', 'q', 'urgency', 'documentType', 'senderOrganizationId', 'due'] as const

/**
 * Deadline filter: due by the end of today, this week, this month, or without a deadline. The inbox
 * query has no deadline parameter, so it applies to the rows loaded (a larger page is loaded then).
 */
const DUE_WITHIN = ['today', 'week', 'month', 'none'] as const
type Due = (typeof DUE_WITHIN)[number]

function matchesDue(row: TIncomingRow, due: Due | undefined): boolean {
  if (!due) return true
  if (due === 'none') return row.dueDate === null
  if (!row.dueDate) return false
  const today = dayjs().tz(TIME_ZONE)
  const limit = due === 'today' ? today : due === 'week' ? today.endOf('week') : today.endOf('month')
  return row.dueDate.slice(0, 10) <= limit.format('YYYY-MM-DD')
}

export function InboxPage() {
  const { t } = useTranslation()
  const list = useListParams(FILTERS)
  const f = list.filters
  const tab: Tab = INBOX_TABS.includes(f.tab as Tab) ? (f.tab as Tab) : 'to_process'
  const due = DUE_WITHIN.includes(f.due as Due) ? (f.due as Due) : undefined
  const counts = useInboxCounts()
  const query = useQuery({
    queryKey: [...INBOX_KEY, 'list', tab, f, list.page, list.pageSize],
    queryFn: () =>
      docApi.inbox.list({
        tab,
        q: f.q,
        urgency: URGENCIES.includes(f.urgency as Urgency) ? (f.urgency as Urgency) : undefined,
        documentType: DOCUMENT_TYPES.some((d) => d.code === f.documentType)
          ? (f.documentType as DocumentTypeCode)
          : undefined,
        senderOrganizationId: f.senderOrganizationId,
        page: due ? 1 : list.page,
        pageSize: due ? 200 : list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })
  const rows = (query.data?.items ?? []).filter((r) => matchesDue(r, due))
  return (
    <>
      <PageHeader title={t('nav.inbox')} subtitle={t('inbox.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => list.setFilters({ tab: key === 'to_process' ? null : key })}
        items={INBOX_TABS.map((key) => ({
          key,
          label: (
            <span data-testid={`inbox-tab-${key}`}>
              {t(`inbox.tabs.${key}`)}{' '}
              <Badge
                count={counts.data?.[key] ?? 0}
                showZero
                overflowCount={999}
                color={
                  key === 'overdue' && (counts.data?.overdue ?? 0) > 0
                    ? '#f5222d'
                    : key === tab
                      ? '#0f8b8d'
                      : '#bfc8d2'
                }
                size="small"
                data-testid={`inbox-count-${key}`}
              />
            </span>
          ),
        }))}
      />
      <FilterBar
        active={countActive(f.urgency, f.documentType, f.senderOrganizationId, f.due)}
        search={
          <Input.Search
            key={f.q ?? ''}
            className="filter-search"
            allowClear
            defaultValue={f.q}
            placeholder={t('documentsIn.searchPlaceholder')}
            onSearch={(value) => list.setFilters({ q: value.trim() })}
            data-testid="inbox-search"
          />
        }
      >
        <Select
          allowClear
          value={f.urgency}
          onChange={(v?: string) => list.setFilters({ urgency: v })}
          options={URGENCIES.map((u) => ({ value: u, label: t(`documentsIn.urgency.${u}`) }))}
          placeholder={t('documentsIn.fields.urgency')}
          style={{ width: 150 }}
          data-testid="inbox-filter-urgency"
        />
        <Select
          allowClear
          value={due}
          onChange={(v?: string) => list.setFilters({ due: v })}
          options={DUE_WITHIN.map((d) => ({ value: d, label: t(`inbox.due.${d}`) }))}
          placeholder={t('documentsIn.fields.dueDate')}
          style={{ width: 170 }}
          data-testid="inbox-filter-due"
        />
        <OrganizationSelect
          allowClear
          value={f.senderOrganizationId}
          onChange={(v) => list.setFilters({ senderOrganizationId: v })}
          placeholder={t('documentsIn.fields.sender')}
          style={{ width: 240 }}
          testId="inbox-filter-sender"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={f.documentType}
          onChange={(v?: string) => list.setFilters({ documentType: v })}
          options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: d.name }))}
          placeholder={t('documentsIn.fields.documentType')}
          style={{ width: 170 }}
          data-testid="inbox-filter-type"
        />
      </FilterBar>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, query.error)}
          style={{ marginBottom: 16 }}
          data-testid="inbox-error"
        />
      ) : null}
      <DocumentTable
        rows={rows}
        loading={query.isFetching}
        pagination={
          due ? { pageSize: 50, showSizeChanger: false } : tablePagination(t, list, query.data?.total)
        }
        showMyRole={tab !== 'information'}
        testId="inbox-table"
      />
    </>
  )
}
