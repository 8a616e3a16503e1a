/** Notification rows to the contract shape. */
import type { TNotification } from '@common/contracts/files'
import type { NotificationRow } from './queries.ts'

export function presentNotification(n: NotificationRow): TNotification {
  return {
    id: n.id,
    kind: n.kind,
    data: (n.data ?? {}) as Record<string, unknown>,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }
}
