/** Runs to the contract's shapes. */
import type {
  MigrationKind,
  MigrationMode,
  MigrationStatus,
  TMigrationProblem,
  TMigrationRun,
  TMigrationRunSummary,
} from '@common/contracts/migration'
import { canCancel, canResume } from './actions/control-run.ts'
import type { RunView } from './queries.ts'

function progressOf(r: RunView): number {
  if (r.status === 'done') return 100
  if (!r.totalRows) return 0
  return Math.min(100, Math.floor((100 * r.nextRow) / r.totalRows))
}

export function presentRunSummary(r: RunView): TMigrationRunSummary {
  return {
    id: r.id,
    kind: r.kind as MigrationKind,
    mode: r.mode as MigrationMode,
    status: r.status as MigrationStatus,
    registerId: r.registerId,
    registerName: r.registerName,
    sourceFileId: r.sourceFileId,
    sourceFilename: r.sourceFilename,
    archiveFileId: r.archiveFileId,
    archiveFilename: r.archiveFilename,
    unitId: r.unitId,
    unitName: r.unitName,
    totalRows: r.totalRows,
    processedRows: r.nextRow,
    importedRows: r.importedRows,
    skippedRows: r.skippedRows,
    // Every handled row was imported (or would be), skipped as imported before, or left out for an error.
    problemRows: Math.max(0, r.nextRow - r.importedRows - r.skippedRows),
    problemCount: r.problemCount,
    progress: progressOf(r),
    error: r.error,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    abilities: { cancel: canCancel(r), resume: canResume(r) },
  }
}

export function presentRun(r: RunView): TMigrationRun {
  const problems = (r.problems as TMigrationProblem[] | null) ?? []
  return {
    ...presentRunSummary(r),
    problems,
    problemsTruncated: r.problemCount > problems.length,
  }
}
