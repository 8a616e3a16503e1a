/**
 * Smart capture of a stored file: the registration form of an incoming document pre-filled from
 * the document's own text. Reads only; no transaction, since parsing a PDF must not hold the
 * database connection (PGlite has one).
 */
import type { TCaptureResponse } from '@common/contracts/capture'
import type { Executor } from '../../platform/db/client.ts'
import type { Actor } from '../../platform/context.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import { fileReadableBy, unsafeFindFile } from '../files/index.ts'
import { CAPTURE_MEDIA_TYPES, extractText, isCaptureMediaType } from './extract/extract-text.ts'
import { captureFields } from './parse/capture-fields.ts'

export type CaptureDeps = { actor: Actor; db: Executor; blobs: BlobStore }

/**
 * Inline limits for the HTTP route. Reading a PDF costs about 10–20 ms of this thread per page
 * (bench/capture.ts), so a request reads at most this much; larger files go through the job queue.
 */
export const INLINE_MAX_BYTES = 10 * 1024 * 1024
export const INLINE_MAX_PAGES = 20
const EXCERPT_CHARS = 2000

/** Read the fields of a file the actor may read; "not found" and "not allowed" look the same. */
export async function captureFile(deps: CaptureDeps, input: { fileId: string }): Promise<TCaptureResponse> {
  const file = await unsafeFindFile(deps.db, input.fileId)
  if (!file || !(await fileReadableBy(deps.db, deps.actor, file))) throw notFound('file')
  if (!isCaptureMediaType(file.mediaType)) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', {
      message: `Capture reads PDF, DOCX and plain text, not ${file.mediaType}`,
      details: { mediaType: file.mediaType, allowed: CAPTURE_MEDIA_TYPES },
    })
  }
  if (file.size > INLINE_MAX_BYTES) {
    throw new AppError('FILE_TOO_LARGE', {
      message: `Capture reads files up to ${INLINE_MAX_BYTES} bytes inline`,
    })
  }
  const extraction = await extractText(await deps.blobs.get(file.sha256), file.mediaType, {
    maxBytes: INLINE_MAX_BYTES,
    maxPages: INLINE_MAX_PAGES,
  })
  return {
    method: extraction.method,
    pages: extraction.pages,
    isLikelyScanned: extraction.isLikelyScanned,
    textExcerpt: extraction.text.slice(0, EXCERPT_CHARS),
    fields: captureFields(extraction.text),
  }
}
