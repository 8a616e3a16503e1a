/**
 * The durable outbox of edXML packages. A row is written in the same transaction as the act that
 * calls for it (issuing, a clerk's decision, a workflow step), so nothing is lost; the delivery job
 * claims due rows with a lease (a crashed sender's rows come back when the lease ends), builds the
 * package once and keeps it, and retries failures with exponential back-off. Receivers are
 * idempotent on the package's document id, so a package sent twice is registered once.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import { queryRows, type Database, type Executor } from '../../platform/db/client.ts'
import { exchangeMessages, organizations } from '../../platform/db/schema.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { TransportError } from '../../platform/exchange-transport/index.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { setRecipientDelivery } from '../documents-out/index.ts'
import { buildDocumentPackage, buildStatusPackage, type StatusSummary } from './build-package.ts'
import { EXCHANGE_EVENTS, EXCHANGE_TARGET } from './events.ts'
import { loadIdentity } from './identity.ts'
import { insertMessage, putBytes, readBytes, updateMessage, type MessageRow } from './store.ts'
import { routeTo } from './transports.ts'

export const DELIVER_JOB = 'exchange.deliver'
/** How long a claimed row stays away from other senders while one sends it. */
const LEASE_MS = 5 * 60_000
const BASE_BACKOFF_MS = 15_000
const MAX_BACKOFF_MS = 60 * 60_000

export type OutboxDeps = {
  database: Database
  blobs: BlobStore
  config: Config
  jobs: Jobs
  clock: () => Date
}

/** 15 s, 30 s, 1 min … capped at 1 h, ±20 % so many failed rows do not retry in step. */
export function backoffMs(attempts: number, random = Math.random()): number {
  const base = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS)
  return Math.round(base * (0.8 + 0.4 * random))
}

/** Queue our document for one recipient agency (issue, replacement). */
export async function queueDocument(
  tx: Executor,
  input: {
    ownCode: string
    documentIdentifier: string
    businessType: 0 | 3
    outgoingDocumentId: string
    outgoingRecipientId: string
    organization: { id: string; code: string | null }
    now: Date
  },
): Promise<void> {
  const hasCode = !!input.organization.code
  await insertMessage(tx, {
    direction: 'out',
    kind: 'edoc',
    documentIdentifier: input.documentIdentifier,
    businessType: input.businessType,
    fromCode: input.ownCode,
    toCode: input.organization.code ?? '',
    organizationId: input.organization.id,
    state: hasCode ? 'queued' : 'failed',
    lastError: hasCode ? null : 'Cơ quan nhận chưa có mã định danh điện tử trong danh bạ',
    nextAttemptAt: input.now,
    outgoingDocumentId: input.outgoingDocumentId,
    outgoingRecipientId: input.outgoingRecipientId,
    dedupeKey: `out|edoc|${input.outgoingRecipientId}|${input.businessType}`,
    createdAt: input.now,
    updatedAt: input.now,
  })
}

/**
 * Queue a status message to another agency. `once` makes it idempotent (01 on arrival, 03 on
 * acceptance: the same fact is reported once even if the step is replayed).
 */
export async function queueStatus(
  tx: Executor,
  input: {
    ownCode: string
    toCode: string
    organizationId: string | null
    statusCode: string
    summary: StatusSummary
    incomingDocumentId?: string | null
    outgoingDocumentId?: string | null
    replyToMessageId?: string | null
    once?: string
    now: Date
  },
): Promise<string | null> {
  return insertMessage(tx, {
    direction: 'out',
    kind: 'status',
    documentIdentifier: input.summary.responseFor.documentId,
    statusCode: input.statusCode,
    fromCode: input.ownCode,
    toCode: input.toCode,
    organizationId: input.organizationId,
    state: 'queued',
    nextAttemptAt: input.now,
    summary: input.summary,
    incomingDocumentId: input.incomingDocumentId ?? null,
    outgoingDocumentId: input.outgoingDocumentId ?? null,
    replyToMessageId: input.replyToMessageId ?? null,
    dedupeKey: input.once ? `out|status|${input.once}` : null,
    createdAt: input.now,
    updatedAt: input.now,
  })
}

