/** Đổi mật khẩu. */
import { App, Card } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/page-header.tsx'
import { SESSION_KEY } from '../../lib/session.ts'
import { PasswordForm } from './password-form.tsx'

export function PasswordPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  return (
    <>
      <PageHeader title={t('nav.password')} subtitle={t('account.password.subtitle')} />
      <Card style={{ maxWidth: 560 }}>
        <PasswordForm
          onDone={() => {
            message.success(t('account.password.changed'))
            void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
          }}
        />
      </Card>
    </>
  )
}
