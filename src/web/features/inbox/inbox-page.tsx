/** Việc của tôi: documents assigned to the user or their unit, by tab, with counts and filters. */
import { Badge, Select, Tabs } from 'antd'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { DOCUMENT_TYPE_CODES } from '@common/document-types'
import { URGENCIES, type Urgency } from '@common/domain'
import { INBOX_DUE_WITHIN, INBOX_TABS } from '@common/contracts/documents-in'
import { PageHeader } from '../../components/page-header.tsx'
import { countActive, FilterBar } from '../../components/filter-bar.tsx'
import { DocumentTypeFilter, ListSearch, oneOf, UrgencyFilter } from '../../components/list-filters.tsx'
import { ListLoadError } from '../../components/load-error.tsx'
import { docApi } from '../../lib/api.ts'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { DocumentTable } from '../documents-in/document-table.tsx'
import { INBOX_KEY } from '../documents-in/keys.ts'
import { useInboxCounts } from './use-inbox-counts.ts'

type Tab = (typeof INBOX_TABS)[number]
const FILTERS = ['tab', 'q', 'urgency', 'documentType', 'senderOrganizationId', 'due'] as const

type Due = (typeof INBOX_DUE_WITHIN)[number]

export function InboxPage() {
  const { t } = useTranslation()
  const list = useListParams(FILTERS)
  const f = list.filters
  const tab: Tab = oneOf(INBOX_TABS, f.tab) ?? 'to_process'
  const due = oneOf<Due>(INBOX_DUE_WITHIN, f.due)
  const counts = useInboxCounts()
  const query = useQuery({
    queryKey: [...INBOX_KEY, 'list', tab, f, list.page, list.pageSize],
    queryFn: () =>
      docApi.inbox.list({
        tab,
        q: f.q,
        urgency: oneOf<Urgency>(URGENCIES, f.urgency),
        documentType: oneOf(DOCUMENT_TYPE_CODES, f.documentType),
        senderOrganizationId: f.senderOrganizationId,
        due,
        page: list.page,
        pageSize: list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })
  const rows = query.data?.items ?? []
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
          <ListSearch list={list} placeholder={t('documentsIn.searchPlaceholder')} testId="inbox-search" />
        }
      >
        <UrgencyFilter list={list} testId="inbox-filter-urgency" />
        <Select
          allowClear
          value={due}
          onChange={(v?: string) => list.setFilters({ due: v })}
          options={INBOX_DUE_WITHIN.map((d) => ({ value: d, label: t(`inbox.due.${d}`) }))}
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
        <DocumentTypeFilter
          list={list}
          placeholder={t('documentsIn.fields.documentType')}
          width={170}
          testId="inbox-filter-type"
        />
      </FilterBar>
      <ListLoadError query={query} testId="inbox-error" />
      <DocumentTable
        rows={rows}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        showMyRole={tab !== 'information'}
        testId="inbox-table"
      />
    </>
  )
}
