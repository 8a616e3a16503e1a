/** Quản trị › Cơ quan ngoài: the directory of organizations, with create, edit, disable and CSV import. */
import { useState } from 'react'
import { App, Button, Space, Tooltip } from 'antd'
import {
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  UploadOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TOrganization } from '@common/contracts/organizations'
import { PageHeader } from '../../components/page-header.tsx'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { testId } from '../../lib/list-params.ts'
import { ImportDialog } from './import-dialog.tsx'
import { OrganizationDetails } from './organization-details.tsx'
import { OrganizationForm } from './organization-form.tsx'
import { OrganizationTable } from './organization-table.tsx'
import { ORGANIZATIONS_KEY } from './use-organizations.ts'

type Editing = { organization: TOrganization | null } | null

export function OrganizationsAdminPage() {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState<Editing>(null)
  const [importing, setImporting] = useState(false)
  const [open, setOpen] = useState<TOrganization | null>(null)

  const setActive = useMutation({
    mutationFn: ({ org, isActive }: { org: TOrganization; isActive: boolean }) =>
      api.organizations.update(org.id, { isActive }),
    onSuccess: (org) => {
      void queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY })
      message.success(
        t(org.isActive ? 'organizations.enabled' : 'organizations.disabled', { name: org.name }),
      )
    },
    onError: (e) => message.error(errorText(t, e)),
  })

  function confirmDisable(org: TOrganization) {
    modal.confirm({
      title: t('organizations.disableConfirmTitle'),
      content: t('organizations.disableConfirm', { name: org.name }),
      okText: t('common.disable'),
      okButtonProps: { danger: true, ...testId('confirm-ok') },
      cancelText: t('common.cancel'),
      onOk: () => setActive.mutateAsync({ org, isActive: false }),
    })
  }

  return (
    <>
      <PageHeader
        title={t('nav.organizations')}
        subtitle={t('organizations.adminSubtitle')}
        extra={
          <>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="organizations-import"
            >
              {t('organizations.import.open')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ organization: null })}
              data-testid="organizations-create"
            >
              {t('organizations.create')}
            </Button>
          </>
        }
      />
      <OrganizationTable
        withStatusFilter
        onOpen={setOpen}
        actions={(org) => (
          <Space size={4}>
            {org.abilities.update ? (
              <Tooltip title={t('common.edit')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  onClick={() => setEditing({ organization: org })}
                  data-testid="organization-edit"
                />
              </Tooltip>
            ) : null}
            {org.isActive && org.abilities.disable ? (
              <Tooltip title={t('common.disable')}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<StopOutlined />}
                  aria-label={t('common.disable')}
                  onClick={() => confirmDisable(org)}
                  data-testid="organization-disable"
                />
              </Tooltip>
            ) : null}
            {!org.isActive && org.abilities.update ? (
              <Tooltip title={t('common.enable')}>
                <Button
                  size="small"
                  type="text"
                  icon={<CheckCircleOutlined />}
                  aria-label={t('common.enable')}
                  onClick={() => setActive.mutate({ org, isActive: true })}
                  data-testid="organization-enable"
                />
              </Tooltip>
            ) : null}
          </Space>
        )}
      />
      <OrganizationForm
        key={editing?.organization?.id ?? 'new'}
        open={editing !== null}
        organization={editing?.organization ?? null}
        onClose={() => setEditing(null)}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
      <OrganizationDetails organization={open} onClose={() => setOpen(null)} />
    </>
  )
}
