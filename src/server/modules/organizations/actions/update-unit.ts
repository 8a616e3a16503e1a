/**
 * An administrator renames, re-codes, moves (parentId), reorders, disables or enables a unit of
 * our organization. The tree stays a tree; a unit with active sub-units or users stays active.
 */
import type { TUnitUpdate } from '@common/contracts/organizations'
import type { Ctx } from '../../../platform/context.ts'
import { notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanUpdateUnit, assertUnitMayBeDisabled } from '../policy.ts'
import { auditUnit } from '../present.ts'
import { unsafeFindUnit, type UnitRow } from '../queries.ts'
import { lockUnitTree, updateUnitRow, type UnitPatch } from '../store.ts'
import { changedKeys } from './organization-rules.ts'
import { assertParent, assertParentActive, assertUnitCodeFree, requireOwnOrganization } from './unit-rules.ts'

function unitPatch(input: TUnitUpdate): UnitPatch {
  const patch: UnitPatch = {}
  if (input.parentId !== undefined) patch.parentId = input.parentId
  if (input.code !== undefined) patch.code = input.code
  if (input.name !== undefined) patch.name = input.name
  if (input.shortName !== undefined) patch.shortName = input.shortName
  if (input.sortOrder !== undefined) patch.sortOrder = input.sortOrder
  if (input.isActive !== undefined) patch.isActive = input.isActive
  return patch
}

/** Apply a partial change; records unit.updated, .disabled or .enabled, or nothing if unchanged. */
export async function updateUnit(ctx: Ctx, input: TUnitUpdate & { id: string }): Promise<UnitRow> {
  const own = await requireOwnOrganization(ctx.tx)
  await lockUnitTree(ctx.tx)
  const before = await unsafeFindUnit(ctx.tx, input.id)
  // Units of other organizations are not ours to manage: they answer as if they did not exist.
  if (!before || before.organizationId !== own.id) throw notFound('unit')
  assertCanUpdateUnit(ctx.actor, before)
  const patch = unitPatch(input)
  const changed = changedKeys(before, patch)
  if (changed.length === 0) return before
  if (changed.includes('isActive') && patch.isActive === false) assertUnitMayBeDisabled(before)
  const isActive = patch.isActive ?? before.isActive
  const parentId = patch.parentId === undefined ? before.parentId : patch.parentId
  if (parentId && (changed.includes('parentId') || (changed.includes('isActive') && isActive))) {
    assertParentActive(await assertParent(ctx.tx, own.id, parentId, before.id), isActive)
  }
  if (changed.includes('code')) await assertUnitCodeFree(ctx.tx, own.id, patch.code!, before.id)
  await updateUnitRow(ctx.tx, before.id, { ...patch, updatedAt: ctx.now })
  const after = (await unsafeFindUnit(ctx.tx, before.id))!
  const action =
    before.isActive && !after.isActive
      ? 'unit.disabled'
      : !before.isActive && after.isActive
        ? 'unit.enabled'
        : 'unit.updated'
  await recordEvent(ctx, {
    action,
    targetType: 'unit',
    targetId: before.id,
    data: { before: auditUnit(before), after: auditUnit(after) },
  })
  return after
}
