/** Reads of the exchange: the clerk's list and detail, a sent document's statuses, stuck deliveries, the outbox. */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type {
  TOrgan,
  TOutboxItem,
  TReceivedListQuery,
  TReceivedPackage,
  TReceivedSummary,
  TSentExchange,
  TStatusEntry,
  TStuckList,
  StatusCode,
  OutboxState,
} from '@common/contracts/exchange'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { exchangeMessages, exchangeStatusLog, organizations, users } from '../../platform/db/schema.ts'
import type { Organ } from '../../platform/edxml/index.ts'
import { canDecide, documentTypeCodeOf, receivedKind, urgencyOf } from './decide.ts'
import type { ReceivedSummary } from './receive.ts'
import type { MessageRow } from './store.ts'

function organView(o: Organ | undefined, fallbackCode: string): TOrgan {
  return {
    organId: o?.organId ?? fallbackCode,
    organName: o?.organName ?? fallbackCode,
    organAdd: o?.organAdd ?? null,
    email: o?.email ?? null,
    telephone: o?.telephone ?? null,
  }
}

function summaryOf(row: MessageRow): TReceivedSummary {
  const s = row.summary as ReceivedSummary | null
  const h = s?.header
  return {
    id: row.id,
    kind: receivedKind(row),
    state: row.state as TReceivedSummary['state'],
    from: organView(h?.from, row.fromCode),
    organizationId: row.organizationId,
    documentIdentifier: row.documentIdentifier,
    numberAndNotation: h ? [h.code.codeNumber, h.code.codeNotation].filter(Boolean).join('/') || null : null,
    issueDate: h?.promulgationInfo.promulgationDate ?? null,
    documentTypeName: h?.documentType.typeName ?? null,
    subject: h?.subject ?? null,
    signatureState: (row.signatureState ?? 'absent') as TReceivedSummary['signatureState'],
    warningCount: Array.isArray(row.warnings) ? row.warnings.length : 0,
    transport: (row.transport as TReceivedSummary['transport']) ?? null,
    receivedAt: row.createdAt.toISOString(),
  }
}

/** Packages the clerk decides on: documents (edoc) and recall requests (13). */
const RECEIVED_SCOPE = sql`${exchangeMessages.direction} = 'in' AND (${exchangeMessages.kind} = 'edoc' OR ${exchangeMessages.statusCode} = '13')`

