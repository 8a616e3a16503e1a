/** Turn on the second factor: scan the QR code (or type the secret) into an authenticator app, then confirm a code. */
import { useState } from 'react'
import { Alert, Button, Form, Skeleton, Typography } from 'antd'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZTotpCode, type TSession } from '@common/contracts/auth'
import { api } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { parseForm, clearErrorsOnChange } from '../../lib/validation.ts'
import { CodeInput } from './code-input.tsx'
import './totp.css'

/** Secrets are shown in groups of four characters so they can be read aloud and typed. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

export function TotpEnroll({ onEnabled }: { onEnabled: (session: TSession) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ code: string }>()
  const [error, setError] = useState<string | null>(null)
  // A query (not an effect) so that a double mount asks the server once and shows one secret.
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: api.auth.setupTotp,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  })
  const enable = useMutation({
    mutationFn: (code: string) => api.auth.enableTotp(code),
    onSuccess: onEnabled,
    onError: (e) => {
      setError(errorText(t, e))
      form.setFieldValue('code', '')
    },
  })

  if (setup.isPending) return <Skeleton active paragraph={{ rows: 6 }} />
  if (setup.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(t, setup.error)}
        action={<Button onClick={() => void setup.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }

  function submit(values: { code?: string }) {
    setError(null)
    const body = parseForm(form, ZTotpCode, { code: values.code ?? '' }, t)
    if (body) enable.mutate(body.code)
  }

  return (
    <div className="totp-enroll">
      <ol className="totp-steps">
        <li>{t('auth.totp.stepInstall')}</li>
        <li>
          {t('auth.totp.stepScan')}
          <div className="totp-qr">
            <img
              src={setup.data.qrDataUrl}
              alt={t('auth.totp.qrAlt')}
              width={184}
              height={184}
              data-testid="totp-qr"
            />
          </div>
          <div className="totp-secret-label">{t('auth.totp.secretLabel')}</div>
          <Typography.Text
            className="totp-secret"
            copyable={{ text: setup.data.secret, tooltips: [t('common.copy'), t('common.copied')] }}
          >
            <span data-testid="totp-secret" data-secret={setup.data.secret}>
              {groupSecret(setup.data.secret)}
            </span>
          </Typography.Text>
        </li>
        <li>{t('auth.totp.stepCode')}</li>
      </ol>
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
          <CodeInput />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={enable.isPending}
          data-testid="totp-enable"
        >
          {t('auth.totp.enableSubmit')}
        </Button>
      </Form>
    </div>
  )
}
