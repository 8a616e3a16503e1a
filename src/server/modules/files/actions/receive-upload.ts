/**
 * Streams one uploaded file into the blob store, checking its type by content on the way. It does
 * no database work: an upload may take minutes, and no transaction (least of all PGlite's single
 * connection) may stay open that long. register-uploads.ts records the result afterwards.
 */
import { pipeline, type Readable } from 'node:stream'
import type { BlobStore } from '../../../platform/files/blob-store.ts'
import { ContentInspector } from '../content-type.ts'
import { sanitizeFilename } from '../filename.ts'

export type ReceivedFile = {
  filename: string
  mediaType: string
  sha256: string
  size: number
  /** False when the same bytes were already stored (de-duplicated). */
  isNewBlob: boolean
}

/** Store one upload's bytes if their type is allowed; returns what register-uploads needs. */
export async function receiveUpload(
  blobs: BlobStore,
  input: { filename: string | undefined; content: Readable; maxBytes: number },
): Promise<ReceivedFile> {
  const filename = sanitizeFilename(input.filename)
  const inspector = new ContentInspector(filename)
  // An error on either side (client gone, too large, refused type) tears both down; the store
  // sees it as its source failing and deletes what it had written.
  pipeline(input.content, inspector, (err) => {
    if (err && !inspector.destroyed) inspector.destroy(err)
  })
  const stored = await blobs.put(inspector, { maxBytes: input.maxBytes })
  return {
    filename,
    mediaType: inspector.mediaType,
    sha256: stored.sha256,
    size: stored.size,
    isNewBlob: stored.isNew,
  }
}
