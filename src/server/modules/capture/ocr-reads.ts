/**
 * OCR reads kept by the file's SHA-256 (table ocr_reads): Tesseract takes seconds per page, and the
 * same bytes are read more than once: a scan read for the batch pre-fill (digitisation) is read
 * again for search once registered (documents-in OCR job), and a scan may be uploaded twice. Only a
 * complete read is kept (every page; for a PDF with its searchable copy), so whoever finds one
 * needs nothing more from Tesseract.
 */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../platform/db/client.ts'
import { ocrReads } from '../../platform/db/schema.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'

export type OcrRead = {
  /** The scanned file's blob. */
  sha256: string
  text: string
  pageCount: number
  /** The scan with an invisible text layer (a PDF's); null for an image. */
  searchable: { sha256: string; size: number } | null
  milliseconds: number
}

/**
 * The complete read of these bytes, if one was kept. A read whose searchable copy is no longer in
 * the blob store is not offered: the caller reads the scan again rather than lose the copy.
 */
export async function findOcrRead(db: Executor, blobs: BlobStore, sha256: string): Promise<OcrRead | null> {
  const [row] = await db.select().from(ocrReads).where(eq(ocrReads.sha256, sha256))
  if (!row) return null
  const searchable =
    row.searchableSha256 && row.searchableSize !== null
      ? { sha256: row.searchableSha256, size: row.searchableSize }
      : null
  if (searchable && !(await blobs.has(searchable.sha256))) return null
  return {
    sha256: row.sha256,
    text: row.text,
    pageCount: row.pageCount,
    searchable,
    milliseconds: row.milliseconds,
  }
}

/** Keep a complete read (the first one stays: the same bytes give the same text). */
export async function keepOcrRead(db: Executor, read: OcrRead, now: Date): Promise<void> {
  await db
    .insert(ocrReads)
    .values({
      sha256: read.sha256,
      // PostgreSQL text cannot hold NUL characters.
      text: read.text.replaceAll('\u0000', ''),
      pageCount: read.pageCount,
      searchableSha256: read.searchable?.sha256 ?? null,
      searchableSize: read.searchable?.size ?? null,
      milliseconds: Math.round(read.milliseconds),
      createdAt: now,
    })
    .onConflictDoNothing()
}
