/** Steps shared by the unit actions: our organization, a valid parent, a free code. */
import type { Executor } from '../../../platform/db/client.ts'
import { AppError } from '../../../platform/errors.ts'
import { findOwnOrganization, findUnitByCode, unsafeFindUnit, unitChainUp, type UnitRow } from '../queries.ts'
import { wouldCreateCycle } from '../policy.ts'
import { unitCodeTaken } from '../store.ts'

/** Units always belong to our own organization; without one the system is not set up yet. */
export async function requireOwnOrganization(db: Executor): Promise<{ id: string; name: string }> {
  const own = await findOwnOrganization(db)
  if (!own) {
    throw new AppError('CONFLICT', {
      message:
        'Our own organization is not set up yet (no organization with is_own = true); run the initial setup first',
    })
  }
  return own
}

function invalidParent(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path: 'parentId', message }] })
}

/**
 * The parent must be an active unit of our organization and, when moving `unitId`, must not be
 * the unit itself or one of its descendants.
 */
export async function assertParent(
  db: Executor,
  organizationId: string,
  parentId: string,
  unitId: string | null,
): Promise<UnitRow> {
  const parent = await unsafeFindUnit(db, parentId)
  if (!parent || parent.organizationId !== organizationId) throw invalidParent('Unknown parent unit')
  if (unitId && wouldCreateCycle(unitId, await unitChainUp(db, parentId))) {
    throw new AppError('UNIT_CYCLE', {
      message: 'A unit cannot be placed under itself or one of its own sub-units',
      details: [
        { path: 'parentId', message: 'Đơn vị cha không được là chính nó hoặc đơn vị cấp dưới của nó' },
      ],
    })
  }
  return parent
}

/** An active unit needs an active parent (a disabled branch stays disabled below). */
export function assertParentActive(parent: UnitRow | null, isActive: boolean): void {
  if (parent && isActive && !parent.isActive) throw invalidParent('The parent unit is disabled')
}

/** Unit codes are unique within the organization. */
export async function assertUnitCodeFree(
  db: Executor,
  organizationId: string,
  code: string,
  exceptId: string | null,
): Promise<void> {
  const holder = await findUnitByCode(db, organizationId, code)
  if (holder && holder.id !== exceptId) throw unitCodeTaken(code)
}
