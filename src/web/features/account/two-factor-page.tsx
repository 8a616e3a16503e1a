/** Xác thực hai lớp: turn it on (QR code) or off (with the password); administrators must keep it on. */
import { useState } from 'react'
import { Alert, App, Button, Card, Form, Input, Result } from 'antd'
import { SafetyCertificateTwoTone } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZTotpDisable } from '@common/contracts/auth'
import { PageHeader } from '../../components/page-header.tsx'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { SESSION_KEY, useRequiredSession, useSetSession } from '../../lib/session.ts'
import { applyServerError, parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { TotpEnroll } from '../auth/totp-enroll.tsx'

function DisableForm() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<{ password?: string }>()
  const disable = useMutation({
    mutationFn: (password: string) => api.auth.disableTotp(password),
    onSuccess: () => {
      message.success(t('account.twoFactor.disabled'))
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
    },
    onError: (e) => {
      if (e instanceof ApiError)
        applyServerError(form, e, t, { WRONG_PASSWORD: 'password', INVALID_CREDENTIALS: 'password' })
    },
  })
  const isFieldError =
    disable.error instanceof ApiError &&
    ['WRONG_PASSWORD', 'INVALID_CREDENTIALS'].includes(disable.error.code)
  return (
    <Form
      form={form}
      onValuesChange={clearErrorsOnChange(form)}
      layout="vertical"
      requiredMark={false}
      style={{ maxWidth: 400 }}
      onFinish={(v) => {
        const body = parseForm(form, ZTotpDisable, { password: v.password ?? '' }, t)
        if (body) disable.mutate(body.password)
      }}
    >
      {disable.isError && !isFieldError ? (
        <Alert type="error" showIcon title={errorText(t, disable.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="password" label={t('account.twoFactor.confirmPassword')}>
        <Input.Password autoComplete="current-password" data-testid="totp-disable-password" />
      </Form.Item>
      <Button danger htmlType="submit" loading={disable.isPending} data-testid="totp-disable">
        {t('account.twoFactor.disable')}
      </Button>
    </Form>
  )
}

export function TwoFactorPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const session = useRequiredSession()
  const setSession = useSetSession()
  const [enrolling, setEnrolling] = useState(false)
  const isAdmin = session.user.roles.includes('admin')

  return (
    <>
      <PageHeader title={t('nav.twoFactor')} subtitle={t('account.twoFactor.subtitle')} />
      <Card style={{ maxWidth: 640 }}>
        {session.user.hasTotp ? (
          <>
            <Result
              icon={<SafetyCertificateTwoTone twoToneColor="#1f8a4c" />}
              title={<span data-testid="totp-status">{t('account.twoFactor.on')}</span>}
              subTitle={t('account.twoFactor.onDetail')}
              style={{ padding: '16px 0' }}
            />
            {isAdmin ? (
              <Alert
                type="info"
                showIcon
                title={t('account.twoFactor.adminMustKeep')}
                data-testid="totp-admin-required"
              />
            ) : (
              <DisableForm />
            )}
          </>
        ) : enrolling ? (
          <TotpEnroll
            onEnabled={(next) => {
              setSession(next)
              setEnrolling(false)
              message.success(t('account.twoFactor.enabled'))
            }}
          />
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('account.twoFactor.off')}
              description={t('account.twoFactor.offDetail')}
              style={{ marginBottom: 16 }}
            />
            <Button type="primary" onClick={() => setEnrolling(true)} data-testid="totp-start">
              {t('account.twoFactor.enable')}
            </Button>
          </>
        )}
      </Card>
    </>
  )
}
