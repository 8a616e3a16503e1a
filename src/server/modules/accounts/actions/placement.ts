import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../../platform/db/client.ts'
import { organizations, units } from '../../../platform/db/schema.ts'
import { AppError } from '../../../platform/errors.ts'

/** A user belongs to an existing organization, and a unit (if any) must be a unit of that organization. */
export async function assertPlacement(
  db: Executor,
  organizationId: string,
  unitId: string | null,
): Promise<void> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
  if (!org) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'Unknown organization',
      details: [{ path: 'organizationId', message: 'unknown' }],
    })
  }
  if (unitId) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId), eq(units.organizationId, organizationId)))
    if (!unit) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'The unit does not belong to this organization',
        details: [{ path: 'unitId', message: 'unknown' }],
      })
    }
  }
}
