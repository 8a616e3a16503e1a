/** A user changes their own password; every other session of theirs is revoked. */
import { eq } from 'drizzle-orm'
import type { TChangePassword } from '@common/contracts/auth'
import { users } from '../../../platform/db/schema.ts'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { revokeUserSessions } from '../../../platform/http/session.ts'
import { hashPassword, verifyPassword } from '../password.ts'
import { unsafeFindUser } from '../queries.ts'

export async function changePassword(
  ctx: Ctx,
  input: TChangePassword & { sessionTokenHash: string },
): Promise<void> {
  const user = await unsafeFindUser(ctx.tx, ctx.actor.id)
  if (!user) throw new AppError('UNAUTHENTICATED')
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', { message: 'The current password is wrong' })
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('PASSWORD_REUSED', { message: 'The new password must differ from the current one' })
  }
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: ctx.now,
      mustChangePassword: false,
      updatedAt: ctx.now,
    })
    .where(eq(users.id, user.id))
  const revoked = await revokeUserSessions(ctx.tx, user.id, ctx.now, input.sessionTokenHash)
  await recordEvent(ctx, {
    action: 'user.passwordChanged',
    targetType: 'user',
    targetId: user.id,
    data: { revokedSessions: revoked },
  })
}
