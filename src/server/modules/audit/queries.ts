/**
 * Read side of the audit log. The events table is append-only (a trigger refuses UPDATE and
 * DELETE): this module only reads it. Callers hold audit.read, which sees every entry.
 */
import { and, asc, count, desc, eq, gte, ilike, like, lte, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { TAuditQuery, TLoginAttemptQuery } from '@common/contracts/audit'
import type { Executor } from '../../platform/db/client.ts'
import { events, loginAttempts, users } from '../../platform/db/schema.ts'
import { verifyChain, type ChainReport } from '../../platform/events/verify.ts'

export type EventRow = typeof events.$inferSelect & { actorName: string | null; principalName: string | null }
export type LoginAttemptRow = typeof loginAttempts.$inferSelect

// Names come from the users table (accounts'): a read-only join so a page is one query.
const actor = alias(users, 'actor')
const principal = alias(users, 'principal')

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Audit entries matching the filters, newest first. */
export async function listEvents(
  db: Executor,
  query: TAuditQuery,
): Promise<{ items: EventRow[]; total: number }> {
  const where: SQL[] = []
  if (query.action) where.push(eq(events.action, query.action))
  if (query.actorId) where.push(eq(events.actorId, query.actorId))
  if (query.targetType) where.push(eq(events.targetType, query.targetType))
  if (query.targetId) where.push(eq(events.targetId, query.targetId))
  if (query.from) where.push(gte(events.occurredAt, new Date(query.from)))
  if (query.to) where.push(lte(events.occurredAt, new Date(query.to)))
  const condition = where.length ? and(...where) : undefined
  const [rows, totals] = await Promise.all([
    db
      .select({ event: events, actorName: actor.fullName, principalName: principal.fullName })
      .from(events)
      .leftJoin(actor, eq(actor.id, events.actorId))
      .leftJoin(principal, eq(principal.id, events.principalId))
      .where(condition)
      .orderBy(desc(events.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(events).where(condition),
  ])
  return {
    items: rows.map((r) => ({ ...r.event, actorName: r.actorName, principalName: r.principalName })),
    total: Number(totals[0]?.n ?? 0),
  }
}

/** Every action name in the log, sorted. */
export async function listActions(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ action: events.action }).from(events).orderBy(asc(events.action))
  return rows.map((r) => r.action)
}

/** Login attempts, newest first: username by substring, address by prefix. */
export async function listLoginAttempts(
  db: Executor,
  query: TLoginAttemptQuery,
): Promise<{ items: LoginAttemptRow[]; total: number }> {
  const where: SQL[] = []
  if (query.username) where.push(ilike(loginAttempts.username, `%${escapeLike(query.username)}%`))
  if (query.ip) where.push(like(loginAttempts.ip, `${escapeLike(query.ip)}%`))
  if (query.isSuccess !== undefined) where.push(eq(loginAttempts.isSuccess, query.isSuccess))
  const condition = where.length ? and(...where) : undefined
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(loginAttempts)
      .where(condition)
      .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(loginAttempts).where(condition),
  ])
  return { items: rows, total: Number(totals[0]?.n ?? 0) }
}

/** Walk the whole chain (see platform/events/verify.ts). */
export async function checkChain(db: Executor): Promise<ChainReport> {
  return verifyChain(db)
}
