/** An administrator edits an account's name, contacts, placement, position and roles. */
import { eq } from 'drizzle-orm'
import type { TUpdateUser } from '@common/contracts/users'
import { users } from '../../../platform/db/schema.ts'
import type { Ctx } from '../../../platform/context.ts'
import { notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { assertCanOnUser, assertKeepsOwnAdmin } from '../policy.ts'
import { auditUser } from '../present.ts'
import { unsafeFindUser, type UserView } from '../queries.ts'
import { assertPlacement } from './placement.ts'

export async function updateUser(ctx: Ctx, input: TUpdateUser & { id: string }): Promise<UserView> {
  const before = await unsafeFindUser(ctx.tx, input.id)
  if (!before) throw notFound('user')
  assertCanOnUser(ctx.actor, 'update', before, ctx.now)
  assertKeepsOwnAdmin(ctx.actor, before.id, input.roles)
  const organizationId = input.organizationId ?? before.organizationId
  const unitId = input.unitId === undefined ? before.unitId : input.unitId
  await assertPlacement(ctx.tx, organizationId, unitId)
  await ctx.tx
    .update(users)
    .set({
      ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
      ...(input.email !== undefined ? { email: input.email || null } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
      organizationId,
      unitId,
      updatedAt: ctx.now,
    })
    .where(eq(users.id, before.id))
  const after = (await unsafeFindUser(ctx.tx, before.id))!
  await recordEvent(ctx, {
    action: 'user.updated',
    targetType: 'user',
    targetId: before.id,
    data: { before: auditUser(before), after: auditUser(after) },
  })
  return after
}
