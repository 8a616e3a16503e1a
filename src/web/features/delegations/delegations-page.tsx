/**
 * Ủy quyền: administrators see and manage every delegation; a leader or committee member sees
 * and manages their own ("Ủy quyền của tôi").
 */
import { useState } from 'react'
import { Alert, App, Button, Select, Table, Tag, type TableColumnsType } from 'antd'
import { PlusOutlined, RollbackOutlined } from '@ant-design/icons'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TDelegation } from '@common/contracts/delegations'
import { PageHeader } from '../../components/page-header.tsx'
import { api, type TDelegationStatus } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { testId, useListParams } from '../../lib/list-params.ts'
import { useRequiredSession } from '../../lib/session.ts'
import { UserPicker } from '../users/user-picker.tsx'
import { DELEGATIONS_KEY, DelegationForm } from './delegation-form.tsx'
import { ScopeTags } from './scope-tags.tsx'
import { countActive, FilterBar, useTableScroll } from '../../components/filter-bar.tsx'

const STATUSES: TDelegationStatus[] = ['active', 'scheduled', 'expired', 'revoked']
const STATUS_COLORS: Record<TDelegationStatus, string> = {
  active: 'green',
  scheduled: 'blue',
  expired: 'default',
  revoked: 'red',
}
const FILTERS = ['status', 'userId'] as const

function DelegationsView({ mode }: { mode: 'admin' | 'mine' }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const session = useRequiredSession()
  const queryClient = useQueryClient()
  const list = useListParams(FILTERS)
  const scroll = useTableScroll()
  const status = STATUSES.includes(list.filters.status as TDelegationStatus)
    ? (list.filters.status as TDelegationStatus)
    : undefined
  const userId = mode === 'mine' ? session.user.id : list.filters.userId
  const [creating, setCreating] = useState(false)

  const query = useQuery({
    queryKey: [...DELEGATIONS_KEY, { status, userId }],
    queryFn: () => api.delegations.list({ status, userId }),
    placeholderData: keepPreviousData,
  })

  const revoke = useMutation({
    mutationFn: (d: TDelegation) => api.delegations.revoke(d.id),
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: DELEGATIONS_KEY })
      message.success(t('delegations.revoked', { delegate: d.delegateName }))
    },
    onError: (e) => message.error(errorText(t, e)),
  })

  function confirmRevoke(d: TDelegation) {
    modal.confirm({
      title: t('delegations.revokeConfirmTitle'),
      content: t('delegations.revokeConfirm', { principal: d.principalName, delegate: d.delegateName }),
      okText: t('delegations.revoke'),
      okButtonProps: { danger: true, ...testId('confirm-ok') },
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync(d),
    })
  }

  const columns: TableColumnsType<TDelegation> = [
    {
      title: t('delegations.fields.principal'),
      dataIndex: 'principalName',
      minWidth: 150,
      render: (name: string, d) => (d.principalId === session.user.id ? <strong>{name}</strong> : name),
    },
    {
      title: t('delegations.fields.delegate'),
      dataIndex: 'delegateName',
      minWidth: 150,
      render: (name: string, d) => (d.delegateId === session.user.id ? <strong>{name}</strong> : name),
    },
    {
      title: t('delegations.fields.scopes'),
      dataIndex: 'scopes',
      minWidth: 200,
      render: (s: string[]) => <ScopeTags scopes={s} />,
    },
    {
      title: t('delegations.fields.period'),
      key: 'period',
      render: (_, d) => (
        <div style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
          <div>{formatDateTime(d.startsAt)}</div>
          <div>{formatDateTime(d.endsAt)}</div>
        </div>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: TDelegationStatus) => <Tag color={STATUS_COLORS[s]}>{t(`delegations.status.${s}`)}</Tag>,
    },
    { title: t('delegations.fields.note'), dataIndex: 'note', minWidth: 200, responsive: ['lg'] },
    {
      title: t('delegations.fields.createdBy'),
      key: 'created',
      minWidth: 140,
      responsive: ['xl'],
      render: (_, d) => (
        <div style={{ fontSize: 13 }}>
          <div>{d.createdByName}</div>
          <div style={{ color: 'rgba(0,0,0,0.5)' }}>{formatDateTime(d.createdAt)}</div>
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, d) =>
        d.abilities.revoke ? (
          <Button
            size="small"
            danger
            icon={<RollbackOutlined />}
            onClick={() => confirmRevoke(d)}
            data-testid="delegation-revoke"
          >
            {t('delegations.revoke')}
          </Button>
        ) : null,
    },
  ]

  return (
    <>
      <PageHeader
        title={mode === 'mine' ? t('nav.myDelegations') : t('nav.delegations')}
        subtitle={mode === 'mine' ? t('delegations.mineSubtitle') : t('delegations.adminSubtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="delegations-create"
          >
            {t('delegations.create')}
          </Button>
        }
      />
      <FilterBar active={countActive(status, mode === 'admin' ? list.filters.userId : undefined)}>
        <Select
          allowClear
          value={status}
          placeholder={t('common.status')}
          onChange={(value?: string) => list.setFilters({ status: value })}
          options={STATUSES.map((s) => ({ value: s, label: t(`delegations.status.${s}`) }))}
          data-testid="delegations-filter-status"
        />
        {mode === 'admin' ? (
          <UserPicker
            value={list.filters.userId}
            allowClear
            placeholder={t('delegations.filterUser')}
            onChange={(id) => list.setFilters({ userId: id })}
            style={{ width: 260 }}
            testId="delegations-filter-user"
          />
        ) : null}
      </FilterBar>
      {query.isError ? (
        <Alert type="error" showIcon title={errorText(t, query.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<TDelegation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (n) => t('common.total', { total: n }),
        }}
        onRow={(d) => testId(`delegation-row-${d.id}`)}
        scroll={scroll}
        data-testid="delegations-table"
      />
      <DelegationForm
        open={creating}
        principal={mode === 'mine' ? { id: session.user.id, fullName: session.user.fullName } : null}
        onClose={() => setCreating(false)}
      />
    </>
  )
}

export function DelegationsAdminPage() {
  return <DelegationsView mode="admin" />
}

export function MyDelegationsPage() {
  return <DelegationsView mode="mine" />
}
