/** Two-factor authentication: verify a code at sign-in, enrol, and switch it off. */
import { eq } from 'drizzle-orm'
import { users } from '../../../platform/db/schema.ts'
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { setSessionMfaState } from '../../../platform/http/session.ts'
import { verifyPassword } from '../password.ts'
import { decryptSecret, encryptSecret, matchTotp, newTotpSecret, totpEnrolment } from '../totp.ts'
import { unsafeFindUser } from '../queries.ts'

async function loadSelf(ctx: Ctx) {
  const user = await unsafeFindUser(ctx.tx, ctx.actor.id)
  if (!user) throw new AppError('UNAUTHENTICATED')
  return user
}

/** Accept a code once: it must match the secret and be newer than the last accepted step. */
async function acceptCode(ctx: Ctx, secret: string, lastStep: number | null, code: string): Promise<number> {
  const step = matchTotp(decryptSecret(ctx.config.appSecret, secret), code, ctx.now)
  if (step === null || (lastStep !== null && step <= lastStep)) {
    throw new AppError('MFA_INVALID_CODE', { message: 'The code is wrong or already used' })
  }
  await ctx.tx.update(users).set({ totpLastStep: step }).where(eq(users.id, ctx.actor.id))
  return step
}

/** Finish sign-in with the one-time code. */
export async function verifyTotp(ctx: Ctx, input: { code: string; sessionTokenHash: string }): Promise<void> {
  const user = await loadSelf(ctx)
  if (!user.totpSecret || !user.totpEnabledAt)
    throw new AppError('INVALID_TRANSITION', { message: 'Two-factor is not enabled' })
  await acceptCode(ctx, user.totpSecret, user.totpLastStep, input.code)
  await setSessionMfaState(ctx.tx, input.sessionTokenHash, 'verified')
  await recordEvent(ctx, { action: 'auth.totpVerified', targetType: 'user', targetId: user.id })
}

/** Start enrolment: a new secret (kept until confirmed) and its QR code. */
export async function startTotpSetup(
  ctx: Ctx,
): Promise<{ secret: string; otpauthUrl: string; qrDataUrl: string }> {
  const user = await loadSelf(ctx)
  if (user.totpEnabledAt)
    throw new AppError('INVALID_TRANSITION', { message: 'Two-factor is already enabled' })
  const secret = newTotpSecret()
  await ctx.tx
    .update(users)
    .set({ totpSecret: encryptSecret(ctx.config.appSecret, secret), totpLastStep: null })
    .where(eq(users.id, user.id))
  return { secret, ...(await totpEnrolment(secret, user.username)) }
}

/** Confirm enrolment with a first code; the session counts as verified from now on. */
export async function enableTotp(ctx: Ctx, input: { code: string; sessionTokenHash: string }): Promise<void> {
  const user = await loadSelf(ctx)
  if (user.totpEnabledAt)
    throw new AppError('INVALID_TRANSITION', { message: 'Two-factor is already enabled' })
  if (!user.totpSecret) throw new AppError('INVALID_TRANSITION', { message: 'Start the setup first' })
  await acceptCode(ctx, user.totpSecret, null, input.code)
  await ctx.tx.update(users).set({ totpEnabledAt: ctx.now, updatedAt: ctx.now }).where(eq(users.id, user.id))
  await setSessionMfaState(ctx.tx, input.sessionTokenHash, 'verified')
  await recordEvent(ctx, { action: 'user.totpEnabled', targetType: 'user', targetId: user.id })
}

/** Switch two-factor off (with the password); refused where it is required (administrators). */
export async function disableTotp(ctx: Ctx, input: { password: string }): Promise<void> {
  const user = await loadSelf(ctx)
  if (!user.totpEnabledAt) throw new AppError('INVALID_TRANSITION', { message: 'Two-factor is not enabled' })
  if (ctx.config.requireAdminMfa && user.roles.includes('admin')) {
    throw new AppError('NOT_ALLOWED', { message: 'Administrators must keep two-factor authentication' })
  }
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw new AppError('WRONG_PASSWORD', { message: 'Wrong password' })
  await ctx.tx
    .update(users)
    .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null, updatedAt: ctx.now })
    .where(eq(users.id, user.id))
  await recordEvent(ctx, { action: 'user.totpDisabled', targetType: 'user', targetId: user.id })
}
