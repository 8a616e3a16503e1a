/** Records files already streamed into the blob store: their blob rows, file rows and audit events. */
import type { Ctx } from '../../../platform/context.ts'
import { AppError } from '../../../platform/errors.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { canUploadFiles } from '../policy.ts'
import type { FileRow } from '../queries.ts'
import { insertFileWithBlob } from '../store.ts'
import type { ReceivedFile } from './receive-upload.ts'

/** Record the received files as the actor's uploads, one `file.uploaded` event each. */
export async function registerUploads(ctx: Ctx, input: { items: ReceivedFile[] }): Promise<FileRow[]> {
  if (!canUploadFiles(ctx.actor)) throw new AppError('NOT_ALLOWED', { message: 'You may not upload files' })
  const rows: FileRow[] = []
  for (const item of input.items) {
    const row = await insertFileWithBlob(ctx.tx, {
      sha256: item.sha256,
      filename: item.filename,
      mediaType: item.mediaType,
      size: item.size,
      uploadedBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    await recordEvent(ctx, {
      action: 'file.uploaded',
      targetType: 'file',
      targetId: row.id,
      data: {
        filename: item.filename,
        mediaType: item.mediaType,
        size: item.size,
        sha256: item.sha256,
        isNewBlob: item.isNewBlob,
      },
    })
    rows.push(row)
  }
  return rows
}
