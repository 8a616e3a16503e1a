/** An administrator adds a unit (department) to our organization's tree. */
import type { TUnitInput } from '@common/contracts/organizations'
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanCreateUnit } from '../policy.ts'
import { auditUnit } from '../present.ts'
import { unsafeFindUnit, type UnitRow } from '../queries.ts'
import { insertUnit, lockUnitTree } from '../store.ts'
import { assertParent, assertParentActive, assertUnitCodeFree, requireOwnOrganization } from './unit-rules.ts'

/** Add a unit under an active parent of our organization, or at the root. */
export async function createUnit(ctx: Ctx, input: TUnitInput): Promise<UnitRow> {
  assertCanCreateUnit(ctx.actor)
  const own = await requireOwnOrganization(ctx.tx)
  await lockUnitTree(ctx.tx)
  if (input.parentId) assertParentActive(await assertParent(ctx.tx, own.id, input.parentId, null), true)
  await assertUnitCodeFree(ctx.tx, own.id, input.code, null)
  const id = await insertUnit(ctx.tx, {
    organizationId: own.id,
    parentId: input.parentId ?? null,
    code: input.code,
    name: input.name,
    shortName: input.shortName,
    sortOrder: input.sortOrder,
    isActive: true,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  const after = (await unsafeFindUnit(ctx.tx, id))!
  await recordEvent(ctx, {
    action: 'unit.created',
    targetType: 'unit',
    targetId: id,
    data: { after: auditUnit(after) },
  })
  return after
}
