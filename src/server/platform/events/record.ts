/**
 * Records an event in the caller's transaction. The events table is the audit log (append-only,
 * hash-chained) and the trigger for after-commit handlers (notifications, search, exchange, portal).
 */
import { sql } from 'drizzle-orm'
import { queryRows, type Tx } from '../db/client.ts'
import { events } from '../db/schema.ts'
import type { Ctx, SystemCtx } from '../context.ts'
import { GENESIS_HASH, eventHash } from './hash.ts'

/** Serialises writers of the chain until their transaction ends, so ids follow commit order. */
const CHAIN_LOCK_KEY = 7_300_001

export type EventInput = {
  action: string
  targetType: string
  targetId?: string | null
  /** before/after or whatever a reader of the audit log needs; must be JSON. */
  data?: Record<string, unknown>
}

export type RecordedEvent = typeof events.$inferSelect

type EventSource = Pick<Ctx, 'tx' | 'now' | 'request' | 'principalId'> & {
  actor: SystemCtx['actor']
  hasEvents: boolean
}

/** Append one event to the chain inside ctx.tx. */
export async function recordEvent(ctx: EventSource, input: EventInput): Promise<RecordedEvent> {
  const row = await appendEvent(ctx.tx, {
    occurredAt: ctx.now,
    actorId: ctx.actor?.id ?? null,
    principalId: ctx.actor ? ctx.principalId : null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
    data: input.data ?? {},
  })
  ctx.hasEvents = true
  return row
}

type AppendInput = Omit<RecordedEvent, 'id' | 'prevHash' | 'hash'>

/** Low-level append, for callers without an action context (login attempts). Must run in a transaction. */
export async function appendEvent(tx: Tx, input: AppendInput): Promise<RecordedEvent> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`)
  const [last] = await queryRows<{ hash: string }>(tx, sql`SELECT hash FROM events ORDER BY id DESC LIMIT 1`)
  const [next] = await queryRows<{ id: number | string }>(tx, sql`SELECT nextval('events_id_seq') AS id`)
  const prevHash = last?.hash ?? GENESIS_HASH
  // JSON round trip: what we hash must be exactly what jsonb gives back (no undefined, no Date objects).
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>
  const occurredAt = new Date(input.occurredAt.getTime())
  const row = { ...input, id: Number(next?.id), occurredAt, data, prevHash }
  const hash = eventHash(row)
  const [inserted] = await tx
    .insert(events)
    .values({ ...row, hash })
    .returning()
  return inserted as RecordedEvent
}
