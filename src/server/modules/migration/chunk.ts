/**
 * One chunk of a run, in one transaction: the rows are checked against the register (imported
 * before → skipped and counted; number already used that year → a problem), then, for an import,
 * written with their files; the run's counters, problems and resume point move in the same
 * commit. A chunk commits whole or not at all, so a stop at any moment loses or doubles nothing:
 * the next start continues from next_row.
 */
import { Readable } from 'node:stream'
import { sql } from 'drizzle-orm'
import type { MigrationField, MigrationKind, TMigrationProblem } from '@common/contracts/migration'
import type { Actor } from '../../platform/context.ts'
import type { Database, Tx } from '../../platform/db/client.ts'
import { recordEvent } from '../../platform/events/record.ts'
import type { BlobStore } from '../../platform/files/blob-store.ts'
import { findMigrationClashes, insertMigratedIncoming, type MigratedIncoming } from '../documents-in/index.ts'
import {
  findOutgoingMigrationClashes,
  insertMigratedOutgoing,
  type MigratedOutgoing,
} from '../documents-out/index.ts'
import { insertFileWithBlob } from '../files/index.ts'
import { acceptedMediaType, extractEntries, resolveFile, type ArchiveEntry } from './archive.ts'
import { canonicalHeader } from './header.ts'
import { MIGRATION_EVENTS, MIGRATION_TARGET, type RowsImportedData } from './events.ts'
import type { MigrationRecord } from './map-row.ts'
import type { Prepared } from './prepare.ts'
import type { RunRow } from './queries.ts'
import { documentIdentifier } from './resolve.ts'
import { advanceRun, lockRun } from './store.ts'

/** Lock space for "one import chunk per register at a time" (two-key advisory locks). */
const REGISTER_LOCK_CLASS = 7_300_601

export type ChunkDeps = { database: Database; blobs: BlobStore; maxUploadBytes: number }

type StoredFile = { filename: string; mediaType: string; sha256: string; size: number }
type Candidate = { record: MigrationRecord; entries: ArchiveEntry[]; files: StoredFile[] }

export type ChunkResult =
  | { outcome: 'stopped' }
  | { outcome: 'committed'; documentIds: string[]; hasFiles: boolean; hasEvents: boolean }

class ChunkProblems {
  readonly list: TMigrationProblem[] = []
  add(row: number, column: string | null, message: string): void {
    this.list.push({ row, column, message, level: 'error' })
  }
  sorted(): TMigrationProblem[] {
    return [...this.list].sort((a, b) => a.row - b.row)
  }
}

/** The column as the file heads it (or as the mapping names it). */
function column(prepared: Prepared, run: RunRow, field: MigrationField): string {
  return prepared.labels.get(field) ?? canonicalHeader(run.kind as MigrationKind, field)
}

/** Match the row's file names in the zip; a row with a missing file becomes a problem row. */
function matchFiles(
  deps: ChunkDeps,
  prepared: Prepared,
  run: RunRow,
  record: MigrationRecord,
  problems: ChunkProblems,
) {
  const entries: ArchiveEntry[] = []
  let isComplete = true
  for (const name of record.files) {
    const found = resolveFile(prepared.archive, name, deps.maxUploadBytes)
    if ('error' in found) {
      problems.add(record.row, column(prepared, run, 'files'), found.error)
      isComplete = false
    } else entries.push(found.entry)
  }
  return isComplete ? entries : null
}

