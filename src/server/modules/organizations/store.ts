/** Write side of organizations and units. */
import { eq, sql } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import { organizations, units } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors.ts'

/** Serialises writers of the unit tree, so two concurrent moves cannot build a cycle together. */
const UNIT_TREE_LOCK_KEY = 7_300_101

export type OrganizationValues = Omit<typeof organizations.$inferInsert, 'id'>
export type OrganizationPatch = Partial<Omit<typeof organizations.$inferInsert, 'id' | 'isOwn' | 'createdAt'>>
export type UnitValues = Omit<typeof units.$inferInsert, 'id'>
export type UnitPatch = Partial<Omit<typeof units.$inferInsert, 'id' | 'organizationId' | 'createdAt'>>

/** The PostgreSQL error code of a unique violation on the named index, looked up through wrapped causes. */
function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const {
      code,
      constraint: name,
      message,
    } = e as { code?: unknown; constraint?: unknown; message?: unknown }
    if (
      code === '23505' &&
      (name === constraint || (typeof message === 'string' && message.includes(constraint)))
    )
      return true
  }
  return false
}

/** The pre-checks in actions give the friendly error; this one covers the race between check and write. */
async function translateUnique<T>(
  run: () => Promise<T>,
  constraint: string,
  toError: () => AppError,
): Promise<T> {
  try {
    return await run()
  } catch (err) {
    if (isUniqueViolation(err, constraint)) throw toError()
    throw err
  }
}

export function organizationCodeTaken(code: string): AppError {
  return new AppError('ORGANIZATION_CODE_TAKEN', {
    message: `The organization code ${code} is already used`,
    details: [{ path: 'code', message: 'Mã định danh đã được dùng cho cơ quan khác' }],
  })
}

export function unitCodeTaken(code: string): AppError {
  return new AppError('CONFLICT', {
    message: `The unit code ${code} is already used in this organization`,
    details: [{ path: 'code', message: 'Mã đơn vị đã được dùng' }],
  })
}

export async function insertOrganization(tx: Tx, values: OrganizationValues): Promise<string> {
  const [row] = await translateUnique(
    () => tx.insert(organizations).values(values).returning({ id: organizations.id }),
    'organizations_code_key',
    () => organizationCodeTaken(values.code ?? ''),
  )
  return row!.id
}

export async function updateOrganizationRow(tx: Tx, id: string, patch: OrganizationPatch): Promise<void> {
  await translateUnique(
    () => tx.update(organizations).set(patch).where(eq(organizations.id, id)),
    'organizations_code_key',
    () => organizationCodeTaken(patch.code ?? ''),
  )
}

export async function lockUnitTree(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${UNIT_TREE_LOCK_KEY})`)
}

export async function insertUnit(tx: Tx, values: UnitValues): Promise<string> {
  const [row] = await translateUnique(
    () => tx.insert(units).values(values).returning({ id: units.id }),
    'units_org_code_key',
    () => unitCodeTaken(values.code),
  )
  return row!.id
}

export async function updateUnitRow(tx: Tx, id: string, patch: UnitPatch): Promise<void> {
  await translateUnique(
    () => tx.update(units).set(patch).where(eq(units.id, id)),
    'units_org_code_key',
    () => unitCodeTaken(patch.code ?? ''),
  )
}
