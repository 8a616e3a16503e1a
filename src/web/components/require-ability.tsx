import type { ReactNode } from 'react'
import type { GlobalAction } from '@common/permissions'
import { can, useRequiredSession } from '../lib/session.ts'
import { Forbidden } from './forbidden.tsx'

/** Show a page only when the session holds the ability; otherwise a refusal (the server refuses too). */
export function RequireAbility({ ability, children }: { ability: GlobalAction; children: ReactNode }) {
  const session = useRequiredSession()
  if (!can(session, ability)) return <Forbidden />
  return children
}
