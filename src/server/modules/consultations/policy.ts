/**
 * Who may do what with a consultation and its answers. Pure: give it loaded facts. Deny by default.
 *
 * Officers: holders of consultations.manage in the consultation's own organization (the Standing
 * Office). The creator edits the draft and submits it to a leader; that leader approves or returns
 * it. Participants (committee members) answer for themselves; a focal point of the same
 * organization answers for them. Nobody outside sees a consultation before it is launched.
 */
import type { ConsultationState, ResponseState } from '@common/contracts/consultations'
import type { Actor } from '../../platform/context.ts'
import { globalCan } from '../accounts/index.ts'

export type ConsultationFacts = {
  organizationId: string
  state: ConsultationState
  deadline: Date
  createdBy: string
  approverId: string | null
  approvedAt: Date | null
  openBallot: boolean
  participantIds: readonly string[]
}

/** A participant and the organization they belong to (a focal point answers for members of their own). */
export type MemberFacts = { id: string; organizationId: string }

export type ConsultationAction =
  | 'edit'
  | 'submit'
  | 'approve'
  | 'return'
  | 'extend'
  | 'close'
  | 'cancel'
  | 'viewProgress'
  | 'viewSummary'
  | 'editDispositions'
  | 'remind'

type Who = Pick<Actor, 'id' | 'roles' | 'organizationId'>

/** Whether the actor runs consultations of this organization (Standing Office staff). */
export function isOfficer(actor: Who, c: Pick<ConsultationFacts, 'organizationId'>): boolean {
  return globalCan(actor, 'consultations.manage') && actor.organizationId === c.organizationId
}

/** Whether the deadline has passed at `now`: anything at or after the deadline instant is late. */
export function isPastDeadline(c: Pick<ConsultationFacts, 'deadline'>, now: Date): boolean {
  return now.getTime() >= c.deadline.getTime()
}

/** Whether the consultation has been launched (participants see it from then on). */
export function isLaunched(c: Pick<ConsultationFacts, 'state'>): boolean {
  return c.state === 'open' || c.state === 'closed'
}

/** Whether the actor may answer for this member: the member themself, or a focal point of their organization. */
export function canAnswerFor(actor: Who, member: MemberFacts): boolean {
  if (actor.id === member.id) return actor.roles.includes('committee_member')
  return actor.roles.includes('focal_point') && actor.organizationId === member.organizationId
}

/** The participants the actor answers for (themself, or as a focal point). */
export function membersAnsweredBy(actor: Who, members: readonly MemberFacts[]): MemberFacts[] {
  return members.filter((m) => canAnswerFor(actor, m))
}

/** Whether the actor may see the consultation at all (404 otherwise). */
export function canSeeConsultation(
  actor: Who,
  c: ConsultationFacts,
  members: readonly MemberFacts[],
): boolean {
  if (isOfficer(actor, c) || c.createdBy === actor.id || c.approverId === actor.id) return true
  return isLaunched(c) && membersAnsweredBy(actor, members).length > 0
}

/** Whether the actor may take a management action on the consultation. */
export function canOnConsultation(
  actor: Who,
  action: ConsultationAction,
  c: ConsultationFacts,
  members: readonly MemberFacts[],
): boolean {
  const officer = isOfficer(actor, c)
  switch (action) {
    case 'edit':
    case 'submit':
      return c.state === 'draft' && c.createdBy === actor.id && officer
    case 'approve':
    case 'return':
      return (
        c.state === 'submitted' &&
        c.approvedAt === null &&
        c.approverId === actor.id &&
        actor.roles.includes('leader')
      )
    case 'extend':
      return c.state === 'open' && officer
    case 'close':
    case 'remind':
      return c.state === 'open' && officer
    case 'cancel':
      return (c.state === 'draft' || c.state === 'submitted' || c.state === 'open') && officer
    case 'viewProgress':
      return isLaunched(c) && officer
    case 'viewSummary':
      if (!isLaunched(c)) return false
      if (officer) return true
      // Participants see everyone's answers only once closed, or all along in an open ballot.
      return (c.state === 'closed' || c.openBallot) && membersAnsweredBy(actor, members).length > 0
    case 'editDispositions':
      return c.state === 'closed' && officer
    default:
      return false
  }
}

/** Whether someone's answer state may be shown to the actor in the participant list. */
export function canSeeResponseStateOf(actor: Who, c: ConsultationFacts, member: MemberFacts): boolean {
  return isOfficer(actor, c) || c.state === 'closed' || c.openBallot || canAnswerFor(actor, member)
}

export type ResponseFacts = { memberId: string; state: ResponseState; isSigned?: boolean }

/** Whether answers are accepted now: the consultation is open and its deadline has not passed. */
export function isAnswering(c: Pick<ConsultationFacts, 'state' | 'deadline'>, now: Date): boolean {
  return c.state === 'open' && !isPastDeadline(c, now)
}

/** What the actor may do with one response (the member's own answer, or as their focal point). */
export function responseAbilities(
  actor: Who,
  c: ConsultationFacts,
  member: MemberFacts,
  response: ResponseFacts | null,
  now: Date,
  hasSigningKey = false,
): { edit: boolean; submit: boolean; confirm: boolean; sign: boolean } {
  const state = response?.state ?? 'none'
  const open = isAnswering(c, now) && c.participantIds.includes(member.id) && state !== 'final'
  const mayAnswer = canAnswerFor(actor, member)
  const isMember = actor.id === member.id
  return {
    edit: open && mayAnswer,
    submit: open && mayAnswer,
    confirm: open && isMember && (state === 'awaiting_member' || state === 'draft'),
    // Only the member signs, a final answer, once, before the deadline, with a key of their own.
    sign:
      isMember &&
      hasSigningKey &&
      state === 'final' &&
      !response?.isSigned &&
      isAnswering(c, now) &&
      c.participantIds.includes(member.id),
  }
}

/** Who may read a receipt: the member, those who answer for them, and the officers. */
export function canSeeResponse(actor: Who, c: ConsultationFacts, member: MemberFacts): boolean {
  return isOfficer(actor, c) || canAnswerFor(actor, member)
}
