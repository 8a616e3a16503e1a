/**
 * Who sees and who may do what with an outgoing document. Pure: give it the loaded facts. Deny by
 * default. queries.ts holds the SQL twin of canSeeOutgoing (visibleScope).
 *
 * Visibility: the drafter; every reviewer of any round and the signer; clerks and leaders of the
 * organization; once issued, its internal recipients (the person, or staff of the unit). A
 * secretary holding the signer's or a reviewer's 'documentOut.approve' delegation (`actingFor`)
 * sees what awaits them, to record their decision.
 */
import type { OutgoingState } from '@common/domain'
import type { TOutgoingAbilities } from '@common/contracts/documents-out'
import { globalCan } from '../accounts/index.ts'
import type { Actor } from '../../platform/context.ts'

export type OutgoingFacts = {
  state: OutgoingState
  organizationId: string
  drafterId: string
  signerId: string
  /** Everyone who holds or held an approval step. */
  reviewerIds: readonly string[]
  /** Whose pending step the draft waits on (in review). */
  currentAssigneeId: string | null
  isNumbered: boolean
  hasApprovalSignature: boolean
  isReplaced: boolean
  recipientUserIds: readonly string[]
  recipientUnitIds: readonly string[]
}

export type OutgoingAction = keyof TOutgoingAbilities

const EDITABLE: readonly OutgoingState[] = ['draft', 'returned']
const ISSUED_OR_AFTER: readonly OutgoingState[] = ['issued', 'recalled', 'replaced']

/** A clerk of the organization the document belongs to. */
export function isClerkOf(actor: Actor, doc: Pick<OutgoingFacts, 'organizationId'>): boolean {
  return actor.organizationId === doc.organizationId && globalCan(actor, 'documentsOut.issue')
}

function isLeaderOf(actor: Actor, doc: Pick<OutgoingFacts, 'organizationId'>): boolean {
  return actor.organizationId === doc.organizationId && actor.roles.includes('leader')
}

/** Whether the actor decides the current step: theirs, or a principal's they act for. */
export function decidesCurrentStep(
  actor: Actor,
  doc: OutgoingFacts,
  actingFor: readonly string[] = [],
): boolean {
  if (doc.state !== 'in_review' || !doc.currentAssigneeId) return false
  return doc.currentAssigneeId === actor.id || actingFor.includes(doc.currentAssigneeId)
}

/** Whether the actor sees the document at all. */
export function canSeeOutgoing(actor: Actor, doc: OutgoingFacts, actingFor: readonly string[] = []): boolean {
  if (doc.drafterId === actor.id || doc.signerId === actor.id) return true
  if (doc.reviewerIds.includes(actor.id)) return true
  if (isClerkOf(actor, doc) || isLeaderOf(actor, doc)) return true
  if (actingFor.includes(doc.signerId) || doc.reviewerIds.some((id) => actingFor.includes(id))) return true
  if (ISSUED_OR_AFTER.includes(doc.state)) {
    if (doc.recipientUserIds.includes(actor.id)) return true
    if (actor.unitId && doc.recipientUnitIds.includes(actor.unitId)) return true
  }
  return false
}

/** Whether the actor may take one action on a document they see. */
export function canOnOutgoing(
  actor: Actor,
  action: OutgoingAction,
  doc: OutgoingFacts,
  actingFor: readonly string[] = [],
): boolean {
  if (!canSeeOutgoing(actor, doc, actingFor)) return false
  const isDrafter = doc.drafterId === actor.id
  const isClerk = isClerkOf(actor, doc)
  const isCurrentReviewer = doc.state === 'in_review' && doc.currentAssigneeId === actor.id
  switch (action) {
    case 'update':
    case 'addVersion':
      // A reviewer may edit the draft on their step (Decree 30/2020 Art. 11: revise).
      return (isDrafter && EDITABLE.includes(doc.state)) || isCurrentReviewer
    case 'comment':
      return (
        !ISSUED_OR_AFTER.includes(doc.state) &&
        doc.state !== 'rejected' &&
        (isDrafter ||
          doc.reviewerIds.includes(actor.id) ||
          doc.signerId === actor.id ||
          decidesCurrentStep(actor, doc, actingFor))
      )
    case 'submit':
      return isDrafter && EDITABLE.includes(doc.state)
    case 'approve':
    case 'returnIt':
    case 'reject':
      return decidesCurrentStep(actor, doc, actingFor)
    case 'sign':
      // The key is personal: the signer signs, nobody on their behalf.
      return doc.signerId === actor.id && doc.state === 'approved' && !doc.hasApprovalSignature
    case 'formatCheck':
      return (isClerk || isDrafter) && (doc.state === 'approved' || doc.state === 'signed')
    case 'assignNumber':
      return isClerk && (doc.state === 'approved' || doc.state === 'signed') && !doc.isNumbered
    case 'cancelNumber':
      return isClerk && doc.isNumbered && (doc.state === 'approved' || doc.state === 'signed')
    case 'issue':
      return isClerk && doc.state === 'signed'
    case 'recall':
      return (isClerk || doc.signerId === actor.id) && doc.state === 'issued'
    case 'replace':
      return (
        (isClerk || doc.signerId === actor.id) &&
        (doc.state === 'issued' || doc.state === 'recalled') &&
        !doc.isReplaced
      )
    case 'retryDelivery':
      return isClerk && doc.state === 'issued'
  }
}

/** Every action the actor may take on the document, for the UI. */
export function outgoingAbilities(
  actor: Actor,
  doc: OutgoingFacts,
  actingFor: readonly string[] = [],
): TOutgoingAbilities {
  const actions: OutgoingAction[] = [
    'update',
    'addVersion',
    'comment',
    'submit',
    'approve',
    'returnIt',
    'reject',
    'sign',
    'formatCheck',
    'assignNumber',
    'cancelNumber',
    'issue',
    'recall',
    'replace',
    'retryDelivery',
  ]
  return Object.fromEntries(
    actions.map((a) => [a, canOnOutgoing(actor, a, doc, actingFor)]),
  ) as TOutgoingAbilities
}

/** Who may draft: staff holding 'documentsOut.draft'. */
export function canDraft(actor: Actor): boolean {
  return globalCan(actor, 'documentsOut.draft')
}

/** Only leaders of the organization sign outgoing documents. */
export function canBeSigner(
  user: { roles: readonly string[]; organizationId: string; isActive: boolean },
  organizationId: string,
): boolean {
  return user.isActive && user.organizationId === organizationId && user.roles.includes('leader')
}
