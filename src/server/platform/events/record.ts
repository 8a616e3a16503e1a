/**
 * Records an event in the caller's transaction. The events table is the audit log (append-only,
 * hash-chained) and the trigger for after-commit handlers (notifications, search, exchange, portal).
 */
import { sql } from 'drizzle-orm'
import { queryRows, type Tx } from '../db/client.ts'
import type { events } from '../db/schema.ts'
import type { Ctx, SystemCtx } from '../context.ts'
import { eventHash } from './hash.ts'

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

/** The source of events the system records itself (jobs, seeds, received packages): no actor. */
export function systemEventSource(tx: Tx, now: Date, userAgent: string | null = null): EventSource {
  return { tx, now, actor: null, principalId: '', request: { ip: null, userAgent }, hasEvents: false }
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
  // Two round trips. The row lock on the chain head is held until commit, so writers append one
  // after another and ids follow commit order (after-commit handlers rely on it); in READ COMMITTED,
  // FOR UPDATE returns the head as the previous writer committed it. Ids come from the head, so a
  // rolled-back append leaves no gap.
  const [head] = await queryRows<{ last_id: number | string; hash: string }>(
    tx,
    sql`SELECT last_id, hash FROM event_chain_head WHERE singleton FOR UPDATE`,
  )
  if (!head) throw new Error('event_chain_head is empty: the database was not migrated')
  // JSON round trip: what we hash must be exactly what jsonb gives back (no undefined, no Date objects).
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>
  const occurredAt = new Date(input.occurredAt.getTime())
  const row = { ...input, id: Number(head.last_id) + 1, occurredAt, data, prevHash: head.hash }
  const hash = eventHash(row)
  await tx.execute(sql`WITH head AS (UPDATE event_chain_head SET last_id = ${row.id}, hash = ${hash} WHERE singleton)
    INSERT INTO events (id, occurred_at, actor_id, principal_id, action, target_type, target_id, ip, user_agent, data, prev_hash, hash)
    VALUES (${row.id}, ${occurredAt.toISOString()}, ${row.actorId}, ${row.principalId}, ${row.action}, ${row.targetType},
      ${row.targetId}, ${row.ip}, ${row.userAgent}, ${JSON.stringify(data)}::jsonb, ${row.prevHash}, ${hash})`)
  return { ...row, hash }
}
