/**
 * After-commit handler: notify the people an incoming-document step concerns (Decree 30/2020,
 * Annex VI §III: notify users of new documents; track and chase deadlines). Kinds, for the web
 * catalogs: documentIn.submitted, documentIn.assigned, documentIn.returned,
 * documentIn.extensionRequested, documentIn.deadlineExtended, documentIn.completed.
 */
import type { Tx } from '../../platform/db/client.ts'
import type { EventHandler } from '../../platform/events/dispatch.ts'
import type { RecordedEvent } from '../../platform/events/record.ts'
import { DOCUMENT_IN_EVENTS, type AssignmentRef } from './events.ts'
import { documentSummary, findUsers, unitHeadIds } from './queries.ts'
import { insertNotifications } from './store.ts'

const E = DOCUMENT_IN_EVENTS
export const NOTIFIED_ACTIONS = [
  E.submitted,
  E.assigned,
  E.reassigned,
  E.returned,
  E.extensionRequested,
  E.deadlineExtended,
  E.completed,
] as const

type Recipient = { userId: string; kind: string; role?: string }

async function assigneesOf(tx: Tx, refs: AssignmentRef[], kind: string): Promise<Recipient[]> {
  const out: Recipient[] = []
  for (const r of refs) {
    const ids = r.userId ? [r.userId] : r.unitId ? await unitHeadIds(tx, r.unitId) : []
    for (const userId of ids) out.push({ userId, kind, role: r.role })
  }
  return out
}

async function recipientsOf(
  tx: Tx,
  event: RecordedEvent,
  directors: string[],
  registeredBy: string | null,
): Promise<Recipient[]> {
  const data = event.data as Record<string, unknown>
  const ids = (...values: unknown[]) => values.filter((v): v is string => typeof v === 'string')
  switch (event.action) {
    case E.submitted:
      return ids(data.leaderId).map((userId) => ({ userId, kind: 'documentIn.submitted' }))
    case E.assigned:
    case E.reassigned:
      return assigneesOf(tx, (data.assignments as AssignmentRef[]) ?? [], 'documentIn.assigned')
    case E.returned:
      return ids(data.assignedById, data.assignedForId).map((userId) => ({
        userId,
        kind: 'documentIn.returned',
      }))
    case E.extensionRequested:
      return ids(data.assignedById, data.assignedForId).map((userId) => ({
        userId,
        kind: 'documentIn.extensionRequested',
      }))
    case E.deadlineExtended:
      return assigneesOf(tx, [data.assignment as AssignmentRef], 'documentIn.deadlineExtended')
    case E.completed:
      return ids(registeredBy, ...directors).map((userId) => ({ userId, kind: 'documentIn.completed' }))
    default:
      return []
  }
}

export function documentsInNotifications(): EventHandler {
  return {
    name: 'documentsIn.notifications',
    actions: NOTIFIED_ACTIONS,
    async handle(event, tx) {
      const doc = event.targetId ? await documentSummary(tx, event.targetId) : null
      if (!doc) return
      const all = await recipientsOf(tx, event, doc.directors, doc.registeredBy)
      // The person who acted needs no notice of their own step; one notice per person and kind.
      const seen = new Set<string>()
      const recipients = all.filter(
        (r) =>
          r.userId !== event.actorId &&
          !seen.has(`${r.userId}:${r.kind}`) &&
          seen.add(`${r.userId}:${r.kind}`),
      )
      if (recipients.length === 0) return
      const [actor] = event.actorId ? await findUsers(tx, [event.actorId]) : []
      const data = event.data as Record<string, unknown>
      await insertNotifications(
        tx,
        recipients.map((r) => ({
          userId: r.userId,
          eventId: event.id,
          kind: r.kind,
          data: {
            documentId: event.targetId,
            subject: doc.subject,
            registerNumber: doc.registerNumber,
            actorId: event.actorId,
            actorName: actor?.fullName ?? null,
            ...(r.role ? { role: r.role } : {}),
            ...(typeof data.proposedDate === 'string' ? { proposedDate: data.proposedDate } : {}),
            ...(typeof data.to === 'string' ? { dueDate: data.to } : {}),
          },
          createdAt: event.occurredAt,
        })),
      )
    },
  }
}
