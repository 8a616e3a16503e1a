/** Reads of scan batches: the clerk's list (with counts), one batch with its items, one item. */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { TScanBatchListQuery, TScanCounts, TScanItemStatus } from '@common/contracts/digitisation'
import type { Actor } from '../../platform/context.ts'
import { queryRows, type Executor } from '../../platform/db/client.ts'
import { files, registers, scanBatches, scanBatchItems, users } from '../../platform/db/schema.ts'
import type { BatchRow, ItemRow } from './store.ts'

export type BatchView = BatchRow & { creatorName: string }
export type ItemView = ItemRow & { filename: string; mediaType: string; size: number; sha256: string }

/** The SQL twin of policy.canSeeBatch (the route has checked 'documentsIn.register'). */
export function visibleBatches(actor: Pick<Actor, 'id' | 'organizationId'>): SQL {
  return or(eq(scanBatches.createdBy, actor.id), eq(scanBatches.organizationId, actor.organizationId))!
}

const batchColumns = { batch: scanBatches, creatorName: users.fullName }

/** One batch without a visibility check: callers check policy.canSeeBatch. */
export async function unsafeFindBatch(db: Executor, id: string): Promise<BatchView | null> {
  const rows = await db
    .select(batchColumns)
    .from(scanBatches)
    .innerJoin(users, eq(users.id, scanBatches.createdBy))
    .where(eq(scanBatches.id, id))
    .limit(1)
  return rows[0] ? { ...rows[0].batch, creatorName: rows[0].creatorName } : null
}

const itemColumns = {
  item: scanBatchItems,
  filename: files.filename,
  mediaType: files.mediaType,
  size: files.size,
  sha256: files.sha256,
}

function itemView(r: {
  item: ItemRow
  filename: string
  mediaType: string
  size: number
  sha256: string
}): ItemView {
  return { ...r.item, filename: r.filename, mediaType: r.mediaType, size: r.size, sha256: r.sha256 }
}

export async function batchItems(db: Executor, batchId: string): Promise<ItemView[]> {
  const rows = await db
    .select(itemColumns)
    .from(scanBatchItems)
    .innerJoin(files, eq(files.id, scanBatchItems.fileId))
    .where(eq(scanBatchItems.batchId, batchId))
    .orderBy(asc(scanBatchItems.position))
  return rows.map(itemView)
}

/** One item without a visibility check: callers check policy.canSeeBatch on its batch. */
export async function unsafeFindItem(db: Executor, id: string): Promise<ItemView | null> {
  const rows = await db
    .select(itemColumns)
    .from(scanBatchItems)
    .innerJoin(files, eq(files.id, scanBatchItems.fileId))
    .where(eq(scanBatchItems.id, id))
    .limit(1)
  return rows[0] ? itemView(rows[0]) : null
}

export function emptyCounts(): TScanCounts {
  return { total: 0, queued: 0, reading: 0, ready: 0, failed: 0, registered: 0, discarded: 0 }
}

export function countItems(items: readonly { status: string }[]): TScanCounts {
  const counts = emptyCounts()
  for (const item of items) {
    counts.total += 1
    const status = item.status as TScanItemStatus
    if (status in counts) counts[status] += 1
  }
  return counts
}

async function countsOf(db: Executor, batchIds: readonly string[]): Promise<Map<string, TScanCounts>> {
  const out = new Map<string, TScanCounts>(batchIds.map((id) => [id, emptyCounts()]))
  if (batchIds.length === 0) return out
  const rows = await db
    .select({ batchId: scanBatchItems.batchId, status: scanBatchItems.status, n: sql<number>`count(*)::int` })
    .from(scanBatchItems)
    .where(inArray(scanBatchItems.batchId, [...batchIds]))
    .groupBy(scanBatchItems.batchId, scanBatchItems.status)
  for (const r of rows) {
    const counts = out.get(r.batchId)!
    counts.total += Number(r.n)
    const status = r.status as TScanItemStatus
    if (status in counts) counts[status] += Number(r.n)
  }
  return out
}

/** The batches the actor sees, newest first, with their counts. */
export async function listBatches(db: Executor, actor: Actor, query: TScanBatchListQuery) {
  const page = Number(query.page ?? 1)
  const pageSize = Number(query.pageSize ?? 20)
  const filters: SQL[] = [visibleBatches(actor)]
  if (query.isOpen === 'true')
    filters.push(
      sql`EXISTS (SELECT 1 FROM scan_batch_items i WHERE i.batch_id = ${scanBatches.id} AND i.status IN ('queued', 'reading', 'ready', 'failed'))`,
    )
  const where = and(...filters)
  const [total] = await queryRows<{ n: number | string }>(
    db,
    sql`SELECT count(*) AS n FROM scan_batches WHERE ${where}`,
  )
  const rows = await db
    .select(batchColumns)
    .from(scanBatches)
    .innerJoin(users, eq(users.id, scanBatches.createdBy))
    .where(where)
    .orderBy(desc(scanBatches.createdAt), desc(scanBatches.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  const batches = rows.map((r) => ({ ...r.batch, creatorName: r.creatorName }))
  const counts = await countsOf(
    db,
    batches.map((b) => b.id),
  )
  return { batches, counts, total: Number(total?.n ?? 0), page, pageSize }
}

/**
 * An incoming register of the organization, for the batch's proposed register. Registers belong
 * to documents-in, which exports no lookup; this reads the two columns it needs and nothing else.
 */
export async function isIncomingRegisterOf(db: Executor, registerId: string, organizationId: string) {
  const rows = await db
    .select({ id: registers.id })
    .from(registers)
    .where(
      and(
        eq(registers.id, registerId),
        eq(registers.organizationId, organizationId),
        eq(registers.kind, 'incoming'),
      ),
    )
    .limit(1)
  return rows.length > 0
}

/** Whether the file sits in a batch the actor sees (the file read grant of this module). */
export async function isFileInVisibleBatch(db: Executor, actor: Actor, fileId: string): Promise<boolean> {
  const rows = await db
    .select({ id: scanBatchItems.id })
    .from(scanBatchItems)
    .innerJoin(scanBatches, eq(scanBatches.id, scanBatchItems.batchId))
    .where(and(eq(scanBatchItems.fileId, fileId), visibleBatches(actor)))
    .limit(1)
  return rows.length > 0
}
