/** Administrators must turn on the second factor before anything else. */
import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSetSession } from '../../lib/session.ts'
import { AuthLayout } from './auth-layout.tsx'
import { TotpEnroll } from './totp-enroll.tsx'
import { useSignOut } from './use-sign-out.ts'

export function TotpSetupPage() {
  const { t } = useTranslation()
  const setSession = useSetSession()
  const signOut = useSignOut()
  return (
    <AuthLayout title={t('auth.totp.setupTitle')}>
      <Alert type="info" showIcon title={t('auth.totp.setupRequired')} style={{ marginBottom: 16 }} />
      <TotpEnroll onEnabled={setSession} />
      <Button type="link" block style={{ marginTop: 12 }} onClick={signOut} data-testid="totp-cancel">
        {t('auth.backToLogin')}
      </Button>
    </AuthLayout>
  )
}
