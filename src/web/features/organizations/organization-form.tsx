/** Create or edit an outside organization (our own keeps its kind). */
import { useState } from 'react'
import { App, Form, Input, Select } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ORGANIZATION_KINDS } from '@common/domain'
import {
  ZOrganizationInput,
  ZOrganizationUpdate,
  type TOrganization,
  type TOrganizationInput,
  type TOrganizationUpdate,
} from '@common/contracts/organizations'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { applyServerError, parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { FormDrawer } from '../../components/form-drawer.tsx'
import { ORGANIZATIONS_KEY } from './use-organizations.ts'

type Values = {
  code?: string
  name?: string
  shortName?: string
  kind?: string
  email?: string
  phone?: string
  address?: string
  endpoint?: string
  certificatePem?: string
}

const blank = (v: string | null | undefined) => v ?? undefined

export function OrganizationForm({
  open,
  organization,
  onClose,
}: {
  open: boolean
  organization: TOrganization | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [error, setError] = useState<string | null>(null)
  const isEdit = organization !== null
  const isOwn = organization?.isOwn === true

  const save = useMutation({
    mutationFn: (body: TOrganizationUpdate) =>
      organization
        ? api.organizations.update(organization.id, body)
        : api.organizations.create(body as TOrganizationInput),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY })
      message.success(t(isEdit ? 'organizations.updated' : 'organizations.created', { name: saved.name }))
      onClose()
    },
    onError: (e) => {
      const onField =
        e instanceof ApiError && applyServerError(form, e, t, { ORGANIZATION_CODE_TAKEN: 'code' })
      setError(onField ? null : errorText(t, e))
    },
  })

  function submit() {
    setError(null)
    const values = form.getFieldsValue()
    const body = {
      code: values.code?.trim() ? values.code : null,
      name: values.name ?? '',
      shortName: values.shortName,
      email: values.email ?? '',
      phone: values.phone,
      address: values.address,
      endpoint: values.endpoint ?? '',
      // Our own exchange certificate is the server's (Quản trị › Liên thông), never typed here.
      ...(isOwn
        ? {}
        : { certificatePem: values.certificatePem?.trim() ? values.certificatePem.trim() : null }),
      ...(isOwn ? {} : { kind: values.kind }),
    }
    const parsed = organization
      ? parseForm(form, ZOrganizationUpdate, body, t)
      : parseForm(form, ZOrganizationInput, body, t)
    if (parsed) save.mutate(parsed)
  }

  return (
    <FormDrawer
      open={open}
      title={isEdit ? t('organizations.editTitle') : t('organizations.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      error={error}
      testId="organization-form"
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        requiredMark="optional"
        initialValues={
          organization
            ? {
                code: blank(organization.code),
                name: organization.name,
                shortName: blank(organization.shortName),
                kind: organization.kind,
                email: blank(organization.email),
                phone: blank(organization.phone),
                address: blank(organization.address),
                endpoint: blank(organization.endpoint),
                certificatePem: blank(organization.certificatePem),
              }
            : { kind: 'ministry' }
        }
      >
        <Form.Item name="name" label={t('organizations.fields.name')} required>
          <Input data-testid="organization-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('organizations.fields.shortName')}>
          <Input data-testid="organization-form-shortName" />
        </Form.Item>
        <Form.Item name="code" label={t('organizations.fields.code')} extra={t('organizations.codeHelp')}>
          <Input placeholder="000.00.00.G38" data-testid="organization-form-code" />
        </Form.Item>
        {isOwn ? null : (
          <Form.Item name="kind" label={t('organizations.fields.kind')} required>
            <Select
              data-testid="organization-form-kind"
              options={ORGANIZATION_KINDS.filter((k) => k !== 'own').map((k) => ({
                value: k,
                label: t(`organizationKinds.${k}`),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('organizations.fields.email')}>
          <Input type="email" data-testid="organization-form-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('organizations.fields.phone')}>
          <Input data-testid="organization-form-phone" />
        </Form.Item>
        <Form.Item name="address" label={t('organizations.fields.address')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="organization-form-address" />
        </Form.Item>
        <Form.Item
          name="endpoint"
          label={t('organizations.fields.endpoint')}
          extra={t('organizations.endpointHelp')}
        >
          <Input placeholder="https://" data-testid="organization-form-endpoint" />
        </Form.Item>
        {isOwn ? null : (
          <Form.Item
            name="certificatePem"
            label={t('organizations.fields.certificatePem')}
            extra={t('organizations.certificatePemHelp')}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
              spellCheck={false}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              data-testid="organization-form-certificatePem"
            />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  )
}
