/**
 * After-commit dispatch. Each handler keeps a cursor in event_cursors and reads the events table
 * in id order; the cursor row is locked while a batch runs, so any number of worker processes may
 * dispatch at once without handling an event twice. Ids follow commit order (see record.ts).
 */
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm'
import { queryRows, type Database, type Tx } from '../db/client.ts'
import { eventCursors, events } from '../db/schema.ts'
import type { RecordedEvent } from './record.ts'

export type EventHandler = {
  /** Stable name: the cursor key. */
  name: string
  /** Actions this handler reacts to. */
  actions: readonly string[]
  /** Runs in the cursor's transaction: writes made through `tx` commit with the cursor. */
  handle(event: RecordedEvent, tx: Tx): Promise<void>
}

export type DispatchResult = {
  handled: number
  failures: { handler: string; eventId: number; message: string }[]
}

export class EventDispatcher {
  private readonly handlers: EventHandler[] = []

  constructor(private readonly database: Database) {}

  register(handler: EventHandler): void {
    if (this.handlers.some((h) => h.name === handler.name))
      throw new Error(`duplicate event handler ${handler.name}`)
    this.handlers.push(handler)
  }

  get handlerNames(): string[] {
    return this.handlers.map((h) => h.name)
  }

  /** Run every handler over the events it has not seen yet. Returns when all are caught up (or stuck). */
  async dispatchPending(batchSize = 200): Promise<DispatchResult> {
    const result: DispatchResult = { handled: 0, failures: [] }
    for (const handler of this.handlers) {
      for (;;) {
        const outcome = await this.runBatch(handler, batchSize)
        result.handled += outcome.handled
        if (outcome.failure) result.failures.push(outcome.failure)
        if (outcome.failure || !outcome.hasMore) break
      }
    }
    return result
  }

  private async runBatch(handler: EventHandler, batchSize: number) {
    const { db } = this.database
    await db.insert(eventCursors).values({ handler: handler.name }).onConflictDoNothing()
    return db.transaction(async (tx) => {
      const [cursorRow] = await queryRows<{ last_event_id: number | string }>(
        tx,
        sql`SELECT last_event_id FROM event_cursors WHERE handler = ${handler.name} FOR UPDATE SKIP LOCKED`,
      )
      if (!cursorRow) return { handled: 0, hasMore: false, failure: undefined } // another process holds it
      let cursor = Number(cursorRow.last_event_id)
      // Read the high-water mark first: every id up to it is committed (ids follow commit order).
      const [max] = await queryRows<{ max: number | string | null }>(
        tx,
        sql`SELECT max(id) AS max FROM events`,
      )
      const highWater = Number(max?.max ?? 0)
      const rows = await tx
        .select()
        .from(events)
        .where(
          and(gt(events.id, cursor), lte(events.id, highWater), inArray(events.action, [...handler.actions])),
        )
        .orderBy(asc(events.id))
        .limit(batchSize)
      let handled = 0
      let failure: DispatchResult['failures'][number] | undefined
      for (const event of rows) {
        try {
          await tx.execute(sql`SAVEPOINT handler_event`)
          await handler.handle(event, tx)
          await tx.execute(sql`RELEASE SAVEPOINT handler_event`)
        } catch (err) {
          await tx.execute(sql`ROLLBACK TO SAVEPOINT handler_event`)
          // Leave the cursor before the failing event: it is retried on the next dispatch.
          failure = {
            handler: handler.name,
            eventId: event.id,
            message: err instanceof Error ? err.message : String(err),
          }
          break
        }
        cursor = event.id
        handled += 1
      }
      if (!failure && rows.length < batchSize) {
        // Caught up: skip past events of other actions too, so the next scan starts late.
        cursor = Math.max(cursor, highWater)
      }
      await tx
        .update(eventCursors)
        .set({ lastEventId: cursor, updatedAt: new Date() })
        .where(eq(eventCursors.handler, handler.name))
      return { handled, hasMore: !failure && rows.length === batchSize, failure }
    })
  }
}
