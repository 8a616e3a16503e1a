/**
 * Duplicates inside the file: the same Mã twice, or the same number twice in a year of one
 * register (Decree 30/2020 Art. 15, 22.2: a number is given once a year). The first row keeps its
 * place; every later one is reported, naming the row it repeats.
 */
import type { MigrationKind } from '@common/contracts/migration'
import { canonicalHeader, type ColumnMap } from './header.ts'
import type { MappedRow } from './map-row.ts'

function numberColumn(kind: MigrationKind, columns: ColumnMap): string {
  const field =
    kind === 'incoming'
      ? 'arrivalNumber'
      : columns.labels.has('codeNumber')
        ? 'codeNumber'
        : 'numberAndNotation'
  return columns.labels.get(field) ?? canonicalHeader(kind, field)
}

/** Report later rows that repeat an earlier row's key or number; they lose their record. */
export function markDuplicatesInFile(kind: MigrationKind, rows: MappedRow[], columns: ColumnMap): void {
  const byKey = new Map<string, number>()
  const byNumber = new Map<string, number>()
  const idColumn = columns.labels.get('legacyId') ?? canonicalHeader(kind, 'legacyId')
  const noun = kind === 'incoming' ? 'Số đến' : 'Số'
  for (const r of rows) {
    const record = r.record
    if (!record) continue
    const number = `${record.registerYear}:${record.registerNumber}`
    const sameKey = byKey.get(record.key)
    const sameNumber = byNumber.get(number)
    if (sameKey !== undefined && record.legacyId) {
      r.problems.push({
        row: r.row,
        column: idColumn,
        level: 'error',
        message: `mã '${record.legacyId}' trùng với dòng ${sameKey}`,
      })
    }
    if (sameNumber !== undefined) {
      r.problems.push({
        row: r.row,
        column: numberColumn(kind, columns),
        level: 'error',
        message: `${noun} ${record.registerNumber} năm ${record.registerYear} trùng với dòng ${sameNumber}`,
      })
    }
    if (r.problems.length) {
      r.record = null
      continue
    }
    byKey.set(record.key, r.row)
    byNumber.set(number, r.row)
  }
}
