/**
 * An administrator edits an organization, or disables / enables it (isActive). Our own
 * organization may be edited (name, contacts) but keeps its kind and is never disabled.
 */
import type { TOrganizationUpdate } from '@common/contracts/organizations'
import type { Ctx } from '../../../platform/context.ts'
import { notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanChangeOrganization } from '../policy.ts'
import { auditOrganization } from '../present.ts'
import { unsafeFindOrganization, type OrganizationRow } from '../queries.ts'
import { updateOrganizationRow } from '../store.ts'
import { assertCodeFree, changedKeys, organizationPatch } from './organization-rules.ts'

/** Apply a partial change; records organization.updated, .disabled or .enabled, or nothing if unchanged. */
export async function updateOrganization(
  ctx: Ctx,
  input: TOrganizationUpdate & { id: string },
): Promise<OrganizationRow> {
  const before = await unsafeFindOrganization(ctx.tx, input.id)
  if (!before) throw notFound('organization')
  assertCanChangeOrganization(ctx.actor, before, input)
  const patch = {
    ...organizationPatch(input),
    ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
  }
  const changed = changedKeys(before, patch)
  if (changed.length === 0) return before
  if (changed.includes('code')) await assertCodeFree(ctx.tx, patch.code, before.id)
  await updateOrganizationRow(ctx.tx, before.id, { ...patch, updatedAt: ctx.now })
  const after = (await unsafeFindOrganization(ctx.tx, before.id))!
  const action =
    before.isActive && !after.isActive
      ? 'organization.disabled'
      : !before.isActive && after.isActive
        ? 'organization.enabled'
        : 'organization.updated'
  await recordEvent(ctx, {
    action,
    targetType: 'organization',
    targetId: before.id,
    data: { before: auditOrganization(before), after: auditOrganization(after) },
  })
  return after
}