/**
 * Ask a worker to deliver soon. Inside a transaction (an event handler) the job waits a second, so
 * it finds the rows committed; after a commit (a route) it may start at once.
 */
export function kickDelivery(jobs: Jobs, options: { isCommitted?: boolean } = {}): void {
  jobs
    .isHealthy()
    .then((ok) => (ok ? jobs.send(DELIVER_JOB, {}, options.isCommitted ? {} : { startAfter: 1 }) : null))
    .catch((err: Error) => console.error(`could not queue ${DELIVER_JOB}:`, err.message))
}

/** Take up to `limit` due rows: they leave the due list for the lease, counted as one more attempt. */
async function claimDue(db: Executor, now: Date, limit: number, onlyIds?: string[]): Promise<MessageRow[]> {
  const leaseEnd = new Date(now.getTime() + LEASE_MS).toISOString()
  const only = onlyIds?.length
    ? sql`AND id IN (${sql.join(
        onlyIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  const ids = await queryRows<{ id: string }>(
    db,
    sql`UPDATE exchange_messages SET next_attempt_at = ${leaseEnd}, attempts = attempts + 1, updated_at = ${now.toISOString()}
        WHERE id IN (SELECT id FROM exchange_messages
          WHERE direction = 'out' AND state = 'queued' AND next_attempt_at <= ${now.toISOString()} ${only}
          ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  )
  if (ids.length === 0) return []
  return db
    .select()
    .from(exchangeMessages)
    .where(
      sql`${exchangeMessages.id} IN (${sql.join(
        ids.map((r) => sql`${r.id}`),
        sql`, `,
      )})`,
    )
}

async function packageOf(deps: OutboxDeps, row: MessageRow): Promise<Uint8Array> {
  if (row.packageSha256) return readBytes(deps.blobs, row.packageSha256)
  const identity = await loadIdentity(deps.database, deps.clock(), deps.config.appSecret)
  const bytes =
    row.kind === 'edoc'
      ? await buildDocumentPackage(deps, identity, row)
      : await buildStatusPackage(identity, row)
  const stored = await putBytes(deps.blobs, bytes)
  await updateMessage(deps.database.db, row.id, { packageSha256: stored.sha256, packageSize: stored.size })
  return bytes
}

