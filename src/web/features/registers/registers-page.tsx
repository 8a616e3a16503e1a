/** Sổ văn bản đến: the incoming registers, with the last number given this year; create and edit. */
import { useState } from 'react'
import { Alert, App, Button, Form, Input, Switch, Table, Tag, Tooltip, type TableColumnsType } from 'antd'
import { EditOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZRegisterInput, ZRegisterUpdate, type TRegister } from '@common/contracts/documents-in'
import { FormDrawer } from '../../components/form-drawer.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { useTableScroll } from '../../components/filter-bar.tsx'
import { ApiError, docApi } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { applyServerError, clearErrorsOnChange, parseForm } from '../../lib/validation.ts'
import { REGISTERS_KEY } from '../documents-in/keys.ts'
import { RegisterExportDialog } from './export-dialog.tsx'
import { useIncomingRegisters } from './use-registers.ts'
import '../documents-in/documents-in.css'

type Values = { code?: string; name?: string; description?: string; isActive?: boolean }

function RegisterForm({ register, onClose }: { register: TRegister | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (v: Values) => {
      if (register) {
        const body = parseForm(
          form,
          ZRegisterUpdate,
          { name: v.name ?? '', description: v.description ?? null, isActive: v.isActive ?? true },
          t,
        )
        return body ? docApi.registers.update(register.id, body) : Promise.resolve(null)
      }
      const body = parseForm(
        form,
        ZRegisterInput,
        { kind: 'incoming', code: v.code ?? '', name: v.name ?? '', description: v.description ?? null },
        t,
      )
      return body ? docApi.registers.create(body) : Promise.resolve(null)
    },
    onSuccess: (saved) => {
      if (!saved) return
      void queryClient.invalidateQueries({ queryKey: REGISTERS_KEY })
      message.success(t('registers.saved', { name: saved.name }))
      onClose()
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t, { CONFLICT: 'code' })
      setError(onField ? null : errorText(t, e))
    },
  })
  return (
    <FormDrawer
      open
      title={register ? t('registers.editTitle') : t('registers.createTitle')}
      onClose={onClose}
      onSubmit={() => {
        setError(null)
        save.mutate(form.getFieldsValue())
      }}
      submitting={save.isPending}
      error={error}
      testId="register-form"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={
          register
            ? {
                code: register.code,
                name: register.name,
                description: register.description ?? undefined,
                isActive: register.isActive,
              }
            : { isActive: true }
        }
      >
        <Form.Item
          name="code"
          label={t('registers.fields.code')}
          required={!register}
          extra={register ? t('registers.codeFixed') : t('registers.codeHelp')}
        >
          <Input
            disabled={Boolean(register)}
            autoCapitalize="none"
            spellCheck={false}
            data-testid="register-form-code"
          />
        </Form.Item>
        <Form.Item name="name" label={t('registers.fields.name')} required>
          <Input placeholder={t('registers.namePlaceholder')} data-testid="register-form-name" />
        </Form.Item>
        <Form.Item name="description" label={t('registers.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="register-form-description" />
        </Form.Item>
        {register ? (
          <Form.Item name="isActive" label={t('common.status')} valuePropName="checked">
            <Switch
              checkedChildren={t('common.active')}
              unCheckedChildren={t('common.inactive')}
              data-testid="register-form-active"
            />
          </Form.Item>
        ) : null}
      </Form>
    </FormDrawer>
  )
}

export function RegistersPage() {
  const { t } = useTranslation()
  const registers = useIncomingRegisters()
  const scroll = useTableScroll()
  const [editing, setEditing] = useState<{ register: TRegister | null } | null>(null)
  const [exporting, setExporting] = useState<TRegister | null>(null)
  const year = new Date().getFullYear()
  const columns: TableColumnsType<TRegister> = [
    {
      title: t('registers.fields.code'),
      dataIndex: 'code',
      width: 140,
      render: (v: string) => <code>{v}</code>,
    },
    {
      title: t('registers.fields.name'),
      dataIndex: 'name',
      render: (_, r) => (
        <div>
          <div style={{ fontWeight: 500 }}>{r.name}</div>
          {r.description ? <div className="doc-muted">{r.description}</div> : null}
        </div>
      ),
    },
    {
      title: t('registers.lastNumber', { year }),
      dataIndex: 'lastNumberThisYear',
      width: 160,
      align: 'right',
      render: (n: number) => (
        <span style={{ fontSize: 16, fontWeight: 600 }} data-testid="register-last-number">
          {n}
        </span>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      width: 150,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) =>
        r.abilities.update ? (
          <>
            <Tooltip title={t('common.edit')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => setEditing({ register: r })}
                data-testid="register-edit"
              />
            </Tooltip>
            {r.kind === 'incoming' ? (
              <Tooltip title={t('registers.export.action')}>
                <Button
                  size="small"
                  type="text"
                  icon={<PrinterOutlined />}
                  aria-label={t('registers.export.action')}
                  onClick={() => setExporting(r)}
                  data-testid="register-export"
                />
              </Tooltip>
            ) : null}
          </>
        ) : null,
    },
  ]
  return (
    <>
      <PageHeader
        title={t('nav.registers')}
        subtitle={t('registers.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ register: null })}
            data-testid="registers-create"
          >
            {t('registers.create')}
          </Button>
        }
      />
      {registers.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, registers.error)}
          style={{ marginBottom: 16 }}
          data-testid="registers-error"
        />
      ) : null}
      <Table<TRegister>
        rowKey="id"
        columns={columns}
        dataSource={registers.data?.items ?? []}
        loading={registers.isFetching}
        pagination={false}
        scroll={scroll}
        onRow={(r) => ({ 'data-testid': `register-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
        data-testid="registers-table"
      />
      {editing ? <RegisterForm register={editing.register} onClose={() => setEditing(null)} /> : null}
      {exporting ? <RegisterExportDialog register={exporting} onClose={() => setExporting(null)} /> : null}
    </>
  )
}
