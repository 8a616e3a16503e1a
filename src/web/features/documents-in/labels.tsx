/** Tags and names for the closed vocabularies of incoming documents (urgency, states, roles). */
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AssignmentRole, AssignmentState, IncomingState, Urgency } from '@common/domain'
import { documentTypeByCode } from '@common/document-types'

/** Decree 30 urgency colours: flash red, very urgent orange, urgent gold; normal is plain. */
export const URGENCY_COLORS: Record<Urgency, string | undefined> = {
  normal: undefined,
  urgent: 'gold',
  very_urgent: 'orange',
  flash: 'red',
}

/** The hex colour of the row marker beside urgent documents in lists. */
export const URGENCY_BAR: Record<Urgency, string> = {
  normal: 'transparent',
  urgent: '#d4b106',
  very_urgent: '#fa8c16',
  flash: '#f5222d',
}

export function UrgencyTag({ urgency, showNormal = false }: { urgency: Urgency; showNormal?: boolean }) {
  const { t } = useTranslation()
  if (urgency === 'normal' && !showNormal) return null
  return (
    <Tag
      color={URGENCY_COLORS[urgency]}
      data-testid="doc-urgency"
      style={{ fontWeight: urgency === 'normal' ? 400 : 600 }}
    >
      {t(`documentsIn.urgency.${urgency}`)}
    </Tag>
  )
}

const STATE_COLORS: Record<IncomingState, string> = {
  registered: 'default',
  submitted: 'processing',
  assigned: 'cyan',
  in_progress: 'blue',
  completed: 'success',
}

export function StateTag({ state, testId }: { state: IncomingState; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`documentsIn.states.${state}`)}
    </Tag>
  )
}

const ROLE_COLORS: Record<AssignmentRole, string> = {
  review: 'purple',
  lead: 'geekblue',
  cooperating: 'cyan',
  information: 'default',
}

export function AssignmentRoleTag({ role }: { role: AssignmentRole }) {
  const { t } = useTranslation()
  return <Tag color={ROLE_COLORS[role]}>{t(`documentsIn.roles.${role}`)}</Tag>
}

const ASSIGNMENT_STATE_COLORS: Record<AssignmentState, string> = {
  pending: 'default',
  in_progress: 'processing',
  completed: 'success',
  returned: 'warning',
  cancelled: 'default',
}

export function AssignmentStateTag({ state }: { state: AssignmentState }) {
  const { t } = useTranslation()
  return (
    <Tag color={ASSIGNMENT_STATE_COLORS[state]} data-state={state}>
      {t(`documentsIn.assignmentStates.${state}`)}
    </Tag>
  )
}

/** The Vietnamese name of a document type (the names are the standard's own, in every language). */
export function documentTypeName(code: string): string {
  return documentTypeByCode(code)?.name ?? code
}
