/** What the user's global abilities say about consultations (the server decides per consultation). */
import type { GlobalAction } from '@common/permissions'
import { can, useRequiredSession } from '../../lib/session.ts'

/** The abilities that open the consultation pages: running them, or answering them. */
export const CONSULTATION_ABILITIES: readonly GlobalAction[] = [
  'consultations.manage',
  'consultations.answer',
]

export function useConsultationRoles(): { isOfficer: boolean; isManager: boolean; isAnswerer: boolean } {
  const session = useRequiredSession()
  const isOfficer = can(session, 'consultations.manage')
  return {
    isOfficer,
    // Leaders approve what officers submit: "managed" lists what one created or approves.
    isManager: isOfficer || session.user.roles.includes('leader'),
    isAnswerer: can(session, 'consultations.answer'),
  }
}
