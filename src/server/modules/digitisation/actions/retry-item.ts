/** Read an item again: after a failure, or once OCR has been installed on the server. */
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { DIGITISATION_EVENTS, SCAN_BATCH_TARGET } from '../events.ts'
import { updateItem, type ItemRow } from '../store.ts'
import { closedItem, loadItemForAction } from './support.ts'

/** Put the item back in the reading queue. */
export async function retryScanItem(ctx: Ctx, input: { itemId: string }): Promise<ItemRow> {
  const { item, abilities } = await loadItemForAction(ctx, input.itemId)
  if (!abilities.retry) throw closedItem(item)
  const row = await updateItem(
    ctx.tx,
    item.id,
    { status: 'queued', error: null, method: null, fields: null, textExcerpt: null, scanProblems: null },
    ctx.now,
  )
  await recordEvent(ctx, {
    action: DIGITISATION_EVENTS.itemRequeued,
    targetType: SCAN_BATCH_TARGET,
    targetId: item.batchId,
    data: { itemId: item.id, fileId: item.fileId, before: item.status, method: item.method },
  })
  return row
}