export async function listReceived(db: Executor, query: TReceivedListQuery) {
  const filters: SQL[] = [RECEIVED_SCOPE]
  if (query.state !== 'all') filters.push(eq(exchangeMessages.state, query.state))
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    filters.push(
      sql`(f_unaccent(${exchangeMessages.summary}->'header'->>'subject') ILIKE f_unaccent(${like})
        OR ${exchangeMessages.documentIdentifier} ILIKE ${like}
        OR f_unaccent(${exchangeMessages.summary}->'header'->'from'->>'organName') ILIKE f_unaccent(${like}))`,
    )
  }
  const where = and(...filters)
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(exchangeMessages)
      .where(where)
      .orderBy(desc(exchangeMessages.createdAt), desc(exchangeMessages.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(exchangeMessages)
      .where(where),
  ])
  return {
    items: rows.map(summaryOf),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function countWaiting(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(exchangeMessages)
    .where(and(RECEIVED_SCOPE, eq(exchangeMessages.state, 'received')))
  return Number(row?.n ?? 0)
}

export async function findReceived(db: Executor, id: string): Promise<MessageRow | null> {
  const [row] = await db
    .select()
    .from(exchangeMessages)
    .where(and(eq(exchangeMessages.id, id), RECEIVED_SCOPE))
  return row ?? null
}

export async function presentReceived(
  db: Executor,
  actor: Actor,
  row: MessageRow,
): Promise<TReceivedPackage> {
  const s = row.summary as (ReceivedSummary & { recall?: { description: string } }) | null
  const h = s?.header
  const [decider] = row.decidedBy
    ? await db.select({ name: users.fullName }).from(users).where(eq(users.id, row.decidedBy))
    : []
  const statuses = await db
    .select({
      code: exchangeMessages.statusCode,
      at: exchangeMessages.createdAt,
      state: exchangeMessages.state,
    })
    .from(exchangeMessages)
    .where(and(eq(exchangeMessages.replyToMessageId, row.id), eq(exchangeMessages.direction, 'out')))
    .orderBy(asc(exchangeMessages.createdAt))
  const business = s?.business
  const target =
    business && row.businessType !== 0
      ? (business.documentId ?? (row.kind === 'status' ? row.documentIdentifier : null))
      : null
  const [targetIncoming] = target
    ? await queryRows<{ id: string }>(
        db,
        sql`SELECT incoming_document_id AS id FROM exchange_messages
            WHERE direction = 'in' AND kind = 'edoc' AND from_code = ${row.fromCode}
              AND document_identifier = ${target} AND incoming_document_id IS NOT NULL LIMIT 1`,
      )
    : []
  const canAct = canDecide(actor, row)
  return {
    ...summaryOf(row),
    header: h
      ? {
          to: h.to.map((o) => organView(o, o.organId)),
          issuePlace: h.promulgationInfo.place || null,
          documentType: h.documentType,
          documentTypeCode: documentTypeCodeOf(h.documentType.typeName),
          content: h.content,
          signer: h.signerInfo,
          dueDate: h.dueDate,
          toPlaces: h.toPlaces,
          priority: h.otherInfo.priority,
          urgency: urgencyOf(h.otherInfo.priority),
          pageAmount: h.otherInfo.pageAmount || null,
          promulgationAmount: h.otherInfo.promulgationAmount || null,
          appendixes: h.otherInfo.appendixes,
          steeringType: h.steeringType,
          responseFor: h.responseFor.map((r) => ({
            organId: r.organId,
            code: r.code,
            documentId: r.documentId,
          })),
        }
      : null,
    business: {
      type: row.businessType ?? (row.statusCode === '13' ? 1 : 0),
      reason: business?.reason ?? '',
      targetDocumentIdentifier: target,
      targetIncomingDocumentId: targetIncoming?.id ?? null,
      paper: business?.paper === 1,
      staff: {
        department: business?.staffInfo.department ?? null,
        staff: business?.staffInfo.staff ?? null,
        mobile: business?.staffInfo.mobile ?? null,
        email: business?.staffInfo.email ?? null,
      },
    },
    attachments: (s?.attachments ?? []).map((a, index) => ({
      url: `/api/exchange/received/${row.id}/attachments/${index}`,
      fileId: a.fileId ?? null,
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      pdfSignatures: a.pdfSignatures,
    })),
    signature: {
      state: (row.signatureState ?? 'absent') as TReceivedPackage['signature']['state'],
      subject: s?.signature.subject ?? null,
      serialNumber: s?.signature.serialNumber ?? null,
      reason: s?.signature.reason ?? null,
    },
    warnings: (Array.isArray(row.warnings) ? row.warnings : []) as TReceivedPackage['warnings'],
    incomingDocumentId: row.incomingDocumentId,
    decidedByName: decider?.name ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    statusesSent: statuses.map((x) => ({
      code: x.code as StatusCode,
      at: x.at.toISOString(),
      state: x.state as OutboxState,
    })),
    abilities: { accept: canAct, refuse: canAct },
  }
}

export function presentOutbox(row: MessageRow, toName: string | null): TOutboxItem {
  return {
    id: row.id,
    kind: row.kind as TOutboxItem['kind'],
    statusCode: (row.statusCode as StatusCode | null) ?? null,
    businessType: row.businessType,
    documentIdentifier: row.documentIdentifier,
    toCode: row.toCode,
    toName,
    transport: (row.transport as TOutboxItem['transport']) ?? null,
    state: row.state as OutboxState,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'queued' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    outgoingDocumentId: row.outgoingDocumentId,
  }
}

export async function listOutbox(
  db: Executor,
  query: { state: OutboxState | 'all'; page: number; pageSize: number },
) {
  const where = and(
    eq(exchangeMessages.direction, 'out'),
    query.state === 'all' ? undefined : eq(exchangeMessages.state, query.state),
  )
  const [rows, [count]] = await Promise.all([
    db
      .select({ m: exchangeMessages, toName: organizations.name })
      .from(exchangeMessages)
      .leftJoin(organizations, eq(organizations.id, exchangeMessages.organizationId))
      .where(where)
      .orderBy(desc(exchangeMessages.createdAt), desc(exchangeMessages.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(exchangeMessages)
      .where(where),
  ])
  return {
    items: rows.map((r) => presentOutbox(r.m, r.toName)),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

const RANK: Record<string, number> = {
  '01': 1,
  '02': 2,
  '03': 3,
  '04': 4,
  '05': 5,
  '06': 6,
  '13': 7,
  '15': 8,
  '16': 8,
}

/** The latest status: by the reporter's time; equal times by how far the document went. */
function latestOf(timeline: TStatusEntry[]): TStatusEntry | null {
  let best: TStatusEntry | null = null
  for (const e of timeline)
    if (!best || e.at > best.at || (e.at === best.at && (RANK[e.code] ?? 0) > (RANK[best.code] ?? 0)))
      best = e
  return best
}

function staffText(staff: unknown): string | null {
  if (!staff || typeof staff !== 'object') return null
  const s = staff as Record<string, unknown>
  const text = [s.staff, s.department].filter((x) => typeof x === 'string' && x).join(', ')
  return text || null
}

/** Per exchange recipient of an outgoing document: the delivery, the latest status and the timeline. */
export async function sentExchange(
  db: Executor,
  doc: {
    id: string
    documentIdentifier: string | null
    recipients: { id: string; channel: string; organizationId: string | null; name: string }[]
  },
): Promise<TSentExchange> {
  const recipients = doc.recipients.filter((r) => r.channel === 'exchange')
  const messages = await db
    .select({ m: exchangeMessages, toName: organizations.name, code: organizations.code })
    .from(exchangeMessages)
    .leftJoin(organizations, eq(organizations.id, exchangeMessages.organizationId))
    .where(
      and(
        eq(exchangeMessages.outgoingDocumentId, doc.id),
        eq(exchangeMessages.direction, 'out'),
        eq(exchangeMessages.kind, 'edoc'),
      ),
    )
  const log = await db
    .select()
    .from(exchangeStatusLog)
    .where(and(eq(exchangeStatusLog.outgoingDocumentId, doc.id), eq(exchangeStatusLog.direction, 'in')))
    .orderBy(asc(exchangeStatusLog.statusAt), asc(exchangeStatusLog.recordedAt))
  const codes = await db
    .select({ id: organizations.id, code: organizations.code })
    .from(organizations)
    .where(
      sql`${organizations.id} IN (${sql.join(
        [...recipients.map((r) => r.organizationId ?? '00000000-0000-0000-0000-000000000000')].map(
          (x) => sql`${x}`,
        ),
        sql`, `,
      )})`,
    )
  return {
    documentId: doc.id,
    documentIdentifier: doc.documentIdentifier,
    recipients: recipients.map((r) => {
      const message = messages.find((m) => m.m.outgoingRecipientId === r.id)
      const timeline = log
        .filter((l) => l.outgoingRecipientId === r.id)
        .map((l) => ({
          code: l.statusCode as StatusCode,
          description: l.description,
          at: l.statusAt.toISOString(),
          staff: staffText(l.staff),
          recordedAt: l.recordedAt.toISOString(),
        }))
      return {
        recipientId: r.id,
        organizationId: r.organizationId,
        organizationCode: codes.find((c) => c.id === r.organizationId)?.code ?? message?.m.toCode ?? '',
        name: r.name,
        delivery: message ? presentOutbox(message.m, message.toName) : null,
        latest: latestOf(timeline),
        timeline,
      }
    }),
  }
}

/**
 * Sent documents waiting too long: a delivery still queued or failed, or a recipient whose latest
 * status is not final (02, 06, 15, 16) and older than `hours`. Bounded by `limit`, oldest first.
 */
export async function stuckDocuments(
  db: Executor,
  now: Date,
  hours: number,
  limit: number,
): Promise<TStuckList> {
  const since = new Date(now.getTime() - hours * 3_600_000).toISOString()
  const rows = await queryRows<{
    document_id: string
    number: string | null
    subject: string
    recipient: string
    code: string
    state: string
    since: string | Date
  }>(
    db,
    sql`WITH latest AS (
          SELECT DISTINCT ON (l.outgoing_recipient_id) l.outgoing_recipient_id, l.status_code, l.status_at
          FROM exchange_status_log l WHERE l.direction = 'in' AND l.outgoing_recipient_id IS NOT NULL
          ORDER BY l.outgoing_recipient_id, l.status_at DESC, l.created_at DESC)
        SELECT m.outgoing_document_id AS document_id, d.number_and_notation AS number, d.subject,
          COALESCE(o.name, m.to_code) AS recipient, m.to_code AS code,
          CASE WHEN m.state IN ('queued', 'failed') THEN m.state ELSE COALESCE(latest.status_code, 'sent') END AS state,
          CASE WHEN m.state IN ('queued', 'failed') THEN m.created_at ELSE COALESCE(latest.status_at, m.sent_at) END AS since
        FROM exchange_messages m
        JOIN documents d ON d.id = m.outgoing_document_id
        LEFT JOIN organizations o ON o.id = m.organization_id
        LEFT JOIN latest ON latest.outgoing_recipient_id = m.outgoing_recipient_id
        WHERE m.direction = 'out' AND m.kind = 'edoc' AND m.state <> 'cancelled' AND d.state = 'issued'
          AND COALESCE(latest.status_code, '') NOT IN ('02', '06', '15', '16')
          AND (CASE WHEN m.state IN ('queued', 'failed') THEN m.created_at ELSE COALESCE(latest.status_at, m.sent_at) END) < ${since}
        ORDER BY since ASC
        LIMIT ${limit}`,
  )
  return {
    hours,
    items: rows.map((r) => {
      const at = new Date(r.since)
      return {
        documentId: r.document_id,
        numberAndNotation: r.number,
        subject: r.subject,
        recipientName: r.recipient,
        organizationCode: r.code,
        state: r.state,
        since: at.toISOString(),
        hours: Math.floor((now.getTime() - at.getTime()) / 3_600_000),
      }
    }),
  }
}
