/** Create or edit a user account. Units apply only to people of our own organization. */
import { useEffect, useState } from 'react'
import { App, Form, Input, Select } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ROLES } from '@common/domain'
import {
  ZCreateUser,
  ZUpdateUser,
  type TCreateUser,
  type TUpdateUser,
  type TUser,
  type TUserWithPassword,
} from '@common/contracts/users'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { applyServerError, parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { FormDrawer } from '../../components/form-drawer.tsx'
import { OrganizationSelect } from '../organizations/organization-select.tsx'
import { useOwnOrganization } from '../organizations/use-organizations.ts'
import { UnitTreeSelect } from '../units/unit-tree-select.tsx'

type Values = {
  username?: string
  fullName?: string
  email?: string
  phone?: string
  organizationId?: string
  unitId?: string | null
  position?: string
  roles?: string[]
}

export const USERS_KEY = ['users'] as const

export function UserForm({
  open,
  user,
  onClose,
  onCreated,
}: {
  open: boolean
  user: TUser | null
  onClose: () => void
  onCreated: (result: TUserWithPassword) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const own = useOwnOrganization()
  const [error, setError] = useState<string | null>(null)
  const [isOwnOrg, setIsOwnOrg] = useState<boolean | null>(null)
  const organizationId = Form.useWatch('organizationId', form)

  // Until the user picks another organization, "own" is known by comparing with our organization's id.
  const showUnit = isOwnOrg ?? (own.data ? organizationId === own.data.id : false)

  useEffect(() => {
    if (open && !user && own.data && !form.getFieldValue('organizationId')) {
      form.setFieldValue('organizationId', own.data.id)
    }
  }, [open, user, own.data, form])

  const save = useMutation({
    mutationFn: async (body: TCreateUser | TUpdateUser): Promise<TUser | TUserWithPassword> =>
      user ? api.users.update(user.id, body) : api.users.create(body as TCreateUser),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY })
      if ('temporaryPassword' in result) {
        message.success(t('users.created', { name: result.user.fullName }))
        onCreated(result)
      } else {
        message.success(t('users.updated', { name: result.fullName }))
      }
      onClose()
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t, { USERNAME_TAKEN: 'username' })
      setError(onField ? null : errorText(t, e))
    },
  })

  function submit() {
    setError(null)
    const v = form.getFieldsValue()
    const common = {
      fullName: v.fullName ?? '',
      email: v.email ?? '',
      phone: v.phone,
      organizationId: v.organizationId ?? '',
      unitId: showUnit ? (v.unitId ?? null) : null,
      position: v.position,
      roles: v.roles ?? [],
    }
    const parsed = user
      ? parseForm(form, ZUpdateUser, common, t)
      : parseForm(form, ZCreateUser, { ...common, username: v.username ?? '' }, t)
    if (parsed) save.mutate(parsed)
  }

  return (
    <FormDrawer
      open={open}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      error={error}
      submitLabel={user ? t('common.save') : t('users.createSubmit')}
      testId="user-form"
    >
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        requiredMark="optional"
        initialValues={
          user
            ? {
                fullName: user.fullName,
                email: user.email ?? undefined,
                phone: user.phone ?? undefined,
                organizationId: user.organizationId,
                unitId: user.unitId,
                position: user.position ?? undefined,
                roles: user.roles,
              }
            : { roles: ['specialist'] }
        }
      >
        {user ? null : (
          <Form.Item
            name="username"
            label={t('users.fields.username')}
            required
            extra={t('users.usernameHelp')}
          >
            <Input
              autoCapitalize="none"
              spellCheck={false}
              autoComplete="off"
              data-testid="user-form-username"
            />
          </Form.Item>
        )}
        <Form.Item name="fullName" label={t('users.fields.fullName')} required>
          <Input data-testid="user-form-fullName" />
        </Form.Item>
        <Form.Item name="email" label={t('users.fields.email')}>
          <Input type="email" data-testid="user-form-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.fields.phone')}>
          <Input data-testid="user-form-phone" />
        </Form.Item>
        <Form.Item name="organizationId" label={t('users.fields.organization')} required>
          <OrganizationSelect
            initial={
              user
                ? { id: user.organizationId, name: user.organizationName }
                : own.data
                  ? { id: own.data.id, name: own.data.name }
                  : null
            }
            onChange={(_, org) => {
              setIsOwnOrg(org ? org.isOwn : null)
              if (!org?.isOwn) form.setFieldValue('unitId', null)
            }}
            testId="user-form-organization"
          />
        </Form.Item>
        {showUnit ? (
          <Form.Item name="unitId" label={t('users.fields.unit')}>
            <UnitTreeSelect testId="user-form-unit" />
          </Form.Item>
        ) : null}
        <Form.Item name="position" label={t('users.fields.position')}>
          <Input placeholder={t('users.positionPlaceholder')} data-testid="user-form-position" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.fields.roles')} required>
          <Select
            mode="multiple"
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="user-form-roles"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  )
}
