/**
 * Sign in with username and password. Every attempt is written to login_attempts; repeated
 * failures lock the account for a while, and too many failures from one address are refused.
 */
import { and, count, eq, gte, sql } from 'drizzle-orm'
import type { TLoginRequest } from '@common/contracts/auth'
import type { Config } from '../../../config.ts'
import type { Db, Tx } from '../../../platform/db/client.ts'
import { loginAttempts, users } from '../../../platform/db/schema.ts'
import type { RequestFacts } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { appendEvent } from '../../../platform/events/record.ts'
import { createSession, type MfaState } from '../../../platform/http/session.ts'
import { dummyPasswordHash, verifyPassword } from '../password.ts'
import { unsafeFindUserByUsername } from '../queries.ts'

export type AuthCtx = { db: Db; config: Config; now: Date; request: RequestFacts }

export type LoginResult = { token: string; csrfToken: string; mfaState: MfaState; userId: string }

/** Check credentials and open a session (which may still need the second factor). */
export async function login(ctx: AuthCtx, input: TLoginRequest): Promise<LoginResult> {
  const { db, config, now, request } = ctx
  const since = new Date(now.getTime() - config.login.lockMinutes * 60_000)
  const attempt = (tx: Db | Tx, userId: string | null, isSuccess: boolean, reason: string | null) =>
    tx.insert(loginAttempts).values({
      username: input.username.slice(0, 100),
      userId,
      ip: request.ip,
      userAgent: request.userAgent,
      isSuccess,
      reason,
      at: now,
    })

  if (request.ip) {
    const [row] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.ip, request.ip),
          eq(loginAttempts.isSuccess, false),
          gte(loginAttempts.at, since),
        ),
      )
    if (Number(row?.n ?? 0) >= config.login.ipMaxFailures) {
      await attempt(db, null, false, 'ip_throttled')
      throw new AppError('TOO_MANY_ATTEMPTS', {
        message: 'Too many failed sign-ins from this address; try again later',
      })
    }
  }

  const user = await unsafeFindUserByUsername(db, input.username)
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password)
    await attempt(db, null, false, 'unknown_user')
    throw new AppError('INVALID_CREDENTIALS', { message: 'Wrong username or password' })
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await attempt(db, user.id, false, 'locked')
    throw new AppError('ACCOUNT_LOCKED', {
      message: 'Account locked after repeated failures',
      details: { lockedUntil: user.lockedUntil.toISOString() },
    })
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLoginCount + 1
    const locks = failures >= config.login.maxFailures
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set(
          locks
            ? {
                failedLoginCount: 0,
                lockedUntil: new Date(now.getTime() + config.login.lockMinutes * 60_000),
              }
            : { failedLoginCount: sql`${users.failedLoginCount} + 1` },
        )
        .where(eq(users.id, user.id))
      await attempt(tx, user.id, false, 'wrong_password')
      if (locks) {
        await appendEvent(tx, {
          occurredAt: now,
          actorId: null,
          principalId: null,
          action: 'user.locked',
          targetType: 'user',
          targetId: user.id,
          ip: request.ip,
          userAgent: request.userAgent,
          data: { failures, lockMinutes: config.login.lockMinutes },
        })
      }
    })
    if (locks) throw new AppError('ACCOUNT_LOCKED', { message: 'Account locked after repeated failures' })
    throw new AppError('INVALID_CREDENTIALS', { message: 'Wrong username or password' })
  }
  if (!user.isActive) {
    await attempt(db, user.id, false, 'disabled')
    throw new AppError('ACCOUNT_DISABLED', { message: 'This account is disabled' })
  }

  const mfaState: MfaState = user.totpEnabledAt
    ? 'totp_pending'
    : config.requireAdminMfa && user.roles.includes('admin')
      ? 'totp_setup_required'
      : 'verified'
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id))
    await attempt(tx, user.id, true, mfaState === 'verified' ? null : mfaState)
    const session = await createSession(tx, config, {
      userId: user.id,
      mfaState,
      ip: request.ip,
      userAgent: request.userAgent,
      now,
    })
    await appendEvent(tx, {
      occurredAt: now,
      actorId: user.id,
      principalId: user.id,
      action: 'auth.signedIn',
      targetType: 'user',
      targetId: user.id,
      ip: request.ip,
      userAgent: request.userAgent,
      data: { mfaState },
    })
    return { ...session, mfaState, userId: user.id }
  })
}
