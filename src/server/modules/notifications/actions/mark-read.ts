/**
 * A user marks their notifications read. Not audited: reading one's inbox is not a business
 * state change, and an audit entry per click would drown the log. So no recordEvent here.
 */
import type { Ctx } from '../../../platform/context.ts'
import { notFound } from '../../../platform/errors.ts'
import { canSeeNotification } from '../policy.ts'
import { unsafeFindNotification } from '../queries.ts'
import { markAllNotificationsRead, markNotificationRead } from '../store.ts'

/** Mark one of the actor's notifications read; someone else's answers NOT_FOUND. */
export async function markRead(ctx: Ctx, input: { id: string }): Promise<void> {
  const notification = await unsafeFindNotification(ctx.tx, input.id)
  if (!notification || !canSeeNotification(ctx.actor, notification)) throw notFound('notification')
  await markNotificationRead(ctx.tx, notification.id, ctx.now)
}

/** Mark every unread notification of the actor read. */
export async function markAllRead(ctx: Ctx, _input: undefined): Promise<{ marked: number }> {
  return { marked: await markAllNotificationsRead(ctx.tx, ctx.actor.id, ctx.now) }
}