/** Import only: decompress, check by content and store the blobs (outside any transaction: PGlite has one connection). */
async function storeFiles(
  deps: ChunkDeps,
  prepared: Prepared,
  run: RunRow,
  candidates: Candidate[],
  problems: ChunkProblems,
) {
  const needed = candidates.flatMap((c) => c.entries)
  const contents = prepared.archive ? extractEntries(prepared.archive, needed) : new Map<string, Uint8Array>()
  const kept: Candidate[] = []
  for (const c of candidates) {
    let isComplete = true
    for (const entry of c.entries) {
      const bytes = contents.get(entry.raw)
      const name = entry.path.slice(entry.path.lastIndexOf('/') + 1)
      const mediaType = bytes ? await acceptedMediaType(name, bytes) : null
      if (!bytes || !mediaType) {
        problems.add(
          c.record.row,
          column(prepared, run, 'files'),
          `tệp '${name}' không phải PDF, DOCX, XLSX, ODT, ảnh, XML hay văn bản UTF-8 (kiểm tra theo nội dung)`,
        )
        isComplete = false
        continue
      }
      const stored = await deps.blobs.put(Readable.from([Buffer.from(bytes)]), {
        maxBytes: deps.maxUploadBytes,
      })
      c.files.push({ filename: name, mediaType, sha256: stored.sha256, size: stored.size })
    }
    if (isComplete) kept.push(c)
  }
  return kept
}

function appendNote(notes: string | null, line: string): string {
  return notes ? `${notes}\n${line}` : line
}

function incomingOf(prepared: Prepared, r: MigrationRecord, fileIds: string[]): MigratedIncoming {
  const organization = prepared.directory.organization(r.senderName)
  return {
    migrationKey: r.key,
    registerYear: r.registerYear,
    registerNumber: r.registerNumber,
    arrivedAt: r.arrivedAt!,
    senderOrganizationId: organization?.id ?? null,
    senderName: r.senderName,
    numberAndNotation: r.numberAndNotation,
    codeNumber: r.codeNumber,
    codeNotation: r.codeNotation,
    issueDate: r.issueDate,
    documentType: r.documentType,
    subject: r.subject,
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    urgency: r.urgency,
    pageCount: r.pageCount,
    copyCount: r.copyCount,
    dueDate: r.dueDate,
    notes: r.notes,
    documentIdentifier: documentIdentifier(organization?.code ?? null, r.issueDate, r.numberAndNotation),
    fileIds,
  }
}

/**
 * outgoing_details needs a drafter and a signer who are users: the importing administrator drafts;
 * the signer is the user with the printed name when there is exactly one, else the administrator,
 * while documents.signer_name keeps the name as printed.
 */
function outgoingOf(
  prepared: Prepared,
  actor: Actor,
  r: MigrationRecord,
  fileIds: string[],
): MigratedOutgoing {
  const namedUnitId = prepared.directory.unit(r.draftingUnit)
  const drafterUnitId = namedUnitId ?? prepared.fallbackDraftingUnitId
  const issueDate = r.issueDate!
  return {
    migrationKey: r.key,
    registerYear: r.registerYear,
    registerNumber: r.registerNumber,
    numberAndNotation: r.numberAndNotation!,
    codeNumber: r.codeNumber,
    codeNotation: r.codeNotation,
    issueDate,
    issuedAt: new Date(`${issueDate}T00:00:00+07:00`),
    documentType: r.documentType,
    subject: r.subject,
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    urgency: r.urgency,
    pageCount: r.pageCount,
    copyCount: r.copyCount,
    dueDate: r.dueDate,
    notes:
      r.draftingUnit && !namedUnitId ? appendNote(r.notes, `Đơn vị soạn thảo: ${r.draftingUnit}`) : r.notes,
    documentIdentifier: documentIdentifier(
      prepared.directory.organizationCode,
      issueDate,
      r.numberAndNotation,
    ),
    drafterId: actor.id,
    drafterUnitId,
    signerId: prepared.directory.user(r.signerName) ?? actor.id,
    fileIds,
  }
}

async function clashesOf(tx: Tx, run: RunRow, candidates: Candidate[]) {
  const rows = candidates.map((c) => ({
    key: c.record.key,
    year: c.record.registerYear,
    number: c.record.registerNumber,
  }))
  return run.kind === 'incoming'
    ? findMigrationClashes(tx, run.registerId!, rows)
    : findOutgoingMigrationClashes(tx, run.registerId!, rows)
}

