/**
 * The reading of batch items, as a background job (pg-boss), never in a request: each queued item
 * is taken with a lease (status 'reading'), read (read-scan.ts: text layer, or OCR), and its
 * outcome stored with an event. At most OCR_CONCURRENCY items are read at once per process, and
 * the OCR engine bounds its child processes across this job and the documents' OCR job. A reader
 * that dies leaves its item 'reading'; the next run puts it back in the queue after STALE_MINUTES.
 */
import { Readable } from 'node:stream'
import type { Config } from '../../config.ts'
import type { Database } from '../../platform/db/client.ts'
import { recordEvent, systemEventSource } from '../../platform/events/record.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import type { Jobs } from '../../platform/jobs/queue.ts'
import type { OcrEngine } from '../../platform/ocr/index.ts'
import { findOcrRead, keepOcrRead } from '../capture/index.ts'
import { unsafeFindFile } from '../files/index.ts'
import { DIGITISATION_EVENTS, SCAN_BATCH_TARGET } from './events.ts'
import { readScan, type CompleteOcr } from './read-scan.ts'
import { claimQueued, requeueStale, storeReadOutcome, type ItemRow, type ReadOutcome } from './store.ts'

export const READ_JOB = 'digitisation.read'

export type ReadDeps = {
  database: Database
  blobs: BlobStore
  config: Config
  ocr: OcrEngine
  clock: () => Date
}

/** Longer than any read: 20 pages at the OCR time limit each, one at a time. */
const STALE_MINUTES = 45
/** Items per job run; the run asks for another when more wait, so a big batch never holds a worker. */
const ITEMS_PER_RUN = 20

const SYSTEM_FAILURE =
  'Lỗi hệ thống khi đọc tệp. Hãy bấm "Đọc lại"; nếu vẫn lỗi, báo quản trị hệ thống hoặc nhập tay các trường.'

export type ReadResult = { read: number; failed: number; unavailable: number; isMoreWaiting: boolean }

async function readBlob(blobs: BlobStore, sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of await blobs.get(sha256)) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * Keep a whole read for the documents' OCR job (capture's ocr_reads): once the clerk registers the
 * scan, its text and searchable copy come from here, not from Tesseract again. Failing to keep it
 * costs only a second read later, so the item is not failed for it.
 */
async function keepRead(deps: ReadDeps, sha256: string, read: CompleteOcr): Promise<void> {
  try {
    const copy = read.searchablePdf
      ? await deps.blobs.put(Readable.from([Buffer.from(read.searchablePdf)]), {
          maxBytes: read.searchablePdf.length + 1,
        })
      : null
    await keepOcrRead(
      deps.database.db,
      {
        sha256,
        text: read.text,
        pageCount: read.pageCount,
        searchable: copy ? { sha256: copy.sha256, size: copy.size } : null,
        milliseconds: read.milliseconds,
      },
      deps.clock(),
    )
  } catch (err) {
    console.error(
      `digitisation: the read of blob ${sha256} was not kept:`,
      err instanceof Error ? err.message : err,
    )
  }
}

async function readItem(deps: ReadDeps, item: ItemRow): Promise<ReadOutcome> {
  try {
    const file = await unsafeFindFile(deps.database.db, item.fileId)
    if (!file) return { status: 'failed', error: SYSTEM_FAILURE, scan: null }
    // The same bytes read whole before (another batch, or a registered scan): no Tesseract.
    const known = await findOcrRead(deps.database.db, deps.blobs, file.sha256)
    const { completeOcr, ...outcome } = await readScan(
      deps.ocr,
      await readBlob(deps.blobs, file.sha256),
      file.mediaType,
      { knownOcrText: known?.text ?? null },
    )
    if (completeOcr) await keepRead(deps, file.sha256, completeOcr)
    return outcome
  } catch (err) {
    // A lost or damaged blob, a database hiccup: the item fails with a reason and the queue goes on.
    console.error(
      `digitisation: item ${item.id} could not be read:`,
      err instanceof Error ? err.message : err,
    )
    return { status: 'failed', error: SYSTEM_FAILURE, scan: null }
  }
}

async function store(deps: ReadDeps, item: ItemRow, outcome: ReadOutcome): Promise<boolean> {
  const now = deps.clock()
  return deps.database.db.transaction(async (tx) => {
    const stored = await storeReadOutcome(tx, item.id, outcome, now)
    if (!stored) return false // the clerk registered or discarded it meanwhile
    await recordEvent(systemEventSource(tx, now, 'digitisation'), {
      action: outcome.status === 'ready' ? DIGITISATION_EVENTS.itemRead : DIGITISATION_EVENTS.itemFailed,
      targetType: SCAN_BATCH_TARGET,
      targetId: item.batchId,
      data: {
        itemId: item.id,
        fileId: item.fileId,
        ...(outcome.status === 'ready'
          ? {
              method: outcome.method,
              numberAndNotation: outcome.fields?.numberAndNotation ?? null,
              characters: outcome.textExcerpt?.length ?? 0,
            }
          : { error: outcome.error }),
        scanProblems: outcome.scan?.problems.map((p) => p.code) ?? [],
      },
    })
    return true
  })
}

/**
 * Read queued items (of the given batches only, when given) until none is left or `maxItems` were
 * taken. Returns what happened.
 */
export async function readQueuedItems(
  deps: ReadDeps,
  options: { batchIds?: readonly string[]; maxItems?: number } = {},
): Promise<ReadResult> {
  const maxItems = options.maxItems ?? ITEMS_PER_RUN
  const result: ReadResult = { read: 0, failed: 0, unavailable: 0, isMoreWaiting: false }
  const now = deps.clock()
  await requeueStale(deps.database.db, new Date(now.getTime() - STALE_MINUTES * 60_000), now)
  let taken = 0
  const worker = async () => {
    while (taken < maxItems) {
      taken += 1
      const item = await claimQueued(deps.database.db, { now: deps.clock(), batchIds: options.batchIds })
      if (!item) return
      const outcome = await readItem(deps, item)
      if (!(await store(deps, item, outcome))) continue
      if (outcome.status === 'failed') result.failed += 1
      else if (outcome.method === 'ocr_unavailable') result.unavailable += 1
      else result.read += 1
    }
    result.isMoreWaiting = true
  }
  await Promise.all(Array.from({ length: Math.max(1, deps.config.ocr.concurrency) }, worker))
  return result
}

/** Ask a worker to read soon (after a commit that queued items); harmless when jobs are off. */
export function kickReading(jobs: Jobs): void {
  jobs
    .isHealthy()
    .then((isRunning) => (isRunning ? jobs.send(READ_JOB) : null))
    .catch((err: Error) => console.error('could not queue the reading of scans:', err.message))
}

export function defineReading(deps: ReadDeps & { jobs: Jobs }): void {
  deps.jobs.define({
    name: READ_JOB,
    // One run at a time per cluster; the cron run picks up what a kick missed.
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      const result = await readQueuedItems(deps)
      if (result.isMoreWaiting) kickReading(deps.jobs)
    },
  })
}