async function sendOne(deps: OutboxDeps, row: MessageRow): Promise<'sent' | 'retry' | 'failed'> {
  const db = deps.database.db
  let transportKind: 'axis' | 'peer' | null = null
  try {
    const [org] = row.organizationId
      ? await db
          .select({ code: organizations.code, endpoint: organizations.endpoint })
          .from(organizations)
          .where(eq(organizations.id, row.organizationId))
      : []
    const route = routeTo(deps.config, row.fromCode, { code: row.toCode, endpoint: org?.endpoint ?? null })
    transportKind = route.kind
    const bytes = await packageOf(deps, row)
    let transportId: string
    try {
      ;({ transportId } = await route.transport.send({
        bytes,
        messageType: row.kind as 'edoc' | 'status',
        from: row.fromCode,
        to: [row.toCode],
        documentId: row.documentIdentifier,
      }))
    } catch (err) {
      // The other side already has it (a resend after a lost answer): delivered.
      if (err instanceof TransportError && err.code === 'DUPLICATE') transportId = 'duplicate'
      else throw err
    }
    const now = deps.clock()
    await db.transaction(async (tx) => {
      await updateMessage(tx, row.id, {
        state: 'sent',
        transport: route.kind,
        transportId,
        sentAt: now,
        lastError: null,
        nextAttemptAt: null,
        updatedAt: now,
      })
      if (row.kind === 'edoc' && row.outgoingRecipientId)
        await setRecipientDelivery(tx, row.outgoingRecipientId, {
          deliveryState: 'sent',
          deliveryError: null,
          sentAt: now,
          attempts: row.attempts,
          messageId: transportId,
          updatedAt: now,
        })
      await recordEvent(systemEventSource(tx, now), {
        action: EXCHANGE_EVENTS.sent,
        targetType: EXCHANGE_TARGET,
        targetId: row.id,
        data: {
          kind: row.kind,
          statusCode: row.statusCode,
          documentIdentifier: row.documentIdentifier,
          to: row.toCode,
          transport: route.kind,
          transportId,
          attempts: row.attempts,
          outgoingDocumentId: row.outgoingDocumentId,
        },
      })
    })
    return 'sent'
  } catch (err) {
    const now = deps.clock()
    const retryable = err instanceof TransportError ? err.retryable : false
    const message = err instanceof Error ? err.message.slice(0, 500) : 'failed'
    const givesUp = !retryable || row.attempts >= deps.config.exchange.maxAttempts
    await db.transaction(async (tx) => {
      await updateMessage(tx, row.id, {
        state: givesUp ? 'failed' : 'queued',
        transport: transportKind,
        lastError: message,
        nextAttemptAt: givesUp ? null : new Date(now.getTime() + backoffMs(row.attempts)),
        updatedAt: now,
      })
      if (row.kind === 'edoc' && row.outgoingRecipientId)
        await setRecipientDelivery(tx, row.outgoingRecipientId, {
          deliveryState: givesUp ? 'failed' : 'pending',
          deliveryError: message,
          attempts: row.attempts,
          updatedAt: now,
        })
      if (givesUp)
        await recordEvent(systemEventSource(tx, now), {
          action: EXCHANGE_EVENTS.deliveryFailed,
          targetType: EXCHANGE_TARGET,
          targetId: row.id,
          data: {
            kind: row.kind,
            statusCode: row.statusCode,
            documentIdentifier: row.documentIdentifier,
            to: row.toCode,
            error: message,
            code: err instanceof TransportError ? err.code : 'BUILD',
            attempts: row.attempts,
            documentId: row.outgoingDocumentId,
          },
        })
    })
    if (!(err instanceof TransportError)) console.error(`exchange message ${row.id} failed:`, err)
    return givesUp ? 'failed' : 'retry'
  }
}

/** Deliver what is due; returns the counts. `onlyIds` restricts to some rows (tests, "retry now"). */
export async function deliverDue(
  deps: OutboxDeps,
  options: { limit?: number; onlyIds?: string[] } = {},
): Promise<{ sent: number; retry: number; failed: number }> {
  const counts = { sent: 0, retry: 0, failed: 0 }
  if (options.onlyIds && options.onlyIds.length === 0) return counts
  for (;;) {
    const rows = await claimDue(deps.database.db, deps.clock(), options.limit ?? 20, options.onlyIds)
    if (rows.length === 0) break
    // Each row on its own: one agency that is down does not hold back the others.
    const outcomes = await Promise.all(rows.map((r) => sendOne(deps, r)))
    for (const o of outcomes) counts[o] += 1
    if (rows.length < (options.limit ?? 20)) break
  }
  return counts
}

/** Cancel what is still queued for an outgoing document (it was recalled before delivery). */
export async function cancelQueued(tx: Executor, outgoingDocumentId: string, now: Date): Promise<string[]> {
  const rows = await tx
    .update(exchangeMessages)
    .set({ state: 'cancelled', nextAttemptAt: null, updatedAt: now, lastError: 'Văn bản đã bị thu hồi' })
    .where(
      and(
        eq(exchangeMessages.outgoingDocumentId, outgoingDocumentId),
        eq(exchangeMessages.direction, 'out'),
        eq(exchangeMessages.kind, 'edoc'),
        eq(exchangeMessages.state, 'queued'),
      ),
    )
    .returning({ recipientId: exchangeMessages.outgoingRecipientId })
  return rows.flatMap((r) => (r.recipientId ? [r.recipientId] : []))
}
