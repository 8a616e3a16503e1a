/** The clerk sets aside a scan of the batch (a blank page, a duplicate, not a document to register). */
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { DIGITISATION_EVENTS, SCAN_BATCH_TARGET } from '../events.ts'
import { updateItem, type ItemRow } from '../store.ts'
import { closedItem, loadItemForAction } from './support.ts'

/** Discard an open item; its file stays stored (the audit log names it) but nothing is registered. */
export async function discardScanItem(ctx: Ctx, input: { itemId: string }): Promise<ItemRow> {
  const { item, abilities } = await loadItemForAction(ctx, input.itemId)
  if (!abilities.discard) throw closedItem(item)
  const row = await updateItem(ctx.tx, item.id, { status: 'discarded' }, ctx.now)
  await recordEvent(ctx, {
    action: DIGITISATION_EVENTS.itemDiscarded,
    targetType: SCAN_BATCH_TARGET,
    targetId: item.batchId,
    data: { itemId: item.id, fileId: item.fileId, before: item.status },
  })
  return row
}
