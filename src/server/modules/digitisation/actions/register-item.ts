/**
 * The clerk confirms a scan's pre-filled registration: the scan becomes an incoming document
 * (documents-in registerIncoming: arrival number, duplicate warning, secrecy refusal — Decree
 * 30/2020 Art. 22) with the scan as its main file, and the item is marked registered.
 */
import type { TRegisterIncoming } from '@common/contracts/documents-in'
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { registerIncoming } from '../../documents-in/index.ts'
import { DIGITISATION_EVENTS, SCAN_BATCH_TARGET } from '../events.ts'
import { updateItem } from '../store.ts'
import { closedItem, loadItemForAction } from './support.ts'

/** Register the item's scan as an incoming document; an item registered or discarded is refused. */
export async function registerScanItem(
  ctx: Ctx,
  input: { itemId: string; registration: TRegisterIncoming },
): Promise<{ documentId: string }> {
  const { item, abilities } = await loadItemForAction(ctx, input.itemId)
  const { registration } = input
  // The scan is the main file; files the clerk added are attachments.
  const fileIds = [item.fileId, ...registration.fileIds.filter((id) => id !== item.fileId)]
  // A second submission waits on the item's lock for the first to commit, then finds it registered.
  if (!abilities.register) throw closedItem(item)
  const { id } = await registerIncoming(ctx, { ...registration, fileIds, mainFileId: item.fileId })
  await updateItem(ctx.tx, item.id, { status: 'registered', documentId: id }, ctx.now)
  await recordEvent(ctx, {
    action: DIGITISATION_EVENTS.itemRegistered,
    targetType: SCAN_BATCH_TARGET,
    targetId: item.batchId,
    data: {
      itemId: item.id,
      fileId: item.fileId,
      documentId: id,
      method: item.method,
      // What the clerk kept of the pre-fill, to measure smart capture on real scans.
      isNumberAsCaptured:
        (item.fields as { numberAndNotation?: string | null } | null)?.numberAndNotation ===
        registration.numberAndNotation,
    },
  })
  return { documentId: id }
}
