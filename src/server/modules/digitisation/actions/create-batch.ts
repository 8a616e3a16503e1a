/**
 * The clerk starts digitising a pile of scans: the uploaded files become a batch, each file an
 * item queued for reading (read-job.ts). Files of a type that cannot be read are kept as failed
 * items with the reason, so the clerk sees every file of the pile.
 */
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { globalCan } from '../../accounts/index.ts'
import { fileReadableBy, unsafeFindFile } from '../../files/index.ts'
import { DIGITISATION_EVENTS, SCAN_BATCH_TARGET } from '../events.ts'
import { isIncomingRegisterOf } from '../queries.ts'
import { isScanMediaType, UNSUPPORTED_TYPE } from '../read-scan.ts'
import { insertBatch, insertItems, type BatchRow, type ItemRow } from '../store.ts'
import { invalid } from './support.ts'

/** Create a batch of the given uploaded files, in order (a file named twice counts once). */
export async function createBatch(
  ctx: Ctx,
  input: { registerId?: string | null; title?: string | null; fileIds: string[] },
): Promise<{ batch: BatchRow; items: ItemRow[] }> {
  if (!globalCan(ctx.actor, 'documentsIn.register'))
    throw new AppError('NOT_ALLOWED', { message: 'Only clerks digitise incoming documents' })
  const fileIds = [...new Set(input.fileIds)]
  const found = []
  for (const [i, id] of fileIds.entries()) {
    const file = await unsafeFindFile(ctx.tx, id)
    if (!file || !(await fileReadableBy(ctx.tx, ctx.actor, file)))
      throw invalid(`fileIds.${i}`, 'Tệp không tồn tại hoặc bạn không có quyền đọc tệp này')
    found.push(file)
  }
  const registerId = input.registerId ?? null
  if (registerId && !(await isIncomingRegisterOf(ctx.tx, registerId, ctx.actor.organizationId)))
    throw invalid('registerId', 'Sổ văn bản đến không tồn tại')
  const batch = await insertBatch(ctx.tx, {
    organizationId: ctx.actor.organizationId,
    registerId,
    createdBy: ctx.actor.id,
    title: input.title ?? null,
    now: ctx.now,
  })
  const items = await insertItems(
    ctx.tx,
    batch.id,
    found.map((f) =>
      isScanMediaType(f.mediaType)
        ? { fileId: f.id, status: 'queued' as const, error: null }
        : { fileId: f.id, status: 'failed' as const, error: UNSUPPORTED_TYPE },
    ),
    ctx.now,
  )
  await recordEvent(ctx, {
    action: DIGITISATION_EVENTS.batchCreated,
    targetType: SCAN_BATCH_TARGET,
    targetId: batch.id,
    data: {
      title: batch.title,
      registerId,
      files: found.map((f) => ({ fileId: f.id, filename: f.filename, mediaType: f.mediaType })),
      queued: items.filter((i) => i.status === 'queued').length,
    },
  })
  return { batch, items }
}
