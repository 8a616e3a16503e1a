/**
 * Who sees and who may do what with an incoming document. Pure: give it the loaded document and
 * its assignments. Deny by default. queries.ts holds the SQL twin of canSeeDocument (visibleScope).
 *
 * Visibility (issue 3):
 * (a) staff of the unit whose clerk registered it (documents.registered_unit_id), and the registrant;
 * (b) anyone it is assigned to, in any role and state, and whoever assigned it; staff of a unit it
 *     is assigned to;
 * (c) leaders (role leader) of the organization whose register holds it: everything;
 * (d) nobody else: administrators manage the system, not documents; committee members, focal
 *     points and partners see only what is assigned to them (rule b, as persons).
 */
import type { AssignmentRole, AssignmentState, IncomingState, Role } from '@common/domain'
import { globalCan } from '../accounts/index.ts'
import type { Actor } from '../../platform/context.ts'
import { AppError, notFound } from '../../platform/errors.ts'

/** Roles that work on documents inside a unit; the unit-wide rules (a) and (b) apply only to them. */
export const UNIT_STAFF_ROLES: readonly Role[] = ['clerk', 'leader', 'unit_head', 'specialist', 'secretary']

export type AssignmentFacts = {
  id: string
  parentId: string | null
  role: AssignmentRole
  state: AssignmentState
  assigneeUserId: string | null
  assigneeUnitId: string | null
  assignedBy: string
  assignedFor: string
  dueDate: string | null
}

export type DocumentFacts = {
  state: IncomingState
  /** The organization owning the register. */
  organizationId: string
  registeredBy: string | null
  registeredUnitId: string | null
  assignments: readonly AssignmentFacts[]
}

export type DocumentAction =
  | 'update'
  | 'submit'
  | 'assign'
  | 'reassign'
  | 'start'
  | 'addNote'
  | 'complete'
  | 'returnIt'
  | 'extend'
  | 'requestExtension'

export function isUnitStaff(actor: Pick<Actor, 'roles' | 'unitId'>): boolean {
  return actor.unitId !== null && actor.roles.some((r) => UNIT_STAFF_ROLES.includes(r))
}

/** A leader of the organization holding the document (rule c). */
export function isDocumentLeader(actor: Actor, doc: Pick<DocumentFacts, 'organizationId'>): boolean {
  return actor.roles.includes('leader') && actor.organizationId === doc.organizationId
}

export function isOpen(a: Pick<AssignmentFacts, 'state'>): boolean {
  return a.state === 'pending' || a.state === 'in_progress'
}

/** Whether the actor handles this assignment: theirs, or their unit's when they head the unit. */
export function handles(actor: Actor, a: AssignmentFacts): boolean {
  if (a.assigneeUserId) return a.assigneeUserId === actor.id
  return a.assigneeUnitId !== null && a.assigneeUnitId === actor.unitId && actor.roles.includes('unit_head')
}

/**
 * Whether the actor sees the document at all (rules a–d above). A secretary holding a leader's
 * 'documentIn.direct' delegation (`actingFor`) also sees what awaits that leader's review, to
 * record the leader's decision.
 */
export function canSeeDocument(actor: Actor, doc: DocumentFacts, actingFor: readonly string[] = []): boolean {
  if (isDocumentLeader(actor, doc)) return true
  if (doc.registeredBy === actor.id) return true
  if (
    doc.assignments.some(
      (a) => a.role === 'review' && isOpen(a) && a.assigneeUserId && actingFor.includes(a.assigneeUserId),
    )
  )
    return true
  const isStaff = isUnitStaff(actor)
  if (isStaff && doc.registeredUnitId === actor.unitId) return true
  return doc.assignments.some(
    (a) =>
      a.assigneeUserId === actor.id ||
      a.assignedBy === actor.id ||
      a.assignedFor === actor.id ||
      (isStaff && a.assigneeUnitId !== null && a.assigneeUnitId === actor.unitId),
  )
}

/** The clerk who may still correct and submit: a registering clerk of the document's unit. */
function isRegisteringClerk(actor: Actor, doc: DocumentFacts): boolean {
  if (!globalCan(actor, 'documentsIn.register')) return false
  return doc.registeredBy === actor.id || (actor.unitId !== null && doc.registeredUnitId === actor.unitId)
}

