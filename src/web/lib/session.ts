/**
 * The signed-in session as cached server state. Every response that returns a TSession goes
 * through `useSetSession`, which also keeps the CSRF token for writes.
 */
import { useCallback } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { TSession } from '@common/contracts/auth'
import type { GlobalAction } from '@common/permissions'
import { api, setCsrfToken } from './api.ts'
import { isApiError } from './errors.ts'

export const SESSION_KEY = ['session'] as const

async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await api.auth.session()
    setCsrfToken(session.csrfToken)
    return session
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED', 'SESSION_EXPIRED')) {
      setCsrfToken(null)
      return null
    }
    throw error
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: 1 })
}

/** The session of a page that is only reachable signed in (the shell guarantees it). */
export function useRequiredSession(): TSession {
  const { data } = useSession()
  if (!data) throw new Error('useRequiredSession used outside the signed-in shell')
  return data
}

export function useSetSession(): (session: TSession | null) => void {
  const queryClient = useQueryClient()
  return useCallback(
    (session: TSession | null) => {
      setCsrfToken(session?.csrfToken ?? null)
      if (!session) {
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] })
      }
      queryClient.setQueryData(SESSION_KEY, session)
    },
    [queryClient],
  )
}

/** Whether the session holds a global ability (the server decides; the UI only hides). */
export function can(session: TSession | null | undefined, action: GlobalAction): boolean {
  return session?.abilities[action] === true
}

export type AuthStep = 'login' | 'verify' | 'setup' | 'password' | 'app'

/** What the user must do next: sign in, give the second factor, set it up, change the password, or work. */
export function authStep(session: TSession | null | undefined): AuthStep {
  if (!session) return 'login'
  if (session.mfaState === 'totp_pending') return 'verify'
  if (session.mfaState === 'totp_setup_required') return 'setup'
  if (session.user.mustChangePassword) return 'password'
  return 'app'
}

export const STEP_PATHS: Record<Exclude<AuthStep, 'app'>, string> = {
  login: '/login',
  verify: '/login/verify',
  setup: '/login/setup-2fa',
  password: '/login/change-password',
}
