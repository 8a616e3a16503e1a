/**
 * Signing keys held by the system (PKCS#12, protected by a PIN that is never stored) and the PIN
 * lock: 5 wrong PINs in a row lock a user's signing for 15 minutes. The failure is written in a
 * transaction of its own, since the refused action rolls back.
 */
import { and, desc, eq, sql } from 'drizzle-orm'
import { Readable } from 'node:stream'
import type { Ctx } from '../../platform/context.ts'
import type { Executor } from '../../platform/db/client.ts'
import { signingKeys, signingPinFailures, trustedRoots, users } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/errors.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import { SigningError } from '../../platform/signing/index.ts'
import { insertFileWithBlob } from '../files/index.ts'
import { DOCUMENT_OUT_EVENTS } from './events.ts'
import { recordOutEvent } from './actions/support.ts'

export const PIN_MAX_FAILURES = 5
export const PIN_LOCK_MS = 15 * 60_000

export type KeyRow = typeof signingKeys.$inferSelect

export async function activeUserKey(db: Executor, userId: string): Promise<KeyRow | null> {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(
      and(eq(signingKeys.userId, userId), eq(signingKeys.ownerKind, 'user'), eq(signingKeys.isActive, true)),
    )
    .limit(1)
  return rows[0] ?? null
}

export async function activeOrganizationKey(db: Executor, organizationId: string): Promise<KeyRow | null> {
  const rows = await db
    .select()
    .from(signingKeys)
    .where(
      and(
        eq(signingKeys.ownerKind, 'organization'),
        eq(signingKeys.organizationId, organizationId),
        eq(signingKeys.isActive, true),
      ),
    )
    .limit(1)
  return rows[0] ?? null
}

export async function pinState(db: Executor, userId: string) {
  const rows = await db
    .select()
    .from(signingPinFailures)
    .where(eq(signingPinFailures.userId, userId))
    .limit(1)
  return rows[0] ?? null
}

export async function assertPinNotLocked(db: Executor, userId: string, now: Date) {
  const state = await pinState(db, userId)
  if (state?.lockedUntil && state.lockedUntil > now)
    throw new AppError('PIN_LOCKED', {
      message: 'Too many wrong PINs',
      details: { lockedUntil: state.lockedUntil.toISOString() },
    })
}

/** Count one wrong PIN for the actor (its own transaction); the fifth in a row locks signing. */
export async function recordPinFailure(ctx: Ctx, input: { documentId: string | null; purpose: string }) {
  const lockedUntil = new Date(ctx.now.getTime() + PIN_LOCK_MS)
  await ctx.tx.execute(sql`INSERT INTO signing_pin_failures (user_id, failed_count, last_failed_at)
    VALUES (${ctx.actor.id}, 1, ${ctx.now.toISOString()})
    ON CONFLICT (user_id) DO UPDATE SET failed_count = signing_pin_failures.failed_count + 1, last_failed_at = EXCLUDED.last_failed_at`)
  const state = await pinState(ctx.tx, ctx.actor.id)
  const isLocked = (state?.failedCount ?? 0) >= PIN_MAX_FAILURES
  if (isLocked)
    await ctx.tx
      .update(signingPinFailures)
      .set({ failedCount: 0, lockedUntil })
      .where(eq(signingPinFailures.userId, ctx.actor.id))
  if (input.documentId)
    await recordOutEvent(ctx, input.documentId, DOCUMENT_OUT_EVENTS.signingRefused, {
      reason: 'WRONG_PIN',
      purpose: input.purpose,
      failedCount: state?.failedCount ?? 1,
      lockedUntil: isLocked ? lockedUntil.toISOString() : null,
    })
  return { isLocked }
}

export async function resetPinFailures(db: Executor, userId: string) {
  await db.delete(signingPinFailures).where(eq(signingPinFailures.userId, userId))
}

/** The signing library's refusal as an application error (WRONG_PIN, NOT_A_PDF, ...). */
export function signingAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (err instanceof SigningError)
    return new AppError(err.code === 'NO_KEY' ? 'SIGNING_KEY_MISSING' : err.code, {
      message: err.message,
      cause: err,
    })
  return new AppError('INTERNAL', {
    message: err instanceof Error ? err.message : 'signing failed',
    cause: err,
  })
}

/** Store produced bytes (a signed PDF, a conversion) as a blob; the file row comes with the transaction. */
export async function putBytes(blobs: BlobStore, bytes: Uint8Array, maxBytes: number) {
  return blobs.put(Readable.from([Buffer.from(bytes)]), { maxBytes: Math.max(maxBytes, bytes.length + 1) })
}

export async function insertProducedFile(
  ctx: Ctx,
  stored: { sha256: string; size: number },
  filename: string,
  mediaType = 'application/pdf',
) {
  return insertFileWithBlob(ctx.tx, {
    ...stored,
    filename,
    mediaType,
    uploadedBy: ctx.actor.id,
    createdAt: ctx.now,
  })
}

export async function readBlob(blobs: BlobStore, sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of await blobs.get(sha256)) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

export async function listKeys(db: Executor) {
  return db
    .select({ k: signingKeys, userName: users.fullName })
    .from(signingKeys)
    .leftJoin(users, eq(users.id, signingKeys.userId))
    .orderBy(desc(signingKeys.isActive), desc(signingKeys.createdAt))
}

export async function listRoots(db: Executor) {
  return db.select().from(trustedRoots).orderBy(desc(trustedRoots.createdAt))
}
