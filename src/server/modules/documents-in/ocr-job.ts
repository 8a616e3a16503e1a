/**
 * OCR of scanned attachments (digitisation, issue 6), as a background job, never in a request:
 * files the text extraction marked 'scanned' (image-only PDFs, images) are read by Tesseract; the
 * text goes to the file (and so to search), and a PDF scan gets a searchable copy with a text layer,
 * added to the document as a 'searchable' file. A scan already read whole (the digitisation batch's
 * pre-fill, or the same bytes on another document: capture's ocr_reads, by SHA-256) is not read
 * again. Without Tesseract the files wait as 'ocr_unavailable' (the system says so) and are read
 * once it is installed.
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
import { findOcrRead, keepOcrRead, type OcrRead } from '../capture/index.ts'
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

type ScanRow = { sha256: string; mediaType: string }

/** Tesseract's read of one scan; a complete read is kept by SHA-256 for whoever meets the same bytes. */
async function readWithTesseract(deps: OcrDeps, row: ScanRow): Promise<OcrRead & { isReused: boolean }> {
  const bytes = await readBlob(deps.blobs, row.sha256)
  const isPdf = row.mediaType === 'application/pdf'
  const ocr = isPdf
    ? await deps.ocr.ocrPdf(bytes, { maxPages: MAX_PAGES })
    : { ...(await deps.ocr.ocrImage(bytes, row.mediaType)), searchablePdf: null, pages: [{}] }
  const copy = ocr.searchablePdf
    ? await deps.blobs.put(Readable.from([Buffer.from(ocr.searchablePdf)]), {
        maxBytes: ocr.searchablePdf.length + 1,
      })
    : null
  const read: OcrRead = {
    sha256: row.sha256,
    text: ocr.text,
    pageCount: ocr.pages.length,
    searchable: copy ? { sha256: copy.sha256, size: copy.size } : null,
    milliseconds: ocr.seconds * 1000,
  }
  // A PDF past MAX_PAGES has no searchable copy: that read is not whole, and is not kept.
  if (!isPdf || copy) await keepOcrRead(deps.database.db, read, deps.clock?.() ?? new Date())
  return { ...read, isReused: false }
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
  for (const row of rows) {
    try {
      // A scan read whole before (the batch pre-fill, or the same bytes on another document).
      const kept = await findOcrRead(db, deps.blobs, row.sha256)
      const read = kept
        ? { ...kept, isReused: true }
        : (await deps.ocr.isAvailable())
          ? await readWithTesseract(deps, row)
          : null
      if (!read) {
        await db
          .update(documentFiles)
          .set({ textStatus: 'ocr_unavailable' })
          .where(and(eq(documentFiles.id, row.df.id), eq(documentFiles.textStatus, 'scanned')))
        result.unavailable += 1
        continue
      }
      const copy = read.searchable
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
            pages: read.pageCount,
            characters: read.text.length,
            seconds: Math.round(read.milliseconds / 100) / 10,
            isReused: read.isReused,
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
