/** The organization list shared by the directory (read-only) and the administration page. */
import type { ReactNode } from 'react'
import { Alert, Input, Select, Table, Tag, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { ORGANIZATION_KINDS, type OrganizationKind } from '@common/domain'
import type { TOrganization } from '@common/contracts/organizations'
import { errorText } from '../../lib/errors.ts'
import { tablePagination, testId, useListParams } from '../../lib/list-params.ts'
import { ExchangeTags, KindTag } from './kind-tag.tsx'
import { useOrganizationList } from './use-organizations.ts'
import { countActive, FilterBar, useTableScroll } from '../../components/filter-bar.tsx'

const FILTERS = ['q', 'kind', 'isActive'] as const

export function OrganizationTable({
  withStatusFilter = false,
  actions,
  onOpen,
}: {
  withStatusFilter?: boolean
  actions?: (org: TOrganization) => ReactNode
  onOpen?: (org: TOrganization) => void
}) {
  const { t } = useTranslation()
  const list = useListParams(FILTERS)
  const scroll = useTableScroll()
  const { q, kind, isActive } = list.filters
  const query = useOrganizationList({
    q,
    kind: ORGANIZATION_KINDS.includes(kind as OrganizationKind) ? (kind as OrganizationKind) : undefined,
    isActive: withStatusFilter
      ? isActive === 'true'
        ? true
        : isActive === 'false'
          ? false
          : undefined
      : true,
    page: list.page,
    pageSize: list.pageSize,
  })

  const columns: TableColumnsType<TOrganization> = [
    {
      title: t('organizations.fields.name'),
      dataIndex: 'name',
      render: (_, org) => (
        <div>
          {onOpen ? (
            <a onClick={() => onOpen(org)} data-testid="organization-open">
              {org.name}
            </a>
          ) : (
            org.name
          )}
          {org.shortName ? (
            <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>{org.shortName}</div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('organizations.fields.code'),
      dataIndex: 'code',
      width: 150,
      responsive: ['md'],
      render: (code: string | null) => (code ? <code>{code}</code> : null),
    },
    {
      title: t('organizations.fields.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (k: OrganizationKind) => <KindTag kind={k} />,
    },
    {
      title: t('organizations.fields.contact'),
      key: 'contact',
      responsive: ['lg'],
      render: (_, org) => (
        <div style={{ fontSize: 13 }}>
          {org.email ? <div>{org.email}</div> : null}
          {org.phone ? <div>{org.phone}</div> : null}
        </div>
      ),
    },
    {
      title: t('organizations.fields.exchange'),
      key: 'exchange',
      width: 140,
      responsive: ['lg'],
      render: (_, org) => <ExchangeTags organization={org} />,
    },
    ...(withStatusFilter
      ? [
          {
            title: t('common.status'),
            dataIndex: 'isActive',
            width: 130,
            render: (active: boolean) =>
              active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
          },
        ]
      : []),
    ...(actions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, org: TOrganization) => actions(org),
          },
        ]
      : []),
  ]

  return (
    <>
      <FilterBar
        active={countActive(kind, withStatusFilter ? isActive : undefined)}
        search={
          <Input.Search
            className="filter-search"
            allowClear
            key={q ?? ''}
            defaultValue={q}
            placeholder={t('organizations.searchPlaceholder')}
            onSearch={(value) => list.setFilters({ q: value.trim() })}
            data-testid="organizations-search"
          />
        }
      >
        <Select
          allowClear
          value={kind}
          placeholder={t('organizations.fields.kind')}
          onChange={(value?: string) => list.setFilters({ kind: value })}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKinds.${k}`) }))}
          data-testid="organizations-kind-filter"
        />
        {withStatusFilter ? (
          <Select
            allowClear
            value={isActive}
            placeholder={t('common.status')}
            onChange={(value?: string) => list.setFilters({ isActive: value })}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
            data-testid="organizations-status-filter"
          />
        ) : null}
      </FilterBar>
      {query.isError ? (
        <Alert type="error" showIcon title={errorText(t, query.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<TOrganization>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        onRow={(org) => testId(`organization-row-${org.code ?? org.id}`)}
        scroll={scroll}
        data-testid="organizations-table"
      />
    </>
  )
}
