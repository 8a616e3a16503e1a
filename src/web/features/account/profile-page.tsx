/** Hồ sơ cá nhân: one's own name, email and phone; the rest is managed by the administrator. */
import { useState } from 'react'
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZUpdateProfile } from '@common/contracts/auth'
import { PageHeader } from '../../components/page-header.tsx'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useRequiredSession, useSetSession } from '../../lib/session.ts'
import { applyServerError, parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { RoleTags } from '../users/role-tags.tsx'

type Values = { fullName?: string; email?: string; phone?: string }

export function ProfilePage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const session = useRequiredSession()
  const setSession = useSetSession()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string | null>(null)
  const { user } = session

  const save = useMutation({
    mutationFn: api.auth.updateProfile,
    onSuccess: (next) => {
      setSession(next)
      message.success(t('account.profile.saved'))
    },
    onError: (e) => {
      const onField = e instanceof ApiError && applyServerError(form, e, t)
      setError(onField ? null : errorText(t, e))
    },
  })

  function submit(values: Values) {
    setError(null)
    const body = parseForm(
      form,
      ZUpdateProfile,
      { fullName: values.fullName ?? '', email: values.email ?? '', phone: values.phone ?? '' },
      t,
    )
    if (body) save.mutate(body)
  }

  return (
    <>
      <PageHeader title={t('nav.profile')} subtitle={t('account.profile.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.profile.editTitle')}>
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
            <Form
              form={form}
              onValuesChange={clearErrorsOnChange(form)}
              layout="vertical"
              requiredMark="optional"
              onFinish={submit}
              initialValues={{ fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '' }}
            >
              <Form.Item name="fullName" label={t('users.fields.fullName')} required>
                <Input data-testid="profile-fullName" />
              </Form.Item>
              <Form.Item name="email" label={t('users.fields.email')}>
                <Input type="email" data-testid="profile-email" />
              </Form.Item>
              <Form.Item name="phone" label={t('users.fields.phone')}>
                <Input data-testid="profile-phone" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="profile-submit">
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('account.profile.accountTitle')}>
            <Descriptions
              column={1}
              size="small"
              colon={false}
              styles={{ label: { minWidth: 120 } }}
              items={[
                {
                  key: 'username',
                  label: t('users.fields.username'),
                  children: <code>{user.username}</code>,
                },
                { key: 'org', label: t('users.fields.organization'), children: user.organizationName },
                { key: 'unit', label: t('users.fields.unit'), children: user.unitName ?? t('common.none') },
                {
                  key: 'position',
                  label: t('users.fields.position'),
                  children: user.position ?? t('common.none'),
                },
                { key: 'roles', label: t('users.fields.roles'), children: <RoleTags roles={user.roles} /> },
              ]}
            />
            <Alert
              type="info"
              showIcon
              title={t('account.profile.managedByAdmin')}
              style={{ marginTop: 12 }}
            />
          </Card>
        </Col>
      </Row>
    </>
  )
}
