/** Route guards driven by the session: each sign-in step has its page, the shell needs a full sign-in. */
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { authStep, STEP_PATHS, useSession, type AuthStep } from '../lib/session.ts'

/** Only same-site paths, never back into the sign-in pages (no open redirects). */
export function safeNext(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  if (value === '/login' || value.startsWith('/login/') || value.startsWith('/login?')) return null
  return value
}

function stepUrl(step: Exclude<AuthStep, 'app'>, next: string | null): string {
  return next && next !== '/' ? `${STEP_PATHS[step]}?next=${encodeURIComponent(next)}` : STEP_PATHS[step]
}

/** A sign-in step page, shown only while the session is at that step. */
export function StepOnly({ step, page }: { step: Exclude<AuthStep, 'app'>; page: ReactNode }) {
  const { data } = useSession()
  const location = useLocation()
  const current = authStep(data)
  if (current === step) return page
  const next = safeNext(new URLSearchParams(location.search).get('next'))
  if (current === 'app') return <Navigate to={next ?? '/'} replace />
  return <Navigate to={stepUrl(current, next)} replace />
}

/** The application itself: only for a fully signed-in user who has no pending step. */
export function AppOnly({ shell }: { shell: ReactNode }) {
  const { data } = useSession()
  const location = useLocation()
  const current = authStep(data)
  if (current === 'app') return shell
  return <Navigate to={stepUrl(current, safeNext(location.pathname + location.search))} replace />
}
