/** An administrator adds an external organization (ministry, province, partner...) to the directory. */
import type { TOrganizationInput } from '@common/contracts/organizations'
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanCreateOrganization } from '../policy.ts'
import { auditOrganization } from '../present.ts'
import { unsafeFindOrganization, type OrganizationRow } from '../queries.ts'
import { insertOrganization } from '../store.ts'
import { assertCodeFree, organizationPatch } from './organization-rules.ts'

/** Add an organization (never our own: the contract refuses kind 'own'). */
export async function createOrganization(ctx: Ctx, input: TOrganizationInput): Promise<OrganizationRow> {
  assertCanCreateOrganization(ctx.actor)
  const values = organizationPatch(input)
  await assertCodeFree(ctx.tx, values.code, null)
  const id = await insertOrganization(ctx.tx, {
    ...values,
    name: input.name,
    kind: input.kind,
    isOwn: false,
    isActive: true,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  })
  const after = (await unsafeFindOrganization(ctx.tx, id))!
  await recordEvent(ctx, {
    action: 'organization.created',
    targetType: 'organization',
    targetId: id,
    data: { after: auditOrganization(after) },
  })
  return after
}
