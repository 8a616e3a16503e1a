/** Văn bản đến: the incoming documents this user may see, with filters kept in the URL. */
import { Button } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { DOCUMENT_TYPE_CODES } from '@common/document-types'
import { INCOMING_STATES, URGENCIES, type IncomingState, type Urgency } from '@common/domain'
import { PageHeader } from '../../components/page-header.tsx'
import { countActive, FilterBar } from '../../components/filter-bar.tsx'
import {
  DateRangeFilter,
  DocumentTypeFilter,
  ListSearch,
  oneOf,
  SelectFilter,
  UrgencyFilter,
} from '../../components/list-filters.tsx'
import { ListLoadError } from '../../components/load-error.tsx'
import { docApi } from '../../lib/api.ts'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { can, useRequiredSession } from '../../lib/session.ts'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { useIncomingRegisters } from '../registers/use-registers.ts'
import { DocumentTable } from './document-table.tsx'
import { DOCUMENTS_IN_KEY } from './keys.ts'
import { DOC_PATHS } from './paths.ts'

const FILTERS = [
  'q',
  'registerId',
  'state',
  'urgency',
  'documentType',
  'senderOrganizationId',
  'from',
  'to',
] as const

export function DocumentsInPage() {
  const { t } = useTranslation()
  const session = useRequiredSession()
  const list = useListParams(FILTERS)
  const f = list.filters
  const registers = useIncomingRegisters()
  const query = useQuery({
    queryKey: [...DOCUMENTS_IN_KEY, 'list', f, list.page, list.pageSize],
    queryFn: () =>
      docApi.documentsIn.list({
        q: f.q,
        registerId: f.registerId,
        state: oneOf<IncomingState>(INCOMING_STATES, f.state),
        urgency: oneOf<Urgency>(URGENCIES, f.urgency),
        documentType: oneOf(DOCUMENT_TYPE_CODES, f.documentType),
        senderOrganizationId: f.senderOrganizationId,
        from: f.from,
        to: f.to,
        page: list.page,
        pageSize: list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })
  return (
    <>
      <PageHeader
        title={t('nav.documentsIn')}
        subtitle={t('documentsIn.listSubtitle')}
        extra={
          can(session, 'documentsIn.register') ? (
            <Link to={DOC_PATHS.register}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="documents-in-register">
                {t('documentsIn.registerTitle')}
              </Button>
            </Link>
          ) : null
        }
      />
      <FilterBar
        active={countActive(
          f.registerId,
          f.state,
          f.urgency,
          f.documentType,
          f.senderOrganizationId,
          f.from,
          f.to,
        )}
        search={
          <ListSearch
            list={list}
            placeholder={t('documentsIn.searchPlaceholder')}
            testId="documents-in-search"
          />
        }
      >
        <SelectFilter
          list={list}
          name="registerId"
          options={(registers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          placeholder={t('documentsIn.fields.register')}
          width={200}
          testId="documents-in-filter-register"
        />
        <SelectFilter
          list={list}
          name="state"
          options={INCOMING_STATES.map((s) => ({ value: s, label: t(`documentsIn.states.${s}`) }))}
          placeholder={t('common.status')}
          width={160}
          testId="documents-in-filter-state"
        />
        <UrgencyFilter list={list} testId="documents-in-filter-urgency" />
        <DocumentTypeFilter
          list={list}
          placeholder={t('documentsIn.fields.documentType')}
          width={170}
          testId="documents-in-filter-type"
        />
        <OrganizationSelect
          allowClear
          value={f.senderOrganizationId}
          onChange={(v) => list.setFilters({ senderOrganizationId: v })}
          placeholder={t('documentsIn.fields.sender')}
          style={{ width: 240 }}
          testId="documents-in-filter-sender"
        />
        <DateRangeFilter
          list={list}
          placeholder={[t('documentsIn.arrivedFrom'), t('documentsIn.arrivedTo')]}
          testId="documents-in-filter-dates"
        />
      </FilterBar>
      <ListLoadError query={query} testId="documents-in-error" />
      <DocumentTable
        rows={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        testId="documents-in-table"
      />
    </>
  )
}
