/**
 * Everything a run needs before its chunks: the export read and every row checked on its own and
 * against the rest of the file, the zip's index, and the directory to resolve names. Done again
 * each time a run (re)starts: it depends only on the files and the directory, so a resumed run
 * sees the same rows at the same places.
 */
import type { Readable } from 'node:stream'
import type { MigrationField, MigrationKind, TMigrationProblem } from '@common/contracts/migration'
import { TIME_ZONE } from '@common/domain'
import type { Database } from '../../platform/db/client.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import { unsafeFindFile } from '../files/index.ts'
import { indexArchive, type ArchiveIndex } from './archive.ts'
import { markDuplicatesInFile } from './duplicates.ts'
import { MigrationFileError } from './errors.ts'
import { mapColumns } from './header.ts'
import { mapRow, type MappedRow } from './map-row.ts'
import { keepingUnit, loadLookups, type RunRow } from './queries.ts'
import { readTable, SOURCE_TYPES } from './read-table.ts'
import { Directory } from './resolve.ts'

export type Prepared = {
  rows: MappedRow[]
  /** Problems of the header row (unknown columns): reported with the first chunk. */
  warnings: TMigrationProblem[]
  /** Field → the header as the file writes it. */
  labels: Map<MigrationField, string>
  archive: ArchiveIndex | null
  directory: Directory
  /** Incoming: the unit whose staff see the imported documents. */
  keepingUnitId: string | null
  /** Outgoing: the drafting unit of rows whose "Đơn vị soạn thảo" names no known unit (the run's chosen unit). */
  fallbackDraftingUnitId: string | null
}

const vnDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** yyyy-mm-dd in Viet Nam. */
export function vnToday(now: Date): string {
  return vnDay.format(now)
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function fileBytes(database: Database, blobs: BlobStore, fileId: string, what: string) {
  const file = await unsafeFindFile(database.db, fileId)
  if (!file) throw new MigrationFileError(`Không tìm thấy ${what} đã tải lên: tải lại tệp.`)
  return { file, bytes: await readAll(await blobs.get(file.sha256)) }
}

/** Checking rows yields to the event loop after this long. */
const YIELD_AFTER_MS = 20

/** Read and check the whole export; a file-level problem throws MigrationFileError. */
export async function prepareRows(
  kind: MigrationKind,
  bytes: Buffer,
  mediaType: string,
  today: string,
): Promise<Pick<Prepared, 'rows' | 'warnings' | 'labels'>> {
  if (!SOURCE_TYPES.includes(mediaType))
    throw new MigrationFileError('Tệp dữ liệu phải là CSV (UTF-8) hoặc Excel (.xlsx).')
  const table = await readTable(bytes, mediaType)
  const columns = mapColumns(kind, table)
  const rows: MappedRow[] = []
  let since = performance.now()
  for (const r of table) {
    if (r.row <= columns.headerRow) continue
    rows.push(mapRow(kind, columns, r, today))
    // Let requests in between every few milliseconds: this runs in the server process too.
    if (rows.length % 100 === 0 && performance.now() - since > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      since = performance.now()
    }
  }
  if (rows.length === 0)
    throw new MigrationFileError(
      `Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${columns.headerRow}).`,
    )
  markDuplicatesInFile(kind, rows, columns)
  return { rows, warnings: columns.warnings, labels: columns.labels }
}

export async function prepare(
  deps: { database: Database; blobs: BlobStore },
  run: RunRow,
  creatorUnitId: string | null,
  now: Date,
): Promise<Prepared> {
  const source = await fileBytes(deps.database, deps.blobs, run.sourceFileId, 'tệp dữ liệu')
  const { rows, warnings, labels } = await prepareRows(
    run.kind as MigrationKind,
    source.bytes,
    source.file.mediaType,
    vnToday(now),
  )
  const archive = run.archiveFileId
    ? indexArchive((await fileBytes(deps.database, deps.blobs, run.archiveFileId, 'tệp nén')).bytes)
    : null
  return {
    rows,
    warnings,
    labels,
    archive,
    directory: new Directory(await loadLookups(deps.database.db, run.organizationId)),
    keepingUnitId:
      run.unitId ??
      (run.kind === 'incoming' && run.registerId
        ? await keepingUnit(deps.database.db, run.registerId, creatorUnitId)
        : creatorUnitId),
    fallbackDraftingUnitId: run.kind === 'outgoing' ? run.unitId : null,
  }
}
