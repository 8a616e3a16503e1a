/** Sign in with the account the Standing Office issued. */
import { useState } from 'react'
import { Alert, Button, Form, Input } from 'antd'
import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZLoginRequest, type TLoginRequest } from '@common/contracts/auth'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useSetSession } from '../../lib/session.ts'
import { parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { AuthLayout } from './auth-layout.tsx'

export function LoginPage() {
  const { t } = useTranslation()
  const [form] = Form.useForm<TLoginRequest>()
  const setSession = useSetSession()
  const [error, setError] = useState<string | null>(null)
  const login = useMutation({
    mutationFn: api.auth.login,
    onSuccess: setSession,
    onError: (e) => {
      setError(errorText(t, e))
      form.setFieldValue('password', '')
    },
  })

  function submit(values: TLoginRequest) {
    setError(null)
    const body = parseForm(
      form,
      ZLoginRequest,
      { username: values.username ?? '', password: values.password ?? '' },
      t,
    )
    if (body) login.mutate(body)
  }

  return (
    <AuthLayout title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        data-testid="login-form"
        size="large"
      >
        <Form.Item name="username" label={t('auth.login.username')}>
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            autoCapitalize="none"
            spellCheck={false}
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item name="password" label={t('auth.login.password')}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Form>
      <p style={{ marginTop: 20, marginBottom: 0, color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
        {t('auth.login.help')}
      </p>
    </AuthLayout>
  )
}
