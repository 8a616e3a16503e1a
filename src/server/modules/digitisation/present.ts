/** Rows → the digitisation contracts, with the actor's abilities on each item. */
import type { TCaptureResult } from '@common/contracts/capture'
import type {
  TScanBatch,
  TScanBatchSummary,
  TScanCounts,
  TScanItem,
  TScanItemStatus,
  TScanReadMethod,
  TScanReport,
} from '@common/contracts/digitisation'
import type { Actor } from '../../platform/context.ts'
import { itemAbilities } from './policy.ts'
import { countItems, type BatchView, type ItemView } from './queries.ts'

export function presentItem(actor: Actor, batch: BatchView, item: ItemView): TScanItem {
  const status = item.status as TScanItemStatus
  return {
    id: item.id,
    batchId: item.batchId,
    position: item.position,
    fileId: item.fileId,
    filename: item.filename,
    mediaType: item.mediaType,
    size: item.size,
    status,
    method: (item.method as TScanReadMethod | null) ?? null,
    fields: (item.fields as TCaptureResult | null) ?? null,
    textExcerpt: item.textExcerpt,
    scan: (item.scanProblems as TScanReport | null) ?? null,
    error: item.error,
    documentId: item.documentId,
    updatedAt: item.updatedAt.toISOString(),
    abilities: itemAbilities(actor, batch, { status, method: item.method }),
  }
}

export function presentSummary(batch: BatchView, counts: TScanCounts): TScanBatchSummary {
  return {
    id: batch.id,
    title: batch.title,
    registerId: batch.registerId,
    createdBy: { id: batch.createdBy, fullName: batch.creatorName },
    createdAt: batch.createdAt.toISOString(),
    counts,
    isRead: counts.queued === 0 && counts.reading === 0,
    isClosed: counts.registered + counts.discarded === counts.total,
  }
}

export function presentBatch(actor: Actor, batch: BatchView, items: readonly ItemView[]): TScanBatch {
  return {
    ...presentSummary(batch, countItems(items)),
    items: items.map((item) => presentItem(actor, batch, item)),
  }
}
