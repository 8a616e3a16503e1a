import { useCallback } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { api } from '../../lib/api.ts'
import { errorText, isApiError } from '../../lib/errors.ts'
import { useSetSession } from '../../lib/session.ts'

/** End the session on the server, then forget it here (the guards go to the sign-in page). */
export function useSignOut(): () => void {
  const setSession = useSetSession()
  const { message } = App.useApp()
  const { t } = useTranslation()
  return useCallback(() => {
    api.auth.logout().then(
      () => setSession(null),
      (error: unknown) => {
        // An already-ended session is signed out all the same.
        if (isApiError(error, 'UNAUTHENTICATED', 'SESSION_EXPIRED')) setSession(null)
        else message.error(errorText(t, error))
      },
    )
  }, [setSession, message, t])
}