async function writeDocuments(
  tx: Tx,
  run: RunRow,
  actor: Actor,
  prepared: Prepared,
  toInsert: Candidate[],
  now: Date,
) {
  const withFiles: { candidate: Candidate; fileIds: string[] }[] = []
  for (const candidate of toInsert) {
    const fileIds: string[] = []
    for (const f of candidate.files) {
      const row = await insertFileWithBlob(tx, { ...f, uploadedBy: actor.id, createdAt: now })
      fileIds.push(row.id)
    }
    withFiles.push({ candidate, fileIds })
  }
  const common = { registerId: run.registerId!, runId: run.id, at: now }
  const ids =
    run.kind === 'incoming'
      ? await insertMigratedIncoming(tx, {
          ...common,
          registeredBy: actor.id,
          registeredUnitId: prepared.keepingUnitId,
          documents: withFiles.map((w) => incomingOf(prepared, w.candidate.record, w.fileIds)),
        })
      : await insertMigratedOutgoing(tx, {
          ...common,
          importedBy: actor.id,
          documents: withFiles.map((w) => outgoingOf(prepared, actor, w.candidate.record, w.fileIds)),
        })
  return toInsert.map((c) => ids.get(c.record.key)!)
}

/** Handle rows [start, end) of a run; 'stopped' when the run was cancelled or another worker moved it on. */
export async function runChunk(
  deps: ChunkDeps,
  run: RunRow,
  actor: Actor,
  prepared: Prepared,
  range: { start: number; end: number },
  now: Date,
): Promise<ChunkResult> {
  const problems = new ChunkProblems()
  if (range.start === 0) problems.list.push(...prepared.warnings)
  let candidates: Candidate[] = []
  for (const row of prepared.rows.slice(range.start, range.end)) {
    problems.list.push(...row.problems)
    if (!row.record) continue
    const entries = matchFiles(deps, prepared, run, row.record, problems)
    if (entries) candidates.push({ record: row.record, entries, files: [] })
  }
  const isImport = run.mode === 'import'
  if (isImport) candidates = await storeFiles(deps, prepared, run, candidates, problems)

  return deps.database.db.transaction(async (tx): Promise<ChunkResult> => {
    const locked = await lockRun(tx, run.id)
    if (!locked || locked.status !== 'running' || locked.nextRow !== range.start)
      return { outcome: 'stopped' }
    if (isImport)
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${REGISTER_LOCK_CLASS}, hashtext(${run.registerId}))`)
    const clashes = await clashesOf(tx, run, candidates)
    const toInsert: Candidate[] = []
    let skipped = 0
    for (const c of candidates) {
      const r = c.record
      const taken = clashes.takenNumbers.get(`${r.registerYear}:${r.registerNumber}`)
      if (clashes.importedKeys.has(r.key)) skipped += 1
      else if (taken !== undefined)
        problems.add(
          r.row,
          column(
            prepared,
            run,
            run.kind === 'incoming'
              ? 'arrivalNumber'
              : prepared.labels.has('codeNumber')
                ? 'codeNumber'
                : 'numberAndNotation',
          ),
          run.kind === 'incoming'
            ? `Số đến ${r.registerNumber} năm ${r.registerYear} đã có trong sổ (văn bản ${taken})`
            : `Số ${r.registerNumber} năm ${r.registerYear} đã được cấp trong sổ (${taken})`,
        )
      else toInsert.push(c)
    }
    const documentIds = isImport ? await writeDocuments(tx, run, actor, prepared, toInsert, now) : []
    await advanceRun(tx, locked, {
      nextRow: range.end,
      imported: toInsert.length,
      skipped,
      problems: problems.sorted(),
      at: now,
    })
    if (documentIds.length) {
      const data: RowsImportedData = { kind: run.kind as MigrationKind, documentIds }
      await recordEvent(
        { tx, now, actor, principalId: actor.id, request: { ip: null, userAgent: null }, hasEvents: false },
        { action: MIGRATION_EVENTS.rowsImported, targetType: MIGRATION_TARGET, targetId: run.id, data },
      )
    }
    return {
      outcome: 'committed',
      documentIds,
      hasFiles: toInsert.some((c) => c.files.length > 0),
      hasEvents: documentIds.length > 0,
    }
  })
}
