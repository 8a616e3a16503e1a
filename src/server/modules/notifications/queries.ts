/** Read side of notifications: always one user's own inbox. */
import { and, count, desc, eq, isNull } from 'drizzle-orm'
import type { Executor } from '../../platform/db/client.ts'
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
