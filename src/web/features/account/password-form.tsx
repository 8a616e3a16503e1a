/** Change one's own password: current, new (≥10 characters with letters and digits), confirmation. */
import { Alert, Button, Form, Input } from 'antd'
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZChangePassword } from '@common/contracts/auth'
import { api, ApiError } from '../../lib/api.ts'
import { errorText } from '../../lib/errors.ts'
import { applyServerError, parseForm, clearErrorsOnChange } from '../../lib/validation.ts'

type Values = { currentPassword?: string; newPassword?: string; confirm?: string }

function Rule({ ok, text }: { ok: boolean; text: string }) {
  return (
    <li style={{ color: ok ? '#1f8a4c' : 'rgba(0,0,0,0.6)', listStyle: 'none', marginBottom: 2 }}>
      {ok ? <CheckCircleFilled /> : <MinusCircleOutlined />} <span style={{ marginLeft: 6 }}>{text}</span>
    </li>
  )
}

export function PasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const newPassword = Form.useWatch('newPassword', form) ?? ''
  const change = useMutation({
    mutationFn: api.auth.changePassword,
    onSuccess: () => {
      form.resetFields()
      onDone()
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        applyServerError(form, error, t, {
          WRONG_PASSWORD: 'currentPassword',
          WEAK_PASSWORD: 'newPassword',
          PASSWORD_REUSED: 'newPassword',
        })
      }
    },
  })

  function submit(values: Values) {
    const body = parseForm(
      form,
      ZChangePassword,
      { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' },
      t,
    )
    if (!body) return
    if (values.confirm !== values.newPassword) {
      form.setFields([{ name: 'confirm', errors: [t('account.password.mismatch')] }])
      return
    }
    change.mutate(body)
  }

  const isApiFieldError =
    change.error instanceof ApiError &&
    ['WRONG_PASSWORD', 'WEAK_PASSWORD', 'PASSWORD_REUSED'].includes(change.error.code)

  return (
    <Form
      form={form}
      onValuesChange={clearErrorsOnChange(form)}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      style={{ maxWidth: 440 }}
    >
      {change.isError && !isApiFieldError ? (
        <Alert type="error" showIcon title={errorText(t, change.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item name="currentPassword" label={t('account.password.current')}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.password.new')}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <ul style={{ padding: 0, margin: '-8px 0 16px' }} data-testid="password-rules">
        <Rule ok={newPassword.length >= 10} text={t('account.password.ruleLength')} />
        <Rule ok={/\p{L}/u.test(newPassword)} text={t('account.password.ruleLetter')} />
        <Rule ok={/\d/.test(newPassword)} text={t('account.password.ruleDigit')} />
      </ul>
      <Form.Item name="confirm" label={t('account.password.confirm')}>
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
        {t('account.password.submit')}
      </Button>
    </Form>
  )
}
