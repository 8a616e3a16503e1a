/**
 * After-commit handlers of the exchange:
 * - the outbox: an issued document goes to each agency reached by exchange (new, or replacing an
 *   earlier one); a recalled one is taken back (13, or cancelled while still queued); a document
 *   received electronically reports its processing to the sender (04 assigned, 05 in progress,
 *   06 completed), each once;
 * - notices: clerks learn that a package arrived; the drafter and the issuing clerk learn that a
 *   recipient refused their document, refused a recall, or could not be reached.
 * Writes run in the dispatcher's transaction, so each outbox row is written exactly once.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Tx } from '../../platform/db/client.ts'
import { queryRows } from '../../platform/db/client.ts'
import { exchangeMessages, notifications } from '../../platform/db/schema.ts'
import type { EventHandler } from '../../platform/events/dispatch.ts'
import type { RecordedEvent } from '../../platform/events/record.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { DOCUMENT_IN_EVENTS } from '../documents-in/index.ts'
import { DOCUMENT_OUT_EVENTS, setRecipientDelivery } from '../documents-out/index.ts'
import { EXCHANGE_EVENTS } from './events.ts'
import { findOwnOrganization } from './identity.ts'
import { cancelQueued, kickDelivery, queueDocument, queueStatus } from './outbox.ts'
import type { ReceivedSummary } from './receive.ts'

const PROGRESS: Record<string, { code: string; description: string }> = {
  [DOCUMENT_IN_EVENTS.assigned]: { code: '04', description: 'Lãnh đạo đã phân công xử lý' },
  [DOCUMENT_IN_EVENTS.started]: { code: '05', description: 'Văn bản đang được xử lý' },
  [DOCUMENT_IN_EVENTS.completed]: { code: '06', description: 'Đã hoàn thành xử lý văn bản' },
}

type Delivery = { recipientId: string; channel: string }

async function onIssued(tx: Tx, event: RecordedEvent): Promise<boolean> {
  const deliveries = ((event.data as { deliveries?: Delivery[] }).deliveries ?? []).filter(
    (d) => d.channel === 'exchange',
  )
  if (deliveries.length === 0 || !event.targetId) return false
  const own = await findOwnOrganization(tx)
  const [doc] = await queryRows<{ identifier: string | null; replaces: boolean }>(
    tx,
    sql`SELECT d.document_identifier AS identifier,
          EXISTS (SELECT 1 FROM document_links l WHERE l.from_document_id = d.id AND l.kind = 'replaces') AS replaces
        FROM documents d WHERE d.id = ${event.targetId}`,
  )
  if (!doc?.identifier) return false
  const recipients = await queryRows<{ id: string; organization_id: string; code: string | null }>(
    tx,
    sql`SELECT r.id, r.organization_id, o.code FROM outgoing_recipients r JOIN organizations o ON o.id = r.organization_id
        WHERE r.id IN (${sql.join(
          deliveries.map((d) => sql`${d.recipientId}`),
          sql`, `,
        )})`,
  )
  for (const r of recipients)
    await queueDocument(tx, {
      ownCode: own.code,
      documentIdentifier: doc.identifier,
      businessType: doc.replaces ? 3 : 0,
      outgoingDocumentId: event.targetId,
      outgoingRecipientId: r.id,
      organization: { id: r.organization_id, code: r.code },
      now: event.occurredAt,
    })
  return true
}

async function onRecalled(tx: Tx, event: RecordedEvent): Promise<boolean> {
  if (!event.targetId) return false
  const now = event.occurredAt
  for (const recipientId of await cancelQueued(tx, event.targetId, now))
    await setRecipientDelivery(tx, recipientId, {
      deliveryState: 'recalled',
      deliveryError: null,
      updatedAt: now,
    })
  const sent = await tx
    .select()
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.outgoingDocumentId, event.targetId),
        eq(exchangeMessages.direction, 'out'),
        eq(exchangeMessages.kind, 'edoc'),
        eq(exchangeMessages.state, 'sent'),
      ),
    )
  if (sent.length === 0) return false
  const own = await findOwnOrganization(tx)
  const [doc] = await queryRows<{ number: string | null; issue_date: string | null }>(
    tx,
    sql`SELECT number_and_notation AS number, issue_date::text FROM documents WHERE id = ${event.targetId}`,
  )
  const given = (event.data as { reason?: unknown }).reason
  const reason = typeof given === 'string' && given ? given : 'Thu hồi văn bản'
  for (const m of sent)
    await queueStatus(tx, {
      ownCode: own.code,
      toCode: m.toCode,
      organizationId: m.organizationId,
      statusCode: '13',
      summary: {
        responseFor: {
          organId: own.code,
          code: doc?.number ?? '',
          promulgationDate: doc?.issue_date ?? null,
          documentId: m.documentIdentifier,
        },
        description: reason,
        timestamp: now.toISOString(),
        staff: { department: 'Văn thư' },
      },
      outgoingDocumentId: event.targetId,
      replyToMessageId: m.id,
      once: `${m.id}|13`,
      now,
    })
  return true
}

async function onProgress(tx: Tx, event: RecordedEvent): Promise<boolean> {
  const step = PROGRESS[event.action]
  if (!step || !event.targetId) return false
  const [origin] = await tx
    .select()
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.incomingDocumentId, event.targetId),
        eq(exchangeMessages.direction, 'in'),
        eq(exchangeMessages.kind, 'edoc'),
        eq(exchangeMessages.state, 'accepted'),
      ),
    )
    .limit(1)
  if (!origin?.summary) return false
  const h = (origin.summary as ReceivedSummary).header
  const own = await findOwnOrganization(tx)
  const id = await queueStatus(tx, {
    ownCode: own.code,
    toCode: origin.fromCode,
    organizationId: origin.organizationId,
    statusCode: step.code,
    summary: {
      responseFor: {
        organId: h.from.organId,
        code: [h.code.codeNumber, h.code.codeNotation].filter(Boolean).join('/'),
        promulgationDate: h.promulgationInfo.promulgationDate,
        documentId: origin.documentIdentifier,
      },
      description: step.description,
      timestamp: event.occurredAt.toISOString(),
      staff: {},
    },
    incomingDocumentId: event.targetId,
    replyToMessageId: origin.id,
    once: `${origin.id}|${step.code}`,
    now: event.occurredAt,
  })
  return id !== null
}

export function exchangeOutboxHandler(jobs: Jobs): EventHandler {
  return {
    name: 'exchange.outbox',
    actions: [
      DOCUMENT_OUT_EVENTS.issued,
      DOCUMENT_OUT_EVENTS.recalled,
      DOCUMENT_IN_EVENTS.assigned,
      DOCUMENT_IN_EVENTS.started,
      DOCUMENT_IN_EVENTS.completed,
    ],
    async handle(event, tx) {
      const queued =
        event.action === DOCUMENT_OUT_EVENTS.issued
          ? await onIssued(tx, event)
          : event.action === DOCUMENT_OUT_EVENTS.recalled
            ? await onRecalled(tx, event)
            : await onProgress(tx, event)
      if (queued) kickDelivery(jobs)
    },
  }
}

async function clerkIds(tx: Tx): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT u.id FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE o.is_own AND u.is_active AND 'clerk' = ANY(u.roles)`,
  )
  return rows.map((r) => r.id)
}

async function peopleOfOutgoing(tx: Tx, documentId: string): Promise<string[]> {
  const rows = await queryRows<{ drafter_id: string; issued_by: string | null }>(
    tx,
    sql`SELECT drafter_id, issued_by FROM outgoing_details WHERE document_id = ${documentId}`,
  )
  return [...new Set(rows.flatMap((r) => [r.drafter_id, ...(r.issued_by ? [r.issued_by] : [])]))]
}

export function exchangeNotifications(): EventHandler {
  return {
    name: 'exchange.notifications',
    actions: [
      EXCHANGE_EVENTS.packageReceived,
      EXCHANGE_EVENTS.statusReceived,
      EXCHANGE_EVENTS.deliveryFailed,
    ],
    async handle(event, tx) {
      const data = event.data as Record<string, unknown>
      let kind: string
      let userIds: string[]
      if (event.action === EXCHANGE_EVENTS.packageReceived) {
        kind = 'exchange.received'
        userIds = await clerkIds(tx)
      } else {
        const isAlert =
          event.action === EXCHANGE_EVENTS.deliveryFailed
            ? data.kind === 'edoc'
            : ['02', '16'].includes(String(data.statusCode))
        const documentId = typeof data.documentId === 'string' ? data.documentId : null
        if (!isAlert || !documentId) return
        kind = 'exchange.statusAlert'
        userIds = await peopleOfOutgoing(tx, documentId)
      }
      if (userIds.length === 0) return
      // People read the agency's name, not its code.
      const code = typeof data.from === 'string' ? data.from : typeof data.to === 'string' ? data.to : null
      const [agency] = code
        ? await queryRows<{ name: string }>(
            tx,
            sql`SELECT name FROM organizations WHERE code = ${code} LIMIT 1`,
          )
        : []
      const agencyName = typeof data.fromName === 'string' ? data.fromName : (agency?.name ?? code)
      await tx
        .insert(notifications)
        .values(
          userIds.map((userId) => ({
            userId,
            eventId: event.id,
            kind,
            data: {
              ...(typeof data.messageId === 'string' && kind === 'exchange.received'
                ? { messageId: data.messageId }
                : {}),
              ...(typeof data.documentId === 'string' ? { documentId: data.documentId } : {}),
              subject: data.subject ?? null,
              from: agencyName,
              statusCode: data.statusCode ?? null,
              description: data.description ?? data.error ?? data.reason ?? null,
            },
            createdAt: event.occurredAt,
          })),
        )
        .onConflictDoNothing({ target: [notifications.eventId, notifications.userId, notifications.kind] })
    },
  }
}
