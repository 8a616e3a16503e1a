/** The consultation pages are for those who run consultations and those who answer them. */
import type { ComponentType } from 'react'
import { Forbidden } from '../../components/forbidden.tsx'
import { can, useRequiredSession } from '../../lib/session.ts'
import { CONSULTATION_ABILITIES } from './roles.ts'

function Guarded({ Page }: { Page: ComponentType }) {
  const session = useRequiredSession()
  if (!CONSULTATION_ABILITIES.some((a) => can(session, a))) return <Forbidden />
  return <Page />
}

/** A route element shown only to officers and answerers (the server refuses the others too). */
export function consultationsOnly(Page: ComponentType) {
  return <Guarded Page={Page} />
}
