/** The second step of signing in: the 6-digit code from the authenticator app. */
import { useState } from 'react'
import { Alert, Button, Form } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZTotpCode } from '@common/contracts/auth'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { useSetSession } from '../../lib/session.ts'
import { parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { AuthLayout } from './auth-layout.tsx'
import { CodeInput } from './code-input.tsx'
import { useSignOut } from './use-sign-out.ts'

export function TotpVerifyPage() {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ code: string }>()
  const setSession = useSetSession()
  const signOut = useSignOut()
  const [error, setError] = useState<string | null>(null)
  const verify = useMutation({
    mutationFn: (code: string) => api.auth.verifyTotp(code),
    onSuccess: setSession,
    onError: (e) => {
      setError(errorText(t, e))
      form.setFieldValue('code', '')
    },
  })

  function submit(values: { code?: string }) {
    setError(null)
    const body = parseForm(form, ZTotpCode, { code: values.code ?? '' }, t)
    if (body) verify.mutate(body.code)
  }

  return (
    <AuthLayout title={t('auth.totp.verifyTitle')} subtitle={t('auth.totp.verifySubtitle')}>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="totp-error" />
      ) : null}
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item name="code" label={t('auth.totp.code')}>
          <CodeInput autoFocus />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={verify.isPending}
          data-testid="totp-submit"
        >
          {t('auth.totp.verifySubmit')}
        </Button>
      </Form>
      <Button type="link" block style={{ marginTop: 12 }} onClick={signOut} data-testid="totp-cancel">
        {t('auth.backToLogin')}
      </Button>
    </AuthLayout>
  )
}
