/** An administrator creates an account; without a password given, a temporary one is returned once. */
import type { TCreateUser } from '@common/contracts/users'
import { users } from '../../../platform/db/schema.ts'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { globalCan } from '../policy.ts'
import { hashPassword, temporaryPassword } from '../password.ts'
import { auditUser } from '../present.ts'
import { unsafeFindUser, unsafeFindUserByUsername, type UserView } from '../queries.ts'
import { assertPlacement } from './placement.ts'

export async function createUser(
  ctx: Ctx,
  input: TCreateUser,
): Promise<{ user: UserView; temporaryPassword: string | null }> {
  if (!globalCan(ctx.actor, 'admin.users.manage')) throw new AppError('NOT_ALLOWED')
  if (await unsafeFindUserByUsername(ctx.tx, input.username)) {
    throw new AppError('USERNAME_TAKEN', {
      message: 'This username is taken',
      details: [{ path: 'username', message: 'taken' }],
    })
  }
  await assertPlacement(ctx.tx, input.organizationId, input.unitId ?? null)
  const generated = input.password ? null : temporaryPassword()
  const [row] = await ctx.tx
    .insert(users)
    .values({
      username: input.username,
      fullName: input.fullName,
      email: input.email || null,
      phone: input.phone,
      organizationId: input.organizationId,
      unitId: input.unitId ?? null,
      position: input.position,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(input.password ?? generated!),
      mustChangePassword: true,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      passwordChangedAt: ctx.now,
    })
    .returning()
  const user = (await unsafeFindUser(ctx.tx, row!.id))!
  await recordEvent(ctx, {
    action: 'user.created',
    targetType: 'user',
    targetId: user.id,
    data: { after: auditUser(user) },
  })
  return { user, temporaryPassword: generated }
}
