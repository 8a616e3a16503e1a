/** Quản trị › Người dùng: accounts, with search, filters and the actions the server allows on each. */
import { useState } from 'react'
import {
  Alert,
  App,
  Button,
  Dropdown,
  Input,
  Select,
  Space,
  Table,
  Tooltip,
  type MenuProps,
  type TableColumnsType,
} from 'antd'
import { EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ROLES, type Role } from '@common/domain'
import type { TUser, TUserWithPassword } from '@common/contracts/users'
import { PageHeader } from '../../components/page-header.tsx'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { formatDateTime } from '../../lib/format.ts'
import { tablePagination, testId, useListParams } from '../../lib/list-params.ts'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { UnitTreeSelect } from '../units/unit-tree-select.tsx'
import { RoleTags } from './role-tags.tsx'
import { StatusTags } from './status-tags.tsx'
import { TemporaryPasswordModal, type IssuedPassword } from './temporary-password-modal.tsx'
import { USERS_KEY, UserForm } from './user-form.tsx'
import { countActive, FilterBar, useTableScroll } from '../../components/filter-bar.tsx'

const FILTERS = ['q', 'organizationId', 'unitId', 'role', 'isActive'] as const
type Action = 'disable' | 'enable' | 'resetPassword' | 'resetTotp' | 'unlock'

