/**
 * OCR of scanned attachments (digitisation, issue 6), as a background job, never in a request:
 * files the text extraction marked 'scanned' (image-only PDFs, images) are read by Tesseract; the
 * text goes to the file (and so to search), and a PDF scan gets a searchable copy with a text layer,
 * added to the document as a 'searchable' file. Without Tesseract the files wait as
 * 'ocr_unavailable' (the system says so) and are read once it is installed.
 */
import { Readable } from 'node:stream'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Config } from '../../config.ts'
import type { Database } from '../../platform/db/client.ts'
import { documentFiles, files } from '../../platform/db/schema.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { OcrError, type OcrEngine } from '../../platform/ocr/index.ts'
import { insertFileWithBlob } from '../files/index.ts'
import { DOCUMENT_IN_TARGET } from './events.ts'

export const OCR_JOB = 'documentsIn.ocr'
export const OCR_DONE = 'documentIn.ocrDone'

export type OcrDeps = {
  database: Database
  blobs: BlobStore
  config: Config
  ocr: OcrEngine
  clock?: () => Date
}

const WAITING = ['scanned', 'ocr_unavailable']
/** Pages read per document: enough for search; a 1,000-page scan is split by the clerk. */
const MAX_PAGES = 300

async function readBlob(blobs: BlobStore, sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of await blobs.get(sha256)) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

/** Read up to `maxFiles` waiting scans (of one document when given); returns what happened. */
export async function ocrPendingScans(
  deps: OcrDeps,
  options: { maxFiles?: number; documentId?: string } = {},
) {
  const maxFiles = options.maxFiles ?? 5
  const db = deps.database.db
  const result = { done: 0, failed: 0, unavailable: 0 }
  const rows = await db
    .select({ df: documentFiles, sha256: files.sha256, mediaType: files.mediaType, filename: files.filename })
    .from(documentFiles)
    .innerJoin(files, eq(files.id, documentFiles.fileId))
    .where(
      and(
        inArray(documentFiles.textStatus, WAITING),
        options.documentId ? eq(documentFiles.documentId, options.documentId) : undefined,
      ),
    )
    .orderBy(asc(documentFiles.createdAt))
    .limit(maxFiles)
  if (rows.length === 0) return result
  if (!(await deps.ocr.isAvailable())) {
    await db
      .update(documentFiles)
      .set({ textStatus: 'ocr_unavailable' })
      .where(
        and(
          inArray(
            documentFiles.id,
            rows.map((r) => r.df.id),
          ),
          eq(documentFiles.textStatus, 'scanned'),
        ),
      )
    result.unavailable = rows.length
    return result
  }
  for (const row of rows) {
    try {
      const bytes = await readBlob(deps.blobs, row.sha256)
      const isPdf = row.mediaType === 'application/pdf'
      const read = isPdf
        ? await deps.ocr.ocrPdf(bytes, { maxPages: MAX_PAGES })
        : { ...(await deps.ocr.ocrImage(bytes, row.mediaType)), searchablePdf: null, pages: [{}] }
      const copy = read.searchablePdf
        ? await deps.blobs.put(Readable.from([Buffer.from(read.searchablePdf)]), {
            maxBytes: read.searchablePdf.length + 1,
          })
        : null
      const now = deps.clock?.() ?? new Date()
      await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(documentFiles)
          .set({ textStatus: 'ocr_done', extractedText: read.text.replaceAll('\u0000', '') || null })
          .where(and(eq(documentFiles.id, row.df.id), inArray(documentFiles.textStatus, WAITING)))
          .returning({ id: documentFiles.id })
        if (!updated) return // another worker read it first
        let searchableFileId: string | null = null
        if (copy) {
          const file = await insertFileWithBlob(tx, {
            sha256: copy.sha256,
            size: copy.size,
            filename: row.filename.replace(/\.pdf$/i, '') + '.ocr.pdf',
            mediaType: 'application/pdf',
            uploadedBy: row.df.addedBy,
            createdAt: now,
          })
          searchableFileId = file.id
          await tx.insert(documentFiles).values({
            documentId: row.df.documentId,
            fileId: file.id,
            role: 'searchable',
            addedBy: row.df.addedBy,
            // The text is kept once, on the scan itself.
            textStatus: 'done',
            createdAt: now,
          })
        }
        await recordEvent(systemEventSource(tx, now, 'ocr'), {
          action: OCR_DONE,
          targetType: DOCUMENT_IN_TARGET,
          targetId: row.df.documentId,
          data: {
            fileId: row.df.fileId,
            filename: row.filename,
            searchableFileId,
            pages: read.pages.length,
            characters: read.text.length,
            seconds: Math.round(read.seconds * 10) / 10,
          },
        })
      })
      result.done += 1
    } catch (err) {
      const isUnavailable = err instanceof OcrError && err.code === 'UNAVAILABLE'
      if (!isUnavailable)
        console.error(`OCR of file ${row.df.fileId} failed:`, err instanceof Error ? err.message : err)
      await db
        .update(documentFiles)
        .set({ textStatus: isUnavailable ? 'ocr_unavailable' : 'ocr_failed' })
        .where(eq(documentFiles.id, row.df.id))
      if (isUnavailable) result.unavailable += 1
      else result.failed += 1
    }
  }
  return result
}

export function defineOcr(deps: OcrDeps & { jobs: Jobs }): void {
  deps.jobs.define({
    name: OCR_JOB,
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      // A few files per run: a long scan must not hold the worker; the next minute continues.
      await ocrPendingScans(deps, { maxFiles: 3 })
    },
  })
}
