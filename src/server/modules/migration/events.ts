/** Events the migration records (the audit log; the search index listens to rowsImported). */
import type { MigrationKind } from '@common/contracts/migration'

export const MIGRATION_EVENTS = {
  started: 'migration.started',
  rowsImported: 'migration.rowsImported',
  finished: 'migration.finished',
  failed: 'migration.failed',
  cancelled: 'migration.cancelled',
  resumed: 'migration.resumed',
} as const

export const MIGRATION_TARGET = 'migrationRun'

/**
 * The data of 'migration.rowsImported', one event per committed chunk of an import: exactly these
 * two keys, which the search index reads (it indexes data.documentIds).
 */
export type RowsImportedData = { kind: MigrationKind; documentIds: string[] }
