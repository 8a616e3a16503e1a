/** An administrator disables, enables, unlocks an account, or resets its password or second factor. */
import { eq } from 'drizzle-orm'
import { users } from '../../../platform/db/schema.ts'
import type { Ctx } from '../../../platform/context.ts'
import { notFound } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { revokeUserSessions } from '../../../platform/http/session.ts'
import { hashPassword, temporaryPassword } from '../password.ts'
import { assertCanOnUser } from '../policy.ts'
import { unsafeFindUser, type UserView } from '../queries.ts'

async function load(ctx: Ctx, id: string): Promise<UserView> {
  const user = await unsafeFindUser(ctx.tx, id)
  if (!user) throw notFound('user')
  return user
}

/** Disable an account: it can no longer sign in and its sessions end now. */
export async function disableUser(ctx: Ctx, input: { id: string }): Promise<UserView> {
  const user = await load(ctx, input.id)
  assertCanOnUser(ctx.actor, 'disable', user, ctx.now)
  await ctx.tx.update(users).set({ isActive: false, updatedAt: ctx.now }).where(eq(users.id, user.id))
  const revoked = await revokeUserSessions(ctx.tx, user.id, ctx.now)
  await recordEvent(ctx, {
    action: 'user.disabled',
    targetType: 'user',
    targetId: user.id,
    data: { revokedSessions: revoked },
  })
  return load(ctx, user.id)
}

export async function enableUser(ctx: Ctx, input: { id: string }): Promise<UserView> {
  const user = await load(ctx, input.id)
  assertCanOnUser(ctx.actor, 'enable', user, ctx.now)
  await ctx.tx.update(users).set({ isActive: true, updatedAt: ctx.now }).where(eq(users.id, user.id))
  await recordEvent(ctx, { action: 'user.enabled', targetType: 'user', targetId: user.id })
  return load(ctx, user.id)
}

/** Set a new temporary password (returned once), end all sessions, and lift any lock. */
export async function resetPassword(
  ctx: Ctx,
  input: { id: string },
): Promise<{ user: UserView; temporaryPassword: string }> {
  const user = await load(ctx, input.id)
  assertCanOnUser(ctx.actor, 'resetPassword', user, ctx.now)
  const password = temporaryPassword()
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      passwordChangedAt: ctx.now,
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: ctx.now,
    })
    .where(eq(users.id, user.id))
  const revoked = await revokeUserSessions(ctx.tx, user.id, ctx.now)
  await recordEvent(ctx, {
    action: 'user.passwordReset',
    targetType: 'user',
    targetId: user.id,
    data: { revokedSessions: revoked },
  })
  return { user: await load(ctx, user.id), temporaryPassword: password }
}

/** Remove a lost authenticator: the user enrols again at next sign-in (admins must). */
export async function resetTotp(ctx: Ctx, input: { id: string }): Promise<UserView> {
  const user = await load(ctx, input.id)
  assertCanOnUser(ctx.actor, 'resetTotp', user, ctx.now)
  await ctx.tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: ctx.now })
    .where(eq(users.id, user.id))
  const revoked = await revokeUserSessions(ctx.tx, user.id, ctx.now)
  await recordEvent(ctx, {
    action: 'user.totpReset',
    targetType: 'user',
    targetId: user.id,
    data: { revokedSessions: revoked },
  })
  return load(ctx, user.id)
}

export async function unlockUser(ctx: Ctx, input: { id: string }): Promise<UserView> {
  const user = await load(ctx, input.id)
  assertCanOnUser(ctx.actor, 'unlock', user, ctx.now)
  await ctx.tx
    .update(users)
    .set({ lockedUntil: null, failedLoginCount: 0, updatedAt: ctx.now })
    .where(eq(users.id, user.id))
  await recordEvent(ctx, { action: 'user.unlocked', targetType: 'user', targetId: user.id })
  return load(ctx, user.id)
}
