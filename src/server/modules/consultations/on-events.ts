/**
 * After-commit handlers of consultations:
 * - a consultation approved to open with its letter opens when that outgoing document is issued;
 * - notifications. Kinds, for the web catalogs (notifications.kinds.consultation.<kind>):
 *   toApprove (the leader), returned (the creator), launched, extended, closed, cancelled (the
 *   participants and their focal points), awaitingConfirmation (the member), answered (the creator,
 *   the officer in charge), reminder (sent by reminders.ts).
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import { consultations, notifications, users } from '../../platform/db/schema.ts'
import type { EventHandler } from '../../platform/events/dispatch.ts'
import { systemEventSource, type RecordedEvent } from '../../platform/events/record.ts'
import { DOCUMENT_OUT_EVENTS } from '../documents-out/index.ts'
import { launchConsultation } from './actions/launch.ts'
import { CONSULTATION_EVENTS as E } from './events.ts'
import { focalPointsOf, loadPeople, unsafeLoadConsultation } from './queries.ts'

/** Open the consultations waiting for this letter, when it is issued. */
export function letterLaunchHandler(): EventHandler {
  return {
    name: 'consultations.letterLaunch',
    actions: [DOCUMENT_OUT_EVENTS.issued],
    async handle(event, tx) {
      if (!event.targetId) return
      const waiting = await tx
        .select({ id: consultations.id })
        .from(consultations)
        .where(
          and(
            eq(consultations.letterDocumentId, event.targetId),
            eq(consultations.state, 'submitted'),
            eq(consultations.launchOn, 'letter'),
            isNotNull(consultations.approvedAt),
          ),
        )
      for (const { id } of waiting) {
        const c = await unsafeLoadConsultation(tx, id, { forUpdate: true })
        if (!c || c.state !== 'submitted') continue
        // Launched when the letter went out, not when the worker got to it.
        await launchConsultation(systemEventSource(tx, event.occurredAt), c, 'letter', event.targetId)
      }
    },
  }
}

/** Members and the focal points of their organizations. */
async function withFocalPoints(tx: Tx, memberIds: readonly string[]): Promise<string[]> {
  const people = await loadPeople(tx, memberIds)
  const focal = await focalPointsOf(
    tx,
    [...people.values()].map((p) => p.organizationId),
  )
  return [...memberIds, ...focal.map((f) => f.id)]
}

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

async function recipientsOf(
  tx: Tx,
  event: RecordedEvent,
  c: { createdBy: string; approverId: string | null },
): Promise<{ userId: string; kind: string }[]> {
  const data = event.data as Record<string, unknown>
  const to = (kind: string, userIds: readonly (string | null | undefined)[]) =>
    userIds.filter((v): v is string => typeof v === 'string').map((userId) => ({ userId, kind }))
  switch (event.action) {
    case E.submitted:
      return to('consultation.toApprove', [c.approverId])
    case E.returned:
      return to('consultation.returned', [c.createdBy])
    case E.launched:
      return to('consultation.launched', await withFocalPoints(tx, ids(data.participantIds)))
    case E.extended:
      return to('consultation.extended', await withFocalPoints(tx, ids(data.participantIds)))
    case E.closed:
      return to('consultation.closed', await withFocalPoints(tx, ids(data.participantIds)))
    case E.cancelled:
      return to('consultation.cancelled', await withFocalPoints(tx, ids(data.participantIds)))
    case E.answerAwaitingMember:
      return to('consultation.awaitingConfirmation', [data.memberId as string])
    case E.answerSubmitted:
      return to('consultation.answered', [c.createdBy])
    default:
      return []
  }
}

/** Notify the people a consultation step concerns (never the actor about their own step). */
export function consultationNotifications(): EventHandler {
  return {
    name: 'consultations.notifications',
    actions: [
      E.submitted,
      E.returned,
      E.launched,
      E.extended,
      E.closed,
      E.cancelled,
      E.answerAwaitingMember,
      E.answerSubmitted,
    ],
    async handle(event, tx) {
      if (!event.targetId) return
      const [c] = await tx
        .select({
          title: consultations.title,
          deadline: consultations.deadline,
          createdBy: consultations.createdBy,
          approverId: consultations.approverId,
        })
        .from(consultations)
        .where(eq(consultations.id, event.targetId))
        .limit(1)
      if (!c) return
      const seen = new Set<string>()
      const recipients = (await recipientsOf(tx, event, c)).filter(
        (r) => r.userId !== event.actorId && !seen.has(r.userId) && seen.add(r.userId),
      )
      if (recipients.length === 0) return
      const data = event.data as Record<string, unknown>
      const nameIds = [event.actorId, data.memberId].filter((v): v is string => typeof v === 'string')
      const names = nameIds.length
        ? await tx
            .select({ id: users.id, fullName: users.fullName })
            .from(users)
            .where(inArray(users.id, nameIds))
        : []
      const nameOf = (id: unknown) => names.find((n) => n.id === id)?.fullName ?? null
      await tx
        .insert(notifications)
        .values(
          recipients.map((r) => ({
            userId: r.userId,
            eventId: event.id,
            kind: r.kind,
            data: {
              consultationId: event.targetId,
              title: c.title,
              deadlineAt: c.deadline.toISOString(),
              memberName: nameOf(data.memberId),
              reason: typeof data.reason === 'string' ? data.reason : null,
              actorId: event.actorId,
              actorName: nameOf(event.actorId),
            },
            createdAt: event.occurredAt,
          })),
        )
        .onConflictDoNothing({ target: [notifications.eventId, notifications.userId, notifications.kind] })
    },
  }
}
