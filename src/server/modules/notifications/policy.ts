/**
 * Who is told about which event, and who may see a notification. Pure. A notification belongs to
 * one user and no one else may see or mark it (not even an administrator: it is their inbox).
 */
import { z } from 'zod'
import type { Actor } from '../../platform/context.ts'

/** The events the notifications handler reacts to. */
export const NOTIFIED_ACTIONS = ['delegation.created', 'delegation.revoked', 'user.passwordReset'] as const

export type NotifiableEvent = {
  action: string
  actorId: string | null
  targetId: string | null
  data: unknown
}

export type Recipient = { userId: string; kind: string; data: Record<string, unknown> }

const ZDelegationSnapshot = z.object({
  principalId: z.string(),
  principalName: z.string(),
  delegateId: z.string(),
  delegateName: z.string(),
  scopes: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
})
const ZDelegationEventData = z.object({ after: ZDelegationSnapshot })

/**
 * The users to notify about an event, each with the facts the inbox shows. The actor is never
 * told about their own action. Unknown actions notify no one. A delegation event without the
 * expected snapshot is a programming error and throws (the dispatcher reports and retries it).
 */
export function recipientsOf(event: NotifiableEvent): Recipient[] {
  switch (event.action) {
    case 'delegation.created':
    case 'delegation.revoked': {
      const d = ZDelegationEventData.parse(event.data).after
      const facts = {
        delegationId: event.targetId,
        principalId: d.principalId,
        principalName: d.principalName,
        delegateId: d.delegateId,
        delegateName: d.delegateName,
        scopes: d.scopes,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
      }
      const people = [
        { userId: d.principalId, role: 'principal' },
        { userId: d.delegateId, role: 'delegate' },
      ]
      return people
        .filter((p) => p.userId !== event.actorId)
        .map((p) => ({ userId: p.userId, kind: event.action, data: { ...facts, role: p.role } }))
    }
    case 'user.passwordReset':
      // The user learns that an administrator reset their password (and ended their sessions).
      return event.targetId ? [{ userId: event.targetId, kind: event.action, data: {} }] : []
    default:
      return []
  }
}

/** Whether the actor may see (and mark) a notification: only its owner. */
export function canSeeNotification(actor: Pick<Actor, 'id'>, notification: { userId: string }): boolean {
  return notification.userId === actor.id
}
