/** The root of every route: loads the session, follows the interface language, handles a lost session. */
import { Suspense, useEffect } from 'react'
import { App, Button, Result } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { Outlet } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { TSession } from '@common/contracts/auth'
import { api, setSessionLostHandler } from '../lib/api.ts'
import { errorText } from '../lib/errors.ts'
import { changeLocale, currentLocale, hasPendingLocale, takePendingLocale } from '../lib/i18n.ts'
import { authStep, SESSION_KEY, useSession, useSetSession } from '../lib/session.ts'
import { FullPageSpin } from './full-page-spin.tsx'

/**
 * Signed in, the profile's language wins; a language picked on the sign-in pages (before the
 * profile could be written) is saved to the profile once every sign-in step is done.
 */
function useLocaleSync(session: TSession | null | undefined): void {
  const setSession = useSetSession()
  const { message } = App.useApp()
  const { t } = useTranslation()
  const userId = session?.user.id
  const locale = session?.user.locale
  // The profile can be written only once every sign-in step is done.
  const isReady = authStep(session) === 'app'
  useEffect(() => {
    if (!userId || !locale) return
    if (!isReady) {
      if (!hasPendingLocale() && locale !== currentLocale()) void changeLocale(locale)
      return
    }
    const pending = takePendingLocale()
    if (pending) {
      if (pending !== locale) {
        api.auth.updateProfile({ locale: pending }).then(setSession, (error: unknown) => {
          message.warning(errorText(t, error))
        })
      }
      return
    }
    if (locale !== currentLocale()) void changeLocale(locale)
  }, [userId, locale, isReady, setSession, message, t])
}

export function Root() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const session = useSession()
  const setSession = useSetSession()
  const { message } = App.useApp()

  useEffect(() => {
    setSessionLostHandler((code) => {
      if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') {
        if (queryClient.getQueryData(SESSION_KEY)) {
          message.warning(code === 'SESSION_EXPIRED' ? t('errors.SESSION_EXPIRED') : t('auth.sessionEnded'))
        }
        setSession(null)
        return
      }
      // The session still exists but needs a sign-in step: reload it and the guards go there.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
    })
    return () => setSessionLostHandler(null)
  }, [queryClient, setSession, message, t])

  useLocaleSync(session.data)

  if (session.isPending) return <FullPageSpin />
  if (session.isError) {
    return (
      <Result
        status="500"
        title={errorText(t, session.error)}
        extra={
          <Button type="primary" onClick={() => void session.refetch()} data-testid="session-retry">
            {t('common.retry')}
          </Button>
        }
      />
    )
  }
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Outlet />
    </Suspense>
  )
}
