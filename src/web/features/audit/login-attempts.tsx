/** Sign-in attempts: who tried, from where, and whether it worked. */
import { Alert, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TLoginAttemptPage } from '../../lib/api.ts'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { tablePagination, useListParams } from '../../lib/list-params.ts'
import { loginReasonLabel } from './audit-labels.ts'
import { countActive, FilterBar, useTableScroll } from '../../components/filter-bar.tsx'

type Attempt = TLoginAttemptPage['items'][number]
const FILTERS = ['username', 'ip', 'isSuccess'] as const

export function LoginAttempts() {
  const { t, i18n } = useTranslation()
  const list = useListParams(FILTERS)
  const scroll = useTableScroll()
  const f = list.filters
  const query = useQuery({
    queryKey: ['audit', 'login-attempts', f, list.page, list.pageSize],
    queryFn: () =>
      api.audit.loginAttempts({
        username: f.username,
        ip: f.ip,
        isSuccess: f.isSuccess === 'true' ? true : f.isSuccess === 'false' ? false : undefined,
        page: list.page,
        pageSize: list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })

  const columns: TableColumnsType<Attempt> = [
    {
      title: t('audit.fields.time'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, true)}</span>,
    },
    { title: t('audit.fields.username'), dataIndex: 'username', render: (u: string) => <code>{u}</code> },
    {
      title: t('audit.fields.result'),
      dataIndex: 'isSuccess',
      render: (ok: boolean, a) => (
        <div>
          {ok ? (
            <Tag color="green">{t('audit.loginSuccess')}</Tag>
          ) : (
            <Tag color="red">{t('audit.loginFailure')}</Tag>
          )}
          {a.reason ? (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
              {loginReasonLabel(t, i18n, a.reason)}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('audit.fields.ip'),
      dataIndex: 'ip',
      render: (ip: string | null) => (ip ? <code>{ip}</code> : ''),
    },
    {
      title: t('audit.fields.userAgent'),
      dataIndex: 'userAgent',
      responsive: ['lg'],
      render: (ua: string | null) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: ua }} style={{ maxWidth: 320, fontSize: 12 }}>
          {ua ?? ''}
        </Typography.Text>
      ),
    },
  ]

  return (
    <>
      <FilterBar
        active={countActive(f.ip, f.isSuccess)}
        search={
          <Input.Search
            key={`u-${f.username ?? ''}`}
            className="filter-search"
            allowClear
            defaultValue={f.username}
            placeholder={t('audit.fields.username')}
            onSearch={(v) => list.setFilters({ username: v.trim() })}
            data-testid="logins-filter-username"
          />
        }
      >
        <Input.Search
          key={`ip-${f.ip ?? ''}`}
          allowClear
          defaultValue={f.ip}
          placeholder={t('audit.fields.ip')}
          onSearch={(v) => list.setFilters({ ip: v.trim() })}
          style={{ width: 200 }}
          data-testid="logins-filter-ip"
        />
        <Select
          allowClear
          value={f.isSuccess}
          placeholder={t('audit.fields.result')}
          onChange={(value?: string) => list.setFilters({ isSuccess: value })}
          options={[
            { value: 'true', label: t('audit.loginSuccess') },
            { value: 'false', label: t('audit.loginFailure') },
          ]}
          data-testid="logins-filter-result"
        />
      </FilterBar>
      {query.isError ? (
        <Alert type="error" showIcon title={errorText(t, query.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<Attempt>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        scroll={scroll}
        data-testid="logins-table"
      />
    </>
  )
}
