/** Rows to contract shapes, with the actor's abilities; and what the audit log keeps. */
import type { TDelegation } from '@common/contracts/delegations'
import type { DelegationScope } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { delegationAbilities, delegationStatus } from './policy.ts'
import type { DelegationRow } from './queries.ts'

export function presentDelegation(actor: Actor, d: DelegationRow, now: Date): TDelegation {
  return {
    id: d.id,
    principalId: d.principalId,
    principalName: d.principalName,
    delegateId: d.delegateId,
    delegateName: d.delegateName,
    scopes: d.scopes as DelegationScope[],
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    note: d.note,
    status: delegationStatus(d, now),
    createdByName: d.createdByName,
    createdAt: d.createdAt.toISOString(),
    abilities: delegationAbilities(actor, d, now),
  }
}

/** A delegation as the audit log (and the notification handler) reads it; names kept for readers. */
export function auditDelegation(d: DelegationRow) {
  return {
    principalId: d.principalId,
    principalName: d.principalName,
    delegateId: d.delegateId,
    delegateName: d.delegateName,
    scopes: [...d.scopes],
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    note: d.note,
    revokedAt: d.revokedAt?.toISOString() ?? null,
  }
}
