/**
 * Who sees and acts on a scan batch. Pure: give it the loaded batch and item. Deny by default.
 * A batch is the office's pile of scans waiting for registration: its creator and the clerks of
 * the same organization (who register incoming documents, Decree 30/2020 Art. 22) see it and
 * confirm its items; nobody else, administrators included (they manage the system, not documents).
 */
import type { TScanItemStatus } from '@common/contracts/digitisation'
import { OPEN_SCAN_ITEM_STATUSES } from '@common/contracts/digitisation'
import type { Actor } from '../../platform/context.ts'
import { globalCan } from '../accounts/index.ts'

export type BatchFacts = { organizationId: string; createdBy: string }
export type ItemFacts = { status: TScanItemStatus; method: string | null }

/** Whether the actor sees the batch and its items (queries.ts holds the SQL twin, visibleBatches). */
export function canSeeBatch(
  actor: Pick<Actor, 'id' | 'organizationId' | 'roles'>,
  batch: BatchFacts,
): boolean {
  if (!globalCan(actor, 'documentsIn.register')) return false
  return batch.createdBy === actor.id || batch.organizationId === actor.organizationId
}

function isOpen(status: TScanItemStatus): boolean {
  return (OPEN_SCAN_ITEM_STATUSES as readonly string[]).includes(status)
}

/** What the actor may do with one item of a batch they see. */
export function itemAbilities(
  actor: Pick<Actor, 'id' | 'organizationId' | 'roles'>,
  batch: BatchFacts,
  item: ItemFacts,
): { register: boolean; discard: boolean; retry: boolean } {
  if (!canSeeBatch(actor, batch)) return { register: false, discard: false, retry: false }
  return {
    // Registering does not wait for the reading: a clerk may type the fields by hand.
    register: isOpen(item.status),
    discard: isOpen(item.status),
    // Read again after a failure, or once OCR is installed on the server.
    retry: item.status === 'failed' || (item.status === 'ready' && item.method === 'ocr_unavailable'),
  }
}
