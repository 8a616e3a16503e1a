/** Who may do what with the organization directory and our units. Pure: give it loaded records. Deny by default. */
import type { TOrganizationUpdate } from '@common/contracts/organizations'
import type { Actor } from '../../platform/context.ts'
import { AppError } from '../../platform/errors.ts'
import { globalCan } from '../accounts/index.ts'

export type OrganizationRecord = { id: string; isOwn: boolean; isActive: boolean }
export type OrganizationAction = 'update' | 'disable'

export type UnitRecord = { id: string; isActive: boolean; activeChildCount: number; userCount: number }
export type UnitAction = 'update' | 'disable'

/** Whether the actor may add organizations to the directory (one by one or by CSV import). */
export function canCreateOrganization(actor: Pick<Actor, 'roles'>): boolean {
  return globalCan(actor, 'admin.organizations.manage')
}

/** Whether the actor may act on one organization. Our own organization is never disabled. */
export function canOnOrganization(
  actor: Pick<Actor, 'roles'>,
  action: OrganizationAction,
  org: OrganizationRecord,
): boolean {
  if (!globalCan(actor, 'admin.organizations.manage')) return false
  switch (action) {
    case 'update':
      return true
    case 'disable':
      return org.isActive && !org.isOwn
    default:
      return false
  }
}

/** The abilities shipped to the UI with each organization. */
export function organizationAbilities(
  actor: Pick<Actor, 'roles'>,
  org: OrganizationRecord,
): Record<OrganizationAction, boolean> {
  return {
    update: canOnOrganization(actor, 'update', org),
    disable: canOnOrganization(actor, 'disable', org),
  }
}

/** Throws NOT_ALLOWED unless the actor may add organizations. */
export function assertCanCreateOrganization(actor: Pick<Actor, 'roles'>): void {
  if (!canCreateOrganization(actor))
    throw new AppError('NOT_ALLOWED', { message: 'Not allowed: organization.create' })
}

/**
 * Whether a change is allowed on this organization: the actor may update it, a disable needs the
 * disable ability, and our own organization keeps its kind ('own') whatever the form sends.
 */
export function assertCanChangeOrganization(
  actor: Pick<Actor, 'roles'>,
  org: OrganizationRecord,
  change: TOrganizationUpdate,
): void {
  if (!canOnOrganization(actor, 'update', org))
    throw new AppError('NOT_ALLOWED', { message: 'Not allowed: organization.update' })
  if (change.isActive === false && org.isActive && !canOnOrganization(actor, 'disable', org)) {
    throw new AppError('NOT_ALLOWED', {
      message: org.isOwn ? 'Our own organization cannot be disabled' : 'Not allowed: organization.disable',
    })
  }
  if (org.isOwn && change.kind !== undefined) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'The kind of our own organization never changes',
      details: [{ path: 'kind', message: 'Không đổi được loại của cơ quan mình' }],
    })
  }
}

/** Whether the actor may create units (of our own organization). */
export function canCreateUnit(actor: Pick<Actor, 'roles'>): boolean {
  return globalCan(actor, 'admin.units.manage')
}

/** Whether the actor may act on one unit. A unit with active sub-units or active users cannot be disabled. */
export function canOnUnit(actor: Pick<Actor, 'roles'>, action: UnitAction, unit: UnitRecord): boolean {
  if (!globalCan(actor, 'admin.units.manage')) return false
  switch (action) {
    case 'update':
      return true
    case 'disable':
      return unit.isActive && unit.activeChildCount === 0 && unit.userCount === 0
    default:
      return false
  }
}

/** The abilities shipped to the UI with each unit. */
export function unitAbilities(actor: Pick<Actor, 'roles'>, unit: UnitRecord): Record<UnitAction, boolean> {
  return { update: canOnUnit(actor, 'update', unit), disable: canOnUnit(actor, 'disable', unit) }
}

/** Throws NOT_ALLOWED unless the actor may create units. */
export function assertCanCreateUnit(actor: Pick<Actor, 'roles'>): void {
  if (!canCreateUnit(actor)) throw new AppError('NOT_ALLOWED', { message: 'Not allowed: unit.create' })
}

/** Throws NOT_ALLOWED unless the actor may change this unit. */
export function assertCanUpdateUnit(actor: Pick<Actor, 'roles'>, unit: UnitRecord): void {
  if (!canOnUnit(actor, 'update', unit))
    throw new AppError('NOT_ALLOWED', { message: 'Not allowed: unit.update' })
}

/** Why a unit may not be disabled, as a coded error; checked before the generic ability so the admin learns why. */
export function assertUnitMayBeDisabled(unit: UnitRecord): void {
  if (unit.activeChildCount > 0) {
    throw new AppError('UNIT_HAS_CHILDREN', {
      message: `The unit still has ${unit.activeChildCount} active sub-unit(s); disable or move them first`,
    })
  }
  if (unit.userCount > 0) {
    throw new AppError('CONFLICT', {
      message: `The unit still has ${unit.userCount} active user(s); move or disable them first`,
      details: [{ path: 'isActive', message: 'Đơn vị còn người dùng đang hoạt động' }],
    })
  }
}

/**
 * Whether putting `unitId` under a parent whose chain up to the root is `parentChain` (the parent
 * first) would make the tree a cycle.
 */
export function wouldCreateCycle(unitId: string, parentChain: readonly string[]): boolean {
  return parentChain.includes(unitId)
}
