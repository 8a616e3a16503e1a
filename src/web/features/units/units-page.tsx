/** Quản trị › Đơn vị: the unit tree of our organization. */
import { useMemo, useState } from 'react'
import { Alert, App, Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd'
import {
  CheckCircleOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  SubnodeOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TUnit } from '@common/contracts/organizations'
import { PageHeader } from '../../components/page-header.tsx'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { testId } from '../../lib/list-params.ts'
import { buildUnitTree, UNITS_KEY, useUnits, type UnitNode } from './unit-tree.ts'
import { UnitForm, type UnitEditing } from './unit-form.tsx'

export function UnitsPage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const units = useUnits()
  const [editing, setEditing] = useState<UnitEditing | null>(null)
  const tree = useMemo(() => buildUnitTree(units.data?.items ?? []), [units.data])

  const setActive = useMutation({
    mutationFn: ({ unit, isActive }: { unit: TUnit; isActive: boolean }) =>
      api.units.update(unit.id, { isActive }),
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: UNITS_KEY })
      message.success(t(unit.isActive ? 'units.enabled' : 'units.disabled', { name: unit.name }))
    },
    onError: (e) => message.error(errorText(t, e)),
  })

  function confirmDisable(unit: TUnit) {
    modal.confirm({
      title: t('units.disableConfirmTitle'),
      content: t('units.disableConfirm', { name: unit.name }),
      okText: t('common.disable'),
      okButtonProps: { danger: true, ...testId('confirm-ok') },
      cancelText: t('common.cancel'),
      onOk: () => setActive.mutateAsync({ unit, isActive: false }),
    })
  }

  const columns: TableColumnsType<UnitNode> = [
    {
      title: t('units.fields.name'),
      dataIndex: 'name',
      render: (name: string, u) => (
        <span
          style={{
            fontWeight: u.depth === 0 ? 600 : 400,
            color: u.isActive ? undefined : 'rgba(0,0,0,0.45)',
          }}
        >
          {name}
          {u.shortName ? (
            <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 8 }}>({u.shortName})</span>
          ) : null}
        </span>
      ),
    },
    {
      title: t('units.fields.code'),
      dataIndex: 'code',
      width: 140,
      responsive: ['sm'],
      render: (c: string) => <code>{c}</code>,
    },
    {
      title: t('units.fields.userCount'),
      dataIndex: 'userCount',
      width: 120,
      align: 'right',
      responsive: ['md'],
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      width: 130,
      render: (a: boolean) =>
        a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, u) => (
        <Space size={4}>
          {u.abilities.update && u.isActive ? (
            <Tooltip title={t('units.addChild')}>
              <Button
                size="small"
                type="text"
                icon={<SubnodeOutlined />}
                aria-label={t('units.addChild')}
                onClick={() => setEditing({ unit: null, parentId: u.id })}
                data-testid="unit-add-child"
              />
            </Tooltip>
          ) : null}
          {u.abilities.update ? (
            <Tooltip title={t('common.edit')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing({ unit: u, parentId: u.parentId })}
                data-testid="unit-edit"
              />
            </Tooltip>
          ) : null}
          {u.isActive && u.abilities.disable ? (
            <Tooltip title={t('common.disable')}>
              <Button
                size="small"
                type="text"
                danger
                icon={<StopOutlined />}
                aria-label={t('common.disable')}
                onClick={() => confirmDisable(u)}
                data-testid="unit-disable"
              />
            </Tooltip>
          ) : null}
          {!u.isActive && u.abilities.update ? (
            <Tooltip title={t('common.enable')}>
              <Button
                size="small"
                type="text"
                icon={<CheckCircleOutlined />}
                aria-label={t('common.enable')}
                onClick={() => setActive.mutate({ unit: u, isActive: true })}
                data-testid="unit-enable"
              />
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        subtitle={t('units.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ unit: null, parentId: null })}
            data-testid="units-create"
          >
            {t('units.create')}
          </Button>
        }
      />
      {units.isError ? (
        <Alert type="error" showIcon title={errorText(t, units.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {tree.length > 0 ? (
        <Table<UnitNode>
          key={tree.length}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={units.isFetching}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          onRow={(u) => testId(`unit-row-${u.code}`)}
          scroll={{ x: 'max-content' }}
          data-testid="units-table"
        />
      ) : (
        <Table<UnitNode>
          rowKey="id"
          columns={columns}
          dataSource={[]}
          loading={units.isPending}
          pagination={false}
        />
      )}
      <UnitForm
        key={editing ? `${editing.unit?.id ?? 'new'}-${editing.parentId ?? ''}` : 'closed'}
        editing={editing}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
