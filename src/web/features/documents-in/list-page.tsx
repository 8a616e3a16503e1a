/** Văn bản đến: the incoming documents this user may see, with filters kept in the URL. */
import { Alert, Button, DatePicker, Input, Select } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import dayjs from 'dayjs'
import { DOCUMENT_TYPES, type DocumentTypeCode } from '@common/document-types'
import { INCOMING_STATES, URGENCIES, type IncomingState, type Urgency } from '@common/domain'
import { PageHeader } from '../../components/page-header.tsx'
import { countActive, FilterBar } from '../../components/filter-bar.tsx'
import { docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { DATE_FORMAT } from '../../lib/format.ts'
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

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.includes(value as T) ? (value as T) : undefined
}

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
        documentType: oneOf<DocumentTypeCode>(
          DOCUMENT_TYPES.map((d) => d.code),
          f.documentType,
        ),
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
          <Input.Search
            key={f.q ?? ''}
            className="filter-search"
            allowClear
            defaultValue={f.q}
            placeholder={t('documentsIn.searchPlaceholder')}
            onSearch={(value) => list.setFilters({ q: value.trim() })}
            data-testid="documents-in-search"
          />
        }
      >
        <Select
          allowClear
          value={f.registerId}
          onChange={(v?: string) => list.setFilters({ registerId: v })}
          options={(registers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          placeholder={t('documentsIn.fields.register')}
          style={{ width: 200 }}
          data-testid="documents-in-filter-register"
        />
        <Select
          allowClear
          value={f.state}
          onChange={(v?: string) => list.setFilters({ state: v })}
          options={INCOMING_STATES.map((s) => ({ value: s, label: t(`documentsIn.states.${s}`) }))}
          placeholder={t('common.status')}
          style={{ width: 160 }}
          data-testid="documents-in-filter-state"
        />
        <Select
          allowClear
          value={f.urgency}
          onChange={(v?: string) => list.setFilters({ urgency: v })}
          options={URGENCIES.map((u) => ({ value: u, label: t(`documentsIn.urgency.${u}`) }))}
          placeholder={t('documentsIn.fields.urgency')}
          style={{ width: 150 }}
          data-testid="documents-in-filter-urgency"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={f.documentType}
          onChange={(v?: string) => list.setFilters({ documentType: v })}
          options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: d.name }))}
          placeholder={t('documentsIn.fields.documentType')}
          style={{ width: 170 }}
          data-testid="documents-in-filter-type"
        />
        <OrganizationSelect
          allowClear
          value={f.senderOrganizationId}
          onChange={(v) => list.setFilters({ senderOrganizationId: v })}
          placeholder={t('documentsIn.fields.sender')}
          style={{ width: 240 }}
          testId="documents-in-filter-sender"
        />
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
          onChange={(range) =>
            list.setFilters({
              from: range?.[0]?.format('YYYY-MM-DD') ?? null,
              to: range?.[1]?.format('YYYY-MM-DD') ?? null,
            })
          }
          placeholder={[t('documentsIn.arrivedFrom'), t('documentsIn.arrivedTo')]}
          allowEmpty={[true, true]}
          data-testid="documents-in-filter-dates"
        />
      </FilterBar>
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, query.error)}
          style={{ marginBottom: 16 }}
          data-testid="documents-in-error"
        />
      ) : null}
      <DocumentTable
        rows={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        testId="documents-in-table"
      />
    </>
  )
}