/** The open review assignment (the document submitted to a leader), if any. */
export function openReview(doc: DocumentFacts): AssignmentFacts | undefined {
  return doc.assignments.find((a) => a.role === 'review' && isOpen(a))
}

/** Per assignment: what its handler (or assigner) may do with it. */
export function canOnAssignment(
  actor: Actor,
  doc: DocumentFacts,
  action: DocumentAction,
  a: AssignmentFacts,
): boolean {
  if (!isOpen(a) || doc.state === 'completed') return false
  const isWork = a.role === 'lead' || a.role === 'cooperating'
  switch (action) {
    case 'reassign':
      return (
        isWork &&
        a.assigneeUnitId !== null &&
        a.assigneeUnitId === actor.unitId &&
        actor.roles.includes('unit_head')
      )
    case 'start':
      return isWork && a.state === 'pending' && handles(actor, a)
    case 'addNote':
    case 'complete':
    case 'requestExtension':
      return isWork && handles(actor, a)
    case 'returnIt':
      return (isWork || a.role === 'review') && handles(actor, a)
    case 'extend':
      return (
        isWork && (a.assignedBy === actor.id || a.assignedFor === actor.id || isDocumentLeader(actor, doc))
      )
    default:
      return false
  }
}

/**
 * Whether the actor may do `action` on the document. `actingFor` lists the leaders whose
 * 'documentIn.direct' delegation the actor holds now (a secretary recording a directive).
 */
export function canOnDocument(
  actor: Actor,
  doc: DocumentFacts,
  action: DocumentAction,
  actingFor: readonly string[] = [],
): boolean {
  if (!canSeeDocument(actor, doc, actingFor)) return false
  switch (action) {
    case 'update':
    case 'submit':
      return doc.state === 'registered' && isRegisteringClerk(actor, doc)
    case 'assign': {
      const review = openReview(doc)
      if (doc.state !== 'submitted' || !review?.assigneeUserId) return false
      return review.assigneeUserId === actor.id || actingFor.includes(review.assigneeUserId)
    }
    default:
      return doc.assignments.some((a) => canOnAssignment(actor, doc, action, a))
  }
}

const ACTIONS: DocumentAction[] = [
  'update',
  'submit',
  'assign',
  'reassign',
  'start',
  'addNote',
  'complete',
  'returnIt',
  'extend',
  'requestExtension',
]

/** Every ability on one document, for the presenter (the UI shows buttons only when the server says so). */
export function documentAbilities(
  actor: Actor,
  doc: DocumentFacts,
  actingFor: readonly string[] = [],
): Record<DocumentAction, boolean> {
  return Object.fromEntries(ACTIONS.map((a) => [a, canOnDocument(actor, doc, a, actingFor)])) as Record<
    DocumentAction,
    boolean
  >
}

/** Refuse with NOT_FOUND when the document is not visible, NOT_ALLOWED when the action is not. */
export function assertCanOnDocument(
  actor: Actor,
  doc: DocumentFacts,
  action: DocumentAction,
  actingFor: readonly string[] = [],
): void {
  if (!canSeeDocument(actor, doc, actingFor)) throw notFound('document')
  if (!canOnDocument(actor, doc, action, actingFor)) {
    throw new AppError('NOT_ALLOWED', { message: `Not allowed: documentIn.${action} in state ${doc.state}` })
  }
}

/** The assignment of the document named by the input, checked for the action. */
export function assertCanOnAssignment(
  actor: Actor,
  doc: DocumentFacts,
  action: DocumentAction,
  assignmentId: string,
): AssignmentFacts {
  if (!canSeeDocument(actor, doc)) throw notFound('document')
  const a = doc.assignments.find((x) => x.id === assignmentId)
  if (!a) throw notFound('assignment')
  if (!canOnAssignment(actor, doc, action, a)) {
    throw new AppError('NOT_ALLOWED', {
      message: `Not allowed: documentIn.${action} on a ${a.role} assignment in state ${a.state}`,
    })
  }
  return a
}

/** Registers: clerks and administrators keep them; clerks register into active incoming ones. */
export function registerAbilities(
  actor: Actor,
  register: { organizationId: string; kind: string; isActive: boolean },
) {
  const isOwnOrg = register.organizationId === actor.organizationId
  return {
    update: isOwnOrg && globalCan(actor, 'registers.manage'),
    register:
      isOwnOrg &&
      register.isActive &&
      register.kind === 'incoming' &&
      globalCan(actor, 'documentsIn.register'),
  }
}
