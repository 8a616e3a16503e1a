/** Who may see, create and revoke delegations, and what a delegation's status is. Pure. Deny by default. */
import type { DelegationScope } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { AppError } from '../../platform/errors.ts'
import { globalCan } from '../accounts/index.ts'

export const DELEGATION_STATUSES = ['scheduled', 'active', 'expired', 'revoked'] as const
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number]

export type DelegationRecord = {
  principalId: string
  delegateId: string
  scopes: readonly string[]
  startsAt: Date
  endsAt: Date
  revokedAt: Date | null
}

/** The status at `now`: a delegation runs over [startsAt, endsAt) unless revoked. */
export function delegationStatus(
  d: Pick<DelegationRecord, 'startsAt' | 'endsAt' | 'revokedAt'>,
  now: Date,
): DelegationStatus {
  if (d.revokedAt) return 'revoked'
  if (now < d.startsAt) return 'scheduled'
  if (now >= d.endsAt) return 'expired'
  return 'active'
}

/** Whether the actor sees every delegation (administrators) rather than only their own. */
export function seesAllDelegations(actor: Pick<Actor, 'roles'>): boolean {
  return globalCan(actor, 'admin.delegations.manage')
}

/** Whether the actor may see one delegation: administrators, its principal and its delegate. */
export function canSeeDelegation(
  actor: Pick<Actor, 'id' | 'roles'>,
  d: Pick<DelegationRecord, 'principalId' | 'delegateId'>,
): boolean {
  return seesAllDelegations(actor) || d.principalId === actor.id || d.delegateId === actor.id
}

/**
 * Whether the actor may create a delegation for this principal: an administrator for anyone; a
 * user holding delegations.own.manage (a leader, a committee member) only for themselves.
 */
export function canCreateDelegation(actor: Pick<Actor, 'id' | 'roles'>, principalId: string): boolean {
  if (globalCan(actor, 'admin.delegations.manage')) return true
  return globalCan(actor, 'delegations.own.manage') && principalId === actor.id
}

/** Whether the actor may revoke: an administrator or the principal, while it is scheduled or active. */
export function canRevokeDelegation(
  actor: Pick<Actor, 'id' | 'roles'>,
  d: DelegationRecord,
  now: Date,
): boolean {
  const isEntitled = globalCan(actor, 'admin.delegations.manage') || d.principalId === actor.id
  const status = delegationStatus(d, now)
  return isEntitled && (status === 'scheduled' || status === 'active')
}

/** The abilities shipped to the UI with each delegation. */
export function delegationAbilities(
  actor: Pick<Actor, 'id' | 'roles'>,
  d: DelegationRecord,
  now: Date,
): { revoke: boolean } {
  return { revoke: canRevokeDelegation(actor, d, now) }
}

/** Throws NOT_ALLOWED unless the actor may delegate this principal's authority. */
export function assertCanCreateDelegation(actor: Pick<Actor, 'id' | 'roles'>, principalId: string): void {
  if (!canCreateDelegation(actor, principalId)) {
    throw new AppError('NOT_ALLOWED', { message: 'You may only delegate your own authority' })
  }
}

/** Revocation check with a precise error: not the principal (NOT_ALLOWED) or already over (INVALID_TRANSITION). */
export function assertCanRevokeDelegation(
  actor: Pick<Actor, 'id' | 'roles'>,
  d: DelegationRecord,
  now: Date,
): void {
  if (canRevokeDelegation(actor, d, now)) return
  if (!globalCan(actor, 'admin.delegations.manage') && d.principalId !== actor.id) {
    throw new AppError('NOT_ALLOWED', {
      message: 'Only the principal or an administrator may revoke a delegation',
    })
  }
  throw new AppError('INVALID_TRANSITION', {
    message: `The delegation is ${delegationStatus(d, now)}; it can no longer be revoked`,
  })
}

/** Whether a set of scopes allows acting in `scope` ('all' covers every scope). */
export function scopesCover(scopes: readonly string[], scope: DelegationScope): boolean {
  return scopes.includes('all') || scopes.includes(scope)
}

/** Whether two scope sets share any authority ('all' shares with everything). */
export function scopesOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.includes('all') || b.includes('all') || a.some((s) => b.includes(s))
}

/**
 * The existing delegation (same principal and delegate) that a new one would duplicate: not
 * revoked, overlapping in time, sharing a scope. Two such grants would make "on whose behalf,
 * under which delegation" ambiguous in the audit log.
 */
export function findDuplicate<T extends DelegationRecord>(
  existing: readonly T[],
  candidate: DelegationRecord,
): T | undefined {
  return existing.find(
    (d) =>
      d.principalId === candidate.principalId &&
      d.delegateId === candidate.delegateId &&
      !d.revokedAt &&
      d.startsAt < candidate.endsAt &&
      candidate.startsAt < d.endsAt &&
      scopesOverlap(d.scopes, candidate.scopes),
  )
}
