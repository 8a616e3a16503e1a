/** Rows to contract shapes, with the actor's abilities on each record. */
import type { TUser, TUserOption } from '@common/contracts/users'
import type { Role } from '@common/domain'
import type { Actor } from '../../platform/context.ts'
import { userAbilities } from './policy.ts'
import type { UserView } from './queries.ts'

export function presentUser(actor: Actor, u: UserView, now: Date): TUser {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    organizationId: u.organizationId,
    organizationName: u.organizationName,
    unitId: u.unitId,
    unitName: u.unitName,
    position: u.position,
    roles: u.roles as Role[],
    isActive: u.isActive,
    isLocked: u.lockedUntil !== null && u.lockedUntil > now,
    hasTotp: u.totpEnabledAt !== null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    abilities: userAbilities(actor, u, now),
  }
}

export function presentUserOption(u: UserView): TUserOption {
  return {
    id: u.id,
    fullName: u.fullName,
    username: u.username,
    position: u.position,
    unitName: u.unitName,
    organizationName: u.organizationName,
    roles: u.roles as Role[],
  }
}

/** A row's fields worth keeping in the audit log (never the password hash or TOTP secret). */
export function auditUser(
  u: Pick<
    UserView,
    | 'username'
    | 'fullName'
    | 'email'
    | 'phone'
    | 'organizationId'
    | 'unitId'
    | 'position'
    | 'roles'
    | 'isActive'
  >,
) {
  return {
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    organizationId: u.organizationId,
    unitId: u.unitId,
    position: u.position,
    roles: [...u.roles],
    isActive: u.isActive,
  }
}
