/** The after-commit handler that turns events into notifications for the people concerned. */
import type { EventHandler } from '../../platform/events/dispatch.ts'
import { unsafeFindUser } from '../accounts/index.ts'
import { NOTIFIED_ACTIONS, recipientsOf } from './policy.ts'
import { insertNotifications } from './store.ts'

export function notificationsHandler(): EventHandler {
  return {
    name: 'notifications',
    actions: NOTIFIED_ACTIONS,
    async handle(event, tx) {
      const recipients = recipientsOf(event)
      if (recipients.length === 0) return
      const actor = event.actorId ? await unsafeFindUser(tx, event.actorId) : null
      await insertNotifications(
        tx,
        recipients.map((r) => ({
          userId: r.userId,
          eventId: event.id,
          kind: r.kind,
          data: { ...r.data, actorId: event.actorId, actorName: actor?.fullName ?? null },
          // When it happened, not when the worker got to it.
          createdAt: event.occurredAt,
        })),
      )
    },
  }
}
