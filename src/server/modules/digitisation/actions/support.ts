/** Steps shared by the digitisation actions: load an item under lock with its batch, input errors. */
import type { Ctx } from '../../../platform/context.ts'
import { AppError, notFound } from '../../../platform/errors.ts'
import { canSeeBatch, itemAbilities } from '../policy.ts'
import { unsafeFindBatch, type BatchView } from '../queries.ts'
import { lockItem, type ItemRow } from '../store.ts'
import type { TScanItemStatus } from '@common/contracts/digitisation'

export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] })
}

/** The item locked for this transaction, with its batch; NOT_FOUND when it does not exist or is not visible. */
export async function loadItemForAction(ctx: Ctx, itemId: string) {
  const item = await lockItem(ctx.tx, itemId)
  const batch: BatchView | null = item ? await unsafeFindBatch(ctx.tx, item.batchId) : null
  if (!item || !batch || !canSeeBatch(ctx.actor, batch)) throw notFound('scan item')
  const abilities = itemAbilities(ctx.actor, batch, {
    status: item.status as TScanItemStatus,
    method: item.method,
  })
  return { item, batch, abilities }
}

/** The item is no longer open to this decision (already registered or discarded). */
export function closedItem(item: ItemRow): AppError {
  const text =
    item.status === 'registered'
      ? 'Tệp này đã được đăng ký thành văn bản đến'
      : item.status === 'discarded'
        ? 'Tệp này đã bị bỏ qua'
        : 'Không thể thực hiện với tệp ở trạng thái này'
  return new AppError('INVALID_TRANSITION', {
    message: `The scan item is ${item.status}`,
    details: [{ path: 'status', message: text }],
  })
}
