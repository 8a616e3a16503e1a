/** Who may do what with accounts. Pure: give it loaded records. Deny by default. */
import type { Role } from '@common/domain'
import { GLOBAL_ACTIONS, type GlobalAction } from '@common/permissions'
import type { Actor } from '../../platform/context.ts'
import { AppError } from '../../platform/errors.ts'

const STAFF: readonly Role[] = ['admin', 'clerk', 'leader', 'unit_head', 'specialist', 'secretary']
const MEMBERS: readonly Role[] = ['committee_member', 'focal_point']

/** Which roles hold each global ability. Anything not listed is refused. */
const GLOBAL_RULES: Record<GlobalAction, readonly Role[]> = {
  'admin.units.manage': ['admin'],
  'admin.users.manage': ['admin'],
  'admin.organizations.manage': ['admin'],
  'admin.delegations.manage': ['admin'],
  'audit.read': ['admin'],
  'organizations.read': [...STAFF, ...MEMBERS],
  'delegations.own.manage': ['leader', 'committee_member'],
  'files.upload': [...STAFF, ...MEMBERS],
  // Incoming documents (issue 3): clerks keep the registers and register; staff and members read
  // what policy lets them see (documents-in/policy.ts decides per document).
  'registers.manage': ['admin', 'clerk'],
  'documentsIn.register': ['clerk'],
  'documentsIn.read': [...STAFF, ...MEMBERS, 'partner'],
  'calendar.manage': ['admin'],
  // Outgoing documents (issue 4): staff draft; clerks number and issue; the admin keeps signing
  // keys, trusted roots and approval chains. documents-out/policy.ts decides per document.
  'documentsOut.draft': ['clerk', 'leader', 'unit_head', 'specialist', 'secretary'],
  'documentsOut.read': [...STAFF, ...MEMBERS],
  'documentsOut.issue': ['clerk'],
  'signatures.verify': [...STAFF, ...MEMBERS, 'partner'],
  'signing.manage': ['admin'],
  // Inter-agency exchange (issue 5): clerks decide on what arrives and follow deliveries; the admin
  // keeps the agency directory and the exchange identity.
  'exchange.receive': ['clerk', 'admin'],
  'exchange.manage': ['admin'],
  'migration.manage': ['admin'],
  // Consultations (issue 7): Standing Office staff run them (consultations/policy.ts adds "of the
  // consultation's own organization"); committee members and their focal points answer.
  'consultations.manage': ['clerk', 'leader', 'specialist', 'secretary'],
  'consultations.answer': ['committee_member', 'focal_point'],
}

/** Whether the actor holds a global ability through any of their roles. */
export function globalCan(actor: Pick<Actor, 'roles'>, action: GlobalAction): boolean {
  const allowed = GLOBAL_RULES[action]
  return actor.roles.some((r) => allowed.includes(r))
}

/** Every global ability of the actor, for the UI's navigation. */
export function globalAbilities(actor: Pick<Actor, 'roles'>): Partial<Record<GlobalAction, boolean>> {
  return Object.fromEntries(GLOBAL_ACTIONS.map((a) => [a, globalCan(actor, a)]))
}

export type UserRecord = {
  id: string
  isActive: boolean
  roles: readonly string[]
  lockedUntil: Date | null
  totpEnabledAt: Date | null
}
export type UserAction = 'update' | 'disable' | 'enable' | 'resetPassword' | 'resetTotp' | 'unlock'

/** Whether the actor may act on one user account. Admins may not disable or demote themselves (no lock-out). */
export function canOnUser(actor: Actor, action: UserAction, target: UserRecord, now: Date): boolean {
  if (!globalCan(actor, 'admin.users.manage')) return false
  const isSelf = actor.id === target.id
  switch (action) {
    case 'update':
      return true
    case 'disable':
      return target.isActive && !isSelf
    case 'enable':
      return !target.isActive
    case 'resetPassword':
      return !isSelf
    case 'resetTotp':
      return target.totpEnabledAt !== null && !isSelf
    case 'unlock':
      return target.lockedUntil !== null && target.lockedUntil > now
    default:
      return false
  }
}

export function assertCanOnUser(actor: Actor, action: UserAction, target: UserRecord, now: Date): void {
  if (!canOnUser(actor, action, target, now))
    throw new AppError('NOT_ALLOWED', { message: `Not allowed: user.${action}` })
}

export function userAbilities(actor: Actor, target: UserRecord, now: Date): Record<UserAction, boolean> {
  const actions: UserAction[] = ['update', 'disable', 'enable', 'resetPassword', 'resetTotp', 'unlock']
  return Object.fromEntries(actions.map((a) => [a, canOnUser(actor, a, target, now)])) as Record<
    UserAction,
    boolean
  >
}

/** An admin may not take the admin role away from themselves. */
export function assertKeepsOwnAdmin(
  actor: Actor,
  targetId: string,
  roles: readonly string[] | undefined,
): void {
  if (actor.id === targetId && roles && !roles.includes('admin') && actor.roles.includes('admin')) {
    throw new AppError('NOT_ALLOWED', { message: 'You cannot remove your own administrator role' })
  }
}
