/** A double submission of the draft form returns the first draft (same user, same clientRequestId). */
import { and, eq, sql } from 'drizzle-orm'
import type { Executor, Tx } from '../../platform/db/client.ts'
import { documents } from '../../platform/db/schema.ts'

/** Lock class of the advisory lock, distinct from the incoming registration's. */
const CLIENT_REQUEST_LOCK_CLASS = 4_004

export async function lockClientRequest(tx: Tx, userId: string, clientRequestId: string): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${CLIENT_REQUEST_LOCK_CLASS}, hashtext(${`${userId}:${clientRequestId}`}))`,
  )
}

export async function findDraftByClientRequest(db: Executor, userId: string, clientRequestId: string) {
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.registeredBy, userId), eq(documents.clientRequestId, clientRequestId)))
    .limit(1)
  return rows[0]?.id ?? null
}
