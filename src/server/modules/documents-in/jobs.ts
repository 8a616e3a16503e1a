/**
 * Text extraction of attached files, as a background job (never in the request: issue 3 sets the
 * registration budget at p95 ≤ 250 ms). document_files.text_status = 'pending' is the job's outbox:
 * a registration commits its files as pending, the job drains them, so a crash loses nothing; the
 * cron run picks up anything a kick missed. PDFs without a text layer are marked 'scanned' for OCR.
 */
import type { Config } from '../../config.ts'
import type { Database } from '../../platform/db/client.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import { extractText, isCaptureMediaType } from '../capture/index.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import { DOCUMENT_IN_TARGET } from './events.ts'
import { OCR_JOB } from './ocr-job.ts'
import { pendingTextFiles } from './queries.ts'
import { storeExtractedText } from './store.ts'

export type ExtractionDeps = { database: Database; blobs: BlobStore; config: Config; jobs: Jobs }

export const EXTRACT_TEXT_JOB = 'documentsIn.extractText'
/** Recorded when a file's text is read: the search index takes the text in. */
export const TEXT_EXTRACTED = 'documentIn.textExtracted'

const BATCH = 20
/** Enough pages for search; the capture fields need only the first few. */
const MAX_PAGES = 300

type Outcome = { textStatus: 'done' | 'failed' | 'scanned'; extractedText: string | null }

async function extractOne(
  deps: Pick<ExtractionDeps, 'blobs' | 'config'>,
  file: { sha256: string; mediaType: string },
): Promise<Outcome> {
  if (!isCaptureMediaType(file.mediaType)) {
    // Images are scans by nature: OCR (issue 6) will read them. Other types have no text to index.
    return { textStatus: file.mediaType.startsWith('image/') ? 'scanned' : 'failed', extractedText: null }
  }
  try {
    const extraction = await extractText(await deps.blobs.get(file.sha256), file.mediaType, {
      maxPages: MAX_PAGES,
      maxBytes: deps.config.maxUploadBytes,
    })
    // PostgreSQL text cannot hold NUL characters.
    const text = extraction.text.replaceAll('\u0000', '')
    return { textStatus: extraction.isLikelyScanned ? 'scanned' : 'done', extractedText: text || null }
  } catch (err) {
    // A broken or unreadable file must not stop the queue: it is marked failed and logged.
    console.error(`text extraction failed for blob ${file.sha256}:`, err instanceof Error ? err.message : err)
    return { textStatus: 'failed', extractedText: null }
  }
}

/** Extract the text of pending attached files until none is left; returns how many were done. */
export async function extractPendingTexts(
  deps: Pick<ExtractionDeps, 'database' | 'blobs' | 'config'>,
  maxBatches = 50,
): Promise<number> {
  let done = 0
  for (let i = 0; i < maxBatches; i++) {
    // Parsing runs outside any transaction: PGlite has one connection, which must stay free.
    const batch = await pendingTextFiles(deps.database.db, BATCH)
    for (const file of batch) {
      const outcome = await extractOne(deps, file)
      await deps.database.db.transaction(async (tx) => {
        await storeExtractedText(tx, file.id, outcome)
        await recordEvent(systemEventSource(tx, new Date(), 'text-extraction'), {
          action: TEXT_EXTRACTED,
          targetType: DOCUMENT_IN_TARGET,
          targetId: file.documentId,
          data: { fileId: file.fileId, textStatus: outcome.textStatus },
        })
      })
      done += 1
    }
    if (batch.length < BATCH) break
  }
  return done
}

/** Ask a worker to run the extraction soon (after a commit that added files); harmless when jobs are off. */
export function kickTextExtraction(deps: ExtractionDeps): void {
  deps.jobs
    .isHealthy()
    .then((isRunning) => (isRunning ? deps.jobs.send(EXTRACT_TEXT_JOB) : null))
    .catch((err: Error) => console.error('could not queue text extraction:', err.message))
}

export function defineTextExtraction(deps: ExtractionDeps): void {
  deps.jobs.define({
    name: EXTRACT_TEXT_JOB,
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      // Scans found now are read without waiting for the OCR job's next minute (often from a
      // read kept by the digitisation batch, so in moments).
      if ((await extractPendingTexts(deps)) > 0) await deps.jobs.send(OCR_JOB)
    },
  })
}
