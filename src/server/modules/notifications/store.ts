/** Write side of notifications. */
import { and, eq, isNull } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import { notifications } from '../../platform/db/schema.ts'

/** Insert, skipping any already written for the same event, user and kind (a handler may run twice). */
export async function insertNotifications(
  tx: Tx,
  rows: (typeof notifications.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return
  await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.eventId, notifications.userId, notifications.kind] })
}

/** Mark one notification read; a notification already read keeps its first read time. */
export async function markNotificationRead(tx: Tx, id: string, at: Date): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)))
}

export async function markAllNotificationsRead(tx: Tx, userId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
  return rows.length
}
