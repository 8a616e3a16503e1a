/** Write side of delegations. */
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import { delegations } from '../../platform/db/schema.ts'

/** Lock space for "one writer per principal and delegate pair" (two-key advisory locks). */
const PAIR_LOCK_CLASS = 7_300_201

/** Serialises creations for one pair until the transaction ends, so the duplicate check cannot race. */
export async function lockDelegationPair(tx: Tx, principalId: string, delegateId: string): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(${PAIR_LOCK_CLASS}, hashtext(${`${principalId}:${delegateId}`}))`,
  )
}

export async function insertDelegation(
  tx: Tx,
  values: Omit<typeof delegations.$inferInsert, 'id'>,
): Promise<string> {
  const [row] = await tx.insert(delegations).values(values).returning({ id: delegations.id })
  return row!.id
}

/** Set revoked_at unless it is already set; false when another request revoked it first. */
export async function markRevoked(tx: Tx, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(delegations)
    .set({ revokedAt: at })
    .where(and(eq(delegations.id, id), isNull(delegations.revokedAt)))
    .returning({ id: delegations.id })
  return rows.length === 1
}