export function UsersPage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const list = useListParams(FILTERS)
  const scroll = useTableScroll()
  const { q, organizationId, unitId, role, isActive } = list.filters
  const [editing, setEditing] = useState<{ user: TUser | null } | null>(null)
  const [issued, setIssued] = useState<IssuedPassword | null>(null)

  const query = useQuery({
    queryKey: [...USERS_KEY, list.filters, list.page, list.pageSize],
    queryFn: () =>
      api.users.list({
        q,
        organizationId,
        unitId,
        role: ROLES.includes(role as Role) ? (role as Role) : undefined,
        isActive: isActive === 'true' ? true : isActive === 'false' ? false : undefined,
        page: list.page,
        pageSize: list.pageSize,
      }),
    placeholderData: keepPreviousData,
  })

  const act = useMutation({
    mutationFn: async ({
      user,
      action,
    }: {
      user: TUser
      action: Action
    }): Promise<TUser | TUserWithPassword> => {
      switch (action) {
        case 'disable':
          return api.users.disable(user.id)
        case 'enable':
          return api.users.enable(user.id)
        case 'resetPassword':
          return api.users.resetPassword(user.id)
        case 'resetTotp':
          return api.users.resetTotp(user.id)
        case 'unlock':
          return api.users.unlock(user.id)
      }
    },
    onSuccess: (result, { action }) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY })
      const user = 'temporaryPassword' in result ? result.user : result
      message.success(t(`users.done.${action}`, { name: user.fullName }))
      if ('temporaryPassword' in result && result.temporaryPassword) {
        setIssued({
          username: user.username,
          fullName: user.fullName,
          password: result.temporaryPassword,
          isNew: false,
        })
      }
    },
    onError: (e) => message.error(errorText(t, e)),
  })

  function confirm(user: TUser, action: Action) {
    modal.confirm({
      title: t(`users.confirm.${action}Title`),
      content: t(`users.confirm.${action}`, { name: user.fullName, username: user.username }),
      okText: t(`users.actions.${action}`),
      okButtonProps: { danger: action === 'disable' || action === 'resetTotp', ...testId('confirm-ok') },
      cancelText: t('common.cancel'),
      onOk: () => act.mutateAsync({ user, action }),
    })
  }

  function rowMenu(user: TUser): MenuProps['items'] {
    const entries: { action: Action; allowed: boolean; danger?: boolean }[] = [
      { action: 'resetPassword', allowed: user.abilities.resetPassword },
      { action: 'resetTotp', allowed: user.abilities.resetTotp, danger: true },
      { action: 'unlock', allowed: user.abilities.unlock },
      { action: 'enable', allowed: user.abilities.enable },
      { action: 'disable', allowed: user.abilities.disable, danger: true },
    ]
    return entries
      .filter((e) => e.allowed)
      .map((e) => ({
        key: e.action,
        danger: e.danger === true,
        label: <span data-testid={`user-action-${e.action}`}>{t(`users.actions.${e.action}`)}</span>,
        onClick: () =>
          e.action === 'enable' || e.action === 'unlock'
            ? act.mutate({ user, action: e.action })
            : confirm(user, e.action),
      }))
  }

  const columns: TableColumnsType<TUser> = [
    {
      title: t('users.fields.fullName'),
      dataIndex: 'fullName',
      render: (_, u) => (
        <div>
          <div style={{ fontWeight: 500 }}>{u.fullName}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
            <code>{u.username}</code>
            {u.email ? ` · ${u.email}` : ''}
          </div>
        </div>
      ),
    },
    {
      title: t('users.fields.placement'),
      key: 'placement',
      responsive: ['md'],
      render: (_, u) => (
        <div style={{ fontSize: 13 }}>
          <div>{u.unitName ?? u.organizationName}</div>
          {u.position ? <div style={{ color: 'rgba(0,0,0,0.55)' }}>{u.position}</div> : null}
        </div>
      ),
    },
    {
      title: t('users.fields.roles'),
      dataIndex: 'roles',
      responsive: ['lg'],
      render: (roles: string[]) => <RoleTags roles={roles} />,
    },
    { title: t('common.status'), key: 'status', render: (_, u) => <StatusTags user={u} /> },
    {
      title: t('users.fields.lastLogin'),
      dataIndex: 'lastLoginAt',
      responsive: ['xl'],
      width: 150,
      render: (v: string | null) =>
        v ? formatDateTime(v) : <span style={{ color: 'rgba(0,0,0,0.4)' }}>{t('users.neverSignedIn')}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, u) => {
        const items = rowMenu(u)
        return (
          <Space size={4}>
            {u.abilities.update ? (
              <Tooltip title={t('common.edit')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => setEditing({ user: u })}
                  data-testid="user-edit"
                />
              </Tooltip>
            ) : null}
            {items && items.length > 0 ? (
              <Dropdown trigger={['click']} menu={{ items }} placement="bottomRight">
                <Button
                  size="small"
                  type="text"
                  icon={<MoreOutlined />}
                  aria-label={t('common.more')}
                  data-testid="user-more"
                />
              </Dropdown>
            ) : null}
          </Space>
        )
      },
    },
  ]

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={t('users.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ user: null })}
            data-testid="users-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <FilterBar
        active={countActive(organizationId, unitId, role, isActive)}
        search={
          <Input.Search
            key={q ?? ''}
            className="filter-search"
            allowClear
            defaultValue={q}
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => list.setFilters({ q: value.trim() })}
            data-testid="users-search"
          />
        }
      >
        <OrganizationSelect
          value={organizationId}
          allowClear
          onChange={(id) => list.setFilters({ organizationId: id, unitId: null })}
          style={{ width: 240 }}
          testId="users-filter-organization"
        />
        <div className="filter-unit">
          <UnitTreeSelect
            value={unitId}
            onChange={(id) => list.setFilters({ unitId: id })}
            testId="users-filter-unit"
          />
        </div>
        <Select
          allowClear
          value={role}
          placeholder={t('users.fields.roles')}
          onChange={(value?: string) => list.setFilters({ role: value })}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          data-testid="users-filter-role"
        />
        <Select
          allowClear
          value={isActive}
          placeholder={t('common.status')}
          onChange={(value?: string) => list.setFilters({ isActive: value })}
          options={[
            { value: 'true', label: t('users.status.active') },
            { value: 'false', label: t('users.status.disabled') },
          ]}
          data-testid="users-filter-status"
        />
      </FilterBar>
      {query.isError ? (
        <Alert type="error" showIcon title={errorText(t, query.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<TUser>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={tablePagination(t, list, query.data?.total)}
        onRow={(u) => testId(`user-row-${u.username}`)}
        scroll={scroll}
        data-testid="users-table"
      />
      <UserForm
        key={editing?.user?.id ?? 'new'}
        open={editing !== null}
        user={editing?.user ?? null}
        onClose={() => setEditing(null)}
        onCreated={(result) => {
          if (result.temporaryPassword) {
            setIssued({
              username: result.user.username,
              fullName: result.user.fullName,
              password: result.temporaryPassword,
              isNew: true,
            })
          }
        }}
      />
      <TemporaryPasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  )
}
