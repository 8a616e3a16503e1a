/**
 * Database-backed sessions: the cookie holds 32 random bytes; the table holds their SHA-256,
 * so a leaked table cannot be replayed. Idle and absolute expiry; revocation is a column.
 */
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Role } from '@common/domain'
import type { Config } from '../../config.ts'
import type { Executor } from '../db/client.ts'
import { sessions, users } from '../db/schema.ts'
import type { Actor } from '../context.ts'

export type MfaState = 'verified' | 'totp_pending' | 'totp_setup_required'

export type SessionInfo = {
  tokenHash: string
  csrfToken: string
  mfaState: MfaState
  user: Actor & {
    mustChangePassword: boolean
    locale: string
    email: string | null
    phone: string | null
    hasTotp: boolean
  }
}

export function sessionCookieName(config: Config): string {
  return config.isProduction ? '__Host-eoffice_sid' : 'eoffice_sid'
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Writes of last_seen_at are bounded to one a minute per session, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000

export async function createSession(
  db: Executor,
  config: Config,
  input: { userId: string; mfaState: MfaState; ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    csrfToken,
    mfaState: input.mfaState,
    createdAt: input.now,
    lastSeenAt: input.now,
    idleExpiresAt: new Date(input.now.getTime() + config.session.idleMinutes * 60_000),
    absoluteExpiresAt: new Date(input.now.getTime() + config.session.absoluteHours * 3_600_000),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  })
  return { token, csrfToken }
}

/** Find a live session for the cookie token, refreshing its idle expiry at most once a minute. */
export async function findSession(
  db: Executor,
  config: Config,
  token: string,
  now: Date,
): Promise<SessionInfo | null> {
  const tokenHash = hashToken(token)
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      mfaState: sessions.mfaState,
      lastSeenAt: sessions.lastSeenAt,
      idleExpiresAt: sessions.idleExpiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      revokedAt: sessions.revokedAt,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      organizationId: users.organizationId,
      unitId: users.unitId,
      position: users.position,
      roles: users.roles,
      isActive: users.isActive,
      mustChangePassword: users.mustChangePassword,
      locale: users.locale,
      email: users.email,
      phone: users.phone,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1)
  const row = rows[0]
  if (!row || row.revokedAt || !row.isActive) return null
  if (row.idleExpiresAt <= now || row.absoluteExpiresAt <= now) return null
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const idle = new Date(
      Math.min(now.getTime() + config.session.idleMinutes * 60_000, row.absoluteExpiresAt.getTime()),
    )
    await db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: idle })
      .where(eq(sessions.tokenHash, tokenHash))
  }
  return {
    tokenHash: row.tokenHash,
    csrfToken: row.csrfToken,
    mfaState: row.mfaState as MfaState,
    user: {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      organizationId: row.organizationId,
      unitId: row.unitId,
      position: row.position,
      roles: row.roles as Role[],
      mustChangePassword: row.mustChangePassword,
      locale: row.locale,
      email: row.email,
      phone: row.phone,
      hasTotp: row.totpEnabledAt !== null,
    },
  }
}

export async function setSessionMfaState(db: Executor, tokenHash: string, mfaState: MfaState): Promise<void> {
  await db.update(sessions).set({ mfaState }).where(eq(sessions.tokenHash, tokenHash))
}

export async function revokeSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
}

/** Revoke every session of a user, except one (the caller's, after a password change). */
export async function revokeUserSessions(
  db: Executor,
  userId: string,
  now: Date,
  exceptTokenHash?: string,
): Promise<number> {
  const where = exceptTokenHash
    ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.tokenHash, exceptTokenHash))
    : and(eq(sessions.userId, userId), isNull(sessions.revokedAt))
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(where)
    .returning({ t: sessions.tokenHash })
  return revoked.length
}

/** Delete sessions that ended more than a day ago (a scheduled job). */
export async function purgeSessions(db: Executor, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 86_400_000)
  await db.execute(
    sql`DELETE FROM sessions WHERE absolute_expires_at < ${cutoff} OR idle_expires_at < ${cutoff} OR revoked_at < ${cutoff}`,
  )
}
