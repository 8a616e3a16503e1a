/** A user edits their own name, contact details and language. */
import { eq } from 'drizzle-orm'
import type { TUpdateProfile } from '@common/contracts/auth'
import { users } from '../../../platform/db/schema.ts'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { unsafeFindUser } from '../queries.ts'

export async function updateProfile(ctx: Ctx, input: TUpdateProfile): Promise<void> {
  const before = await unsafeFindUser(ctx.tx, ctx.actor.id)
  if (!before) throw new AppError('UNAUTHENTICATED')
  const patch = {
    ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
    ...(input.email !== undefined ? { email: input.email || null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  }
  if (Object.keys(patch).length === 0) return
  await ctx.tx
    .update(users)
    .set({ ...patch, updatedAt: ctx.now })
    .where(eq(users.id, before.id))
  const old = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof typeof patch]]))
  await recordEvent(ctx, {
    action: 'user.profileUpdated',
    targetType: 'user',
    targetId: before.id,
    data: { before: old, after: patch },
  })
}
