/**
 * After-commit handler: notify the people an outgoing-document step concerns. Kinds, for the web
 * catalogs (notifications.kinds.<kind>): documentOut.toReview, documentOut.toSign,
 * documentOut.returned, documentOut.rejected, documentOut.signed, documentOut.issued,
 * documentOut.received (an internal recipient), documentOut.recalled.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import { documents, notifications, outgoingDetails, users } from '../../platform/db/schema.ts'
import type { EventHandler } from '../../platform/events/dispatch.ts'
import type { RecordedEvent } from '../../platform/events/record.ts'
import { DOCUMENT_OUT_EVENTS as E } from './events.ts'
import { unitHeadsOf } from './lookups.ts'

type Recipient = { userId: string; kind: string }
type Summary = {
  subject: string
  numberAndNotation: string | null
  drafterId: string
  signerId: string
  organizationId: string
}

async function summary(tx: Tx, id: string): Promise<Summary | null> {
  const rows = await tx
    .select({
      subject: documents.subject,
      numberAndNotation: documents.numberAndNotation,
      drafterId: outgoingDetails.drafterId,
      signerId: outgoingDetails.signerId,
      organizationId: users.organizationId,
    })
    .from(documents)
    .innerJoin(outgoingDetails, eq(outgoingDetails.documentId, documents.id))
    .innerJoin(users, eq(users.id, outgoingDetails.drafterId))
    .where(eq(documents.id, id))
    .limit(1)
  return rows[0] ?? null
}

async function clerksOf(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.isActive, true),
        sql`'clerk' = ANY(${users.roles})`,
      ),
    )
  return rows.map((r) => r.id)
}

async function recipientsOf(tx: Tx, event: RecordedEvent, doc: Summary): Promise<Recipient[]> {
  const data = event.data as Record<string, unknown>
  const to = (kind: string, ...ids: unknown[]) =>
    ids.filter((v): v is string => typeof v === 'string').map((userId) => ({ userId, kind }))
  switch (event.action) {
    case E.submitted:
      return to('documentOut.toReview', data.toUserId)
    case E.approved:
      return data.isFinal
        ? to('documentOut.toSign', doc.signerId, doc.drafterId)
        : to('documentOut.toReview', data.toUserId)
    case E.returned:
      return to('documentOut.returned', doc.drafterId)
    case E.rejected:
      return to('documentOut.rejected', doc.drafterId)
    case E.signed:
      return to('documentOut.signed', doc.drafterId, ...(await clerksOf(tx, doc.organizationId)))
    case E.issued: {
      const out = to('documentOut.issued', doc.drafterId, doc.signerId)
      const deliveries = (data.deliveries as { channel: string; incomingDocumentId?: string }[]) ?? []
      const copies = deliveries.flatMap((d) => (d.incomingDocumentId ? [d.incomingDocumentId] : []))
      if (copies.length) {
        const rows = await tx.execute(
          sql`SELECT assignee_user_id AS "userId", assignee_unit_id AS "unitId" FROM assignments WHERE document_id IN (${sql.join(
            copies.map((c) => sql`${c}`),
            sql`, `,
          )})`,
        )
        for (const r of (rows as unknown as { rows: { userId: string | null; unitId: string | null }[] })
          .rows) {
          const ids = r.userId ? [r.userId] : r.unitId ? await unitHeadsOf(tx, r.unitId) : []
          out.push(...to('documentOut.received', ...ids))
        }
      }
      return out
    }
    case E.recalled:
      return to('documentOut.recalled', doc.drafterId, doc.signerId)
    default:
      return []
  }
}

export function documentsOutNotifications(): EventHandler {
  return {
    name: 'documentsOut.notifications',
    actions: [E.submitted, E.approved, E.returned, E.rejected, E.signed, E.issued, E.recalled],
    async handle(event, tx) {
      const doc = event.targetId ? await summary(tx, event.targetId) : null
      if (!doc) return
      const seen = new Set<string>()
      const recipients = (await recipientsOf(tx, event, doc)).filter(
        (r) =>
          r.userId !== event.actorId &&
          !seen.has(`${r.userId}:${r.kind}`) &&
          seen.add(`${r.userId}:${r.kind}`),
      )
      if (recipients.length === 0) return
      const actors = event.actorId
        ? await tx
            .select({ fullName: users.fullName })
            .from(users)
            .where(inArray(users.id, [event.actorId]))
        : []
      await tx
        .insert(notifications)
        .values(
          recipients.map((r) => ({
            userId: r.userId,
            eventId: event.id,
            kind: r.kind,
            data: {
              documentId: event.targetId,
              subject: doc.subject,
              numberAndNotation: doc.numberAndNotation,
              actorId: event.actorId,
              actorName: actors[0]?.fullName ?? null,
            },
            createdAt: event.occurredAt,
          })),
        )
        .onConflictDoNothing({ target: [notifications.eventId, notifications.userId, notifications.kind] })
    },
  }
}
