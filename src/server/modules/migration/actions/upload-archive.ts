/**
 * The zip of the previous system's files, uploaded by the administrator for a run. POST /api/files
 * refuses archives for everybody (a zip could smuggle anything into a document), so the migration
 * takes them on its own administrator-only route; each entry is checked by content when a run
 * extracts it (archive.ts). The bytes are already in the blob store; this records the file row.
 */
import type { Ctx } from '../../../platform/context.ts'
import { recordEvent } from '../../../platform/events/record.ts'
import { insertFileWithBlob } from '../../files/index.ts'
import { ARCHIVE_TYPE } from './create-run.ts'
import { assertCanMigrate } from './support.ts'

/** A file name without folders or control characters, NFC, at most 200 characters, ending in .zip. */
export function archiveFilename(name: string | undefined): string {
  const base = (name ?? '')
    .normalize('NFC')
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .split(/[\\/]/)
    .pop()!
    .trim()
    .slice(0, 200)
  const named = base || 'tep-dinh-kem.zip'
  return /\.zip$/i.test(named) ? named : `${named}.zip`
}

/** Record the stored zip as the actor's upload ('file.uploaded', as every upload). */
export async function registerArchive(
  ctx: Ctx,
  input: { filename: string; sha256: string; size: number; isNewBlob: boolean },
): Promise<{ id: string }> {
  assertCanMigrate(ctx)
  const row = await insertFileWithBlob(ctx.tx, {
    sha256: input.sha256,
    filename: input.filename,
    mediaType: ARCHIVE_TYPE,
    size: input.size,
    uploadedBy: ctx.actor.id,
    createdAt: ctx.now,
  })
  await recordEvent(ctx, {
    action: 'file.uploaded',
    targetType: 'file',
    targetId: row.id,
    data: {
      filename: input.filename,
      mediaType: ARCHIVE_TYPE,
      size: input.size,
      sha256: input.sha256,
      isNewBlob: input.isNewBlob,
    },
  })
  return { id: row.id }
}
