/** A new or reset account must replace its temporary password before anything else. */
import { Alert, App, Button } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { SESSION_KEY } from '../../lib/session.ts'
import { PasswordForm } from '../account/password-form.tsx'
import { AuthLayout } from './auth-layout.tsx'
import { useSignOut } from './use-sign-out.ts'

export function ForcedPasswordPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const signOut = useSignOut()
  return (
    <AuthLayout title={t('auth.forcedPassword.title')}>
      <Alert type="warning" showIcon title={t('auth.forcedPassword.notice')} style={{ marginBottom: 16 }} />
      <PasswordForm
        onDone={() => {
          message.success(t('account.password.changed'))
          void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
        }}
      />
      <Button
        type="link"
        block
        style={{ marginTop: 12 }}
        onClick={signOut}
        data-testid="forced-password-logout"
      >
        {t('nav.logout')}
      </Button>
    </AuthLayout>
  )
}
