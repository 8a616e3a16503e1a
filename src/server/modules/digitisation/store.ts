/** Writes to this module's tables (scan_batches, scan_batch_items). */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { TScanReadMethod, TScanReport } from '@common/contracts/digitisation'
import type { TCaptureResult } from '@common/contracts/capture'
import type { Executor, Tx } from '../../platform/db/client.ts'
import { scanBatches, scanBatchItems } from '../../platform/db/schema.ts'

export type BatchRow = typeof scanBatches.$inferSelect
export type ItemRow = typeof scanBatchItems.$inferSelect

export async function insertBatch(
  tx: Tx,
  batch: {
    organizationId: string
    registerId: string | null
    createdBy: string
    title: string | null
    now: Date
  },
): Promise<BatchRow> {
  const [row] = await tx
    .insert(scanBatches)
    .values({
      organizationId: batch.organizationId,
      registerId: batch.registerId,
      createdBy: batch.createdBy,
      title: batch.title,
      createdAt: batch.now,
      updatedAt: batch.now,
    })
    .returning()
  return row!
}

export async function insertItems(
  tx: Tx,
  batchId: string,
  items: { fileId: string; status: 'queued' | 'failed'; error: string | null }[],
  now: Date,
): Promise<ItemRow[]> {
  return tx
    .insert(scanBatchItems)
    .values(
      items.map((item, i) => ({
        batchId,
        fileId: item.fileId,
        position: i + 1,
        status: item.status,
        error: item.error,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning()
}

/** The item, locked for the rest of the transaction. */
export async function lockItem(tx: Tx, id: string): Promise<ItemRow | null> {
  const rows = await tx.select().from(scanBatchItems).where(eq(scanBatchItems.id, id)).for('update')
  return rows[0] ?? null
}

export async function updateItem(
  tx: Tx,
  id: string,
  patch: Partial<
    Pick<ItemRow, 'status' | 'documentId' | 'error' | 'method' | 'fields' | 'textExcerpt' | 'scanProblems'>
  >,
  now: Date,
): Promise<ItemRow> {
  const [row] = await tx
    .update(scanBatchItems)
    .set({ ...patch, updatedAt: now })
    .where(eq(scanBatchItems.id, id))
    .returning()
  return row!
}

/**
 * Take the next queued item for reading (status 'reading', a lease stamped now). SKIP LOCKED lets
 * several workers take different items; the oldest batch goes first, in the clerk's order.
 */
export async function claimQueued(
  db: Executor,
  options: { now: Date; batchIds?: readonly string[] },
): Promise<ItemRow | null> {
  const scope = options.batchIds
    ? sql`AND batch_id IN (${sql.join(
        options.batchIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``
  const [row] = await db
    .update(scanBatchItems)
    .set({ status: 'reading', updatedAt: options.now })
    .where(
      sql`${scanBatchItems.id} = (SELECT id FROM scan_batch_items WHERE status = 'queued' ${scope}
        ORDER BY created_at, position LIMIT 1 FOR UPDATE SKIP LOCKED)`,
    )
    .returning()
  return row ?? null
}

/** Items whose reader died (process killed mid-read) go back to the queue after `olderThan`. */
export async function requeueStale(db: Executor, olderThan: Date, now: Date): Promise<number> {
  const rows = await db
    .update(scanBatchItems)
    .set({ status: 'queued', updatedAt: now })
    .where(and(eq(scanBatchItems.status, 'reading'), lt(scanBatchItems.updatedAt, olderThan)))
    .returning({ id: scanBatchItems.id })
  return rows.length
}

export type ReadOutcome =
  | {
      status: 'ready'
      method: TScanReadMethod
      fields: TCaptureResult | null
      textExcerpt: string | null
      scan: TScanReport | null
    }
  | { status: 'failed'; error: string; scan: TScanReport | null }

/**
 * Keep what the reader found, unless the clerk decided meanwhile (registered or discarded the
 * item while it was being read): then the item stays as the clerk left it. Returns whether stored.
 */
export async function storeReadOutcome(
  tx: Tx,
  id: string,
  outcome: ReadOutcome,
  now: Date,
): Promise<ItemRow | null> {
  const patch =
    outcome.status === 'ready'
      ? {
          status: 'ready',
          method: outcome.method,
          fields: outcome.fields,
          textExcerpt: outcome.textExcerpt,
          scanProblems: outcome.scan,
          error: null,
        }
      : {
          status: 'failed',
          method: null,
          fields: null,
          textExcerpt: null,
          scanProblems: outcome.scan,
          error: outcome.error,
        }
  const [row] = await tx
    .update(scanBatchItems)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(scanBatchItems.id, id), eq(scanBatchItems.status, 'reading')))
    .returning()
  return row ?? null
}

/** Open items holding one of these files (a scan registered through the ordinary form). */
export async function openItemsWithFiles(tx: Tx, fileIds: readonly string[]): Promise<ItemRow[]> {
  if (fileIds.length === 0) return []
  return tx
    .select()
    .from(scanBatchItems)
    .where(
      and(
        inArray(scanBatchItems.fileId, [...fileIds]),
        inArray(scanBatchItems.status, ['queued', 'reading', 'ready', 'failed']),
      ),
    )
    .orderBy(asc(scanBatchItems.createdAt))
    .for('update')
}
