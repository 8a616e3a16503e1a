/** Read side of delegations. */
import { and, asc, desc, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DelegationScope } from '@common/domain'
import type { Executor } from '../../platform/db/client.ts'
import { delegations, users } from '../../platform/db/schema.ts'
import type { DelegationStatus } from './policy.ts'

export type DelegationRow = typeof delegations.$inferSelect & {
  principalName: string
  delegateName: string
  createdByName: string
}

/** Lists have no paging in the contract; a person has a handful of delegations, an office a few hundred a year. */
const LIST_LIMIT = 500

// The names come from the users table (accounts'): a read-only join, the only way to list names in one query.
const principal = alias(users, 'principal')
const delegate = alias(users, 'delegate')
const creator = alias(users, 'creator')

function selectDelegations(db: Executor) {
  return db
    .select({
      delegation: delegations,
      principalName: principal.fullName,
      delegateName: delegate.fullName,
      createdByName: creator.fullName,
    })
    .from(delegations)
    .innerJoin(principal, eq(principal.id, delegations.principalId))
    .innerJoin(delegate, eq(delegate.id, delegations.delegateId))
    .innerJoin(creator, eq(creator.id, delegations.createdBy))
}

function flatten(r: {
  delegation: typeof delegations.$inferSelect
  principalName: string
  delegateName: string
  createdByName: string
}): DelegationRow {
  return {
    ...r.delegation,
    principalName: r.principalName,
    delegateName: r.delegateName,
    createdByName: r.createdByName,
  }
}

/** The SQL twin of policy.delegationStatus. */
function statusCondition(status: DelegationStatus, now: Date): SQL {
  switch (status) {
    case 'revoked':
      return isNotNull(delegations.revokedAt)
    case 'scheduled':
      return and(isNull(delegations.revokedAt), gt(delegations.startsAt, now))!
    case 'expired':
      return and(isNull(delegations.revokedAt), lte(delegations.endsAt, now))!
    case 'active':
      return and(isNull(delegations.revokedAt), lte(delegations.startsAt, now), gt(delegations.endsAt, now))!
  }
}

function involving(userId: string): SQL {
  return or(eq(delegations.principalId, userId), eq(delegations.delegateId, userId))!
}

export type DelegationListFilter = {
  /** null: every delegation (administrators); a user id: only those where they are principal or delegate. */
  visibleTo: string | null
  status?: DelegationStatus | undefined
  userId?: string | undefined
  now: Date
}

/** Delegations the caller may see, newest first. */
export async function listDelegations(db: Executor, filter: DelegationListFilter): Promise<DelegationRow[]> {
  const where: SQL[] = []
  if (filter.visibleTo) where.push(involving(filter.visibleTo))
  if (filter.userId) where.push(involving(filter.userId))
  if (filter.status) where.push(statusCondition(filter.status, filter.now))
  const rows = await selectDelegations(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(delegations.createdAt), desc(delegations.id))
    .limit(LIST_LIMIT)
  return rows.map(flatten)
}

/** One delegation, no visibility check: callers check policy. */
export async function unsafeFindDelegation(db: Executor, id: string): Promise<DelegationRow | null> {
  const rows = await selectDelegations(db).where(eq(delegations.id, id)).limit(1)
  return rows[0] ? flatten(rows[0]) : null
}

/** Unrevoked delegations between the same two people that overlap [startsAt, endsAt). */
export async function findOverlapping(
  db: Executor,
  input: { principalId: string; delegateId: string; startsAt: Date; endsAt: Date },
): Promise<DelegationRow[]> {
  const rows = await selectDelegations(db).where(
    and(
      eq(delegations.principalId, input.principalId),
      eq(delegations.delegateId, input.delegateId),
      isNull(delegations.revokedAt),
      sql`${delegations.startsAt} < ${input.endsAt}`,
      sql`${delegations.endsAt} > ${input.startsAt}`,
    ),
  )
  return rows.map(flatten)
}

/** Conditions of a delegation in force at `now` whose principal is still an active user. */
function inForce(now: Date): SQL {
  return and(
    isNull(delegations.revokedAt),
    lte(delegations.startsAt, now),
    gt(delegations.endsAt, now),
    eq(principal.isActive, true),
  )!
}

/** Whom the user may act for right now, and in what. */
export async function activeDelegationsOf(
  db: Executor,
  userId: string,
  now: Date,
): Promise<{ principalId: string; principalName: string; scopes: string[]; endsAt: string }[]> {
  const rows = await db
    .select({
      principalId: delegations.principalId,
      principalName: principal.fullName,
      scopes: delegations.scopes,
      endsAt: delegations.endsAt,
    })
    .from(delegations)
    .innerJoin(principal, eq(principal.id, delegations.principalId))
    .where(and(eq(delegations.delegateId, userId), inForce(now)))
    .orderBy(asc(principal.fullName), asc(delegations.endsAt))
  return rows.map((r) => ({ ...r, endsAt: r.endsAt.toISOString() }))
}

/** Whether `delegateId` may act for `principalId` in `scope` at `now` (a delegation of scope 'all' covers every scope). */
export async function hasDelegation(
  db: Executor,
  input: { delegateId: string; principalId: string; scope: DelegationScope; now: Date },
): Promise<boolean> {
  const rows = await db
    .select({ id: delegations.id })
    .from(delegations)
    .innerJoin(principal, eq(principal.id, delegations.principalId))
    .where(
      and(
        eq(delegations.delegateId, input.delegateId),
        eq(delegations.principalId, input.principalId),
        inForce(input.now),
        sql`('all' = ANY(${delegations.scopes}) OR ${input.scope} = ANY(${delegations.scopes}))`,
      ),
    )
    .limit(1)
  return rows.length > 0
}
