/** Read side of notifications: always one user's own inbox. */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { notifications } from '../../platform/db/schema.ts'

export type NotificationRow = typeof notifications.$inferSelect

/** A user's newest notifications. */
export async function listNotificationsOf(
  db: Executor,
  userId: string,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.eventId), desc(notifications.id))
    .limit(limit)
}

export async function unreadCountOf(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return Number(row?.n ?? 0)
}

/** One notification, no ownership check: callers check policy. */
export async function unsafeFindNotification(db: Executor, id: string): Promise<NotificationRow | null> {
  const rows = await db.select().from(notifications).where(eq(notifications.id, id)).limit(1)
  return rows[0] ?? null
}

/**
 * Unread notifications created since `since` that have no e-mail job yet. A notification's e-mail
 * job carries the notification's id as its pg-boss job id (schema `pgboss`, see
 * platform/jobs/queue.ts), so "already queued" is a primary-key lookup in pg-boss's job table;
 * pg-boss keeps finished jobs 7 days, longer than any window asked for here.
 */
export async function unsafeNotificationsWithoutEmailJob(
  db: Executor,
  input: { since: Date; jobName: string; limit: number },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT n.id FROM notifications n
      WHERE n.created_at >= ${input.since.toISOString()}::timestamptz AND n.read_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${input.jobName} AND j.id = n.id)
      ORDER BY n.created_at, n.id
      LIMIT ${input.limit}`,
  )
  return rows.map((r) => r.id)
}
