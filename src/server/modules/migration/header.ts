/**
 * Finding the header row and what each column holds (the mapping of MIGRATION_COLUMNS): headers
 * match without regard to case, diacritics and punctuation. A title row above the header ("SỔ
 * ĐĂNG KÝ VĂN BẢN ĐẾN") is passed over; unknown columns are reported as warnings, never guessed.
 */
import {
  MIGRATION_COLUMNS,
  type MigrationField,
  type MigrationKind,
  type TMigrationProblem,
} from '@common/contracts/migration'
import { cellText } from './cells.ts'
import { MigrationFileError } from './errors.ts'
import { foldKey } from './fold.ts'
import type { TableRow } from './read-table.ts'

/**
 * Columns with nothing to carry over: the row number every Vietnamese table has, and the archival
 * fields of TT 02/2019 (fonds, file and order in the file, language, physical state) that belong
 * to dossiers, not to the register.
 */
const IGNORED = new Set(
  [
    'STT',
    'Số thứ tự',
    'TT',
    'Identifier',
    'OrganId',
    'FileCatalog',
    'FileNotation',
    'FileCode',
    'DocOrdinal',
    'Language',
    'Ngôn ngữ',
    'InforSign',
    'Keyword',
    'Mode',
    'ConfidenceLevel',
    'Autograph',
    'Format',
  ].map(foldKey),
)

/** How many rows from the top may come before the header (titles, the organ's name, a blank line). */
const HEADER_SEARCH_ROWS = 10

export type ColumnMap = {
  headerRow: number
  /** Column index → field. */
  fields: Map<number, MigrationField>
  /** Field → the header as the file writes it (for problem messages). */
  labels: Map<MigrationField, string>
  warnings: TMigrationProblem[]
}

function aliasTable(kind: MigrationKind): Map<string, MigrationField> {
  const table = new Map<string, MigrationField>()
  for (const c of MIGRATION_COLUMNS[kind]) {
    for (const name of [c.header, ...c.aliases]) table.set(foldKey(name), c.field)
  }
  return table
}

/** The canonical Vietnamese header of a field, for messages about a column the file lacks. */
export function canonicalHeader(kind: MigrationKind, field: MigrationField): string {
  return MIGRATION_COLUMNS[kind].find((c) => c.field === field)?.header ?? field
}

function requiredMissing(kind: MigrationKind, labels: Map<MigrationField, string>): string[] {
  const missing = MIGRATION_COLUMNS[kind]
    .filter((c) => c.isRequired && !labels.has(c.field))
    .map((c) => c.header)
  // Outgoing documents keep their number: from "Số" or from "Số ký hiệu".
  if (kind === 'outgoing' && !labels.has('codeNumber') && !labels.has('numberAndNotation'))
    missing.push('Số (hoặc Số ký hiệu)')
  return missing
}

/** Locate the header row among the first rows and map its columns; a file without the required columns fails. */
export function mapColumns(kind: MigrationKind, rows: readonly TableRow[]): ColumnMap {
  const aliases = aliasTable(kind)
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS)
  const header = candidates.find((r) => r.cells.filter((c) => aliases.has(foldKey(cellText(c)))).length >= 2)
  if (!header) {
    const expected = MIGRATION_COLUMNS[kind]
      .filter((c) => c.isRequired)
      .map((c) => c.header)
      .join(', ')
    throw new MigrationFileError(
      `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu. Dòng tiêu đề phải có tên các cột, ví dụ: ${expected}. Tải tệp mẫu để xem đủ các cột.`,
    )
  }
  const fields = new Map<number, MigrationField>()
  const labels = new Map<MigrationField, string>()
  const warnings: TMigrationProblem[] = []
  header.cells.forEach((cell, index) => {
    const label = cellText(cell)
    if (!label) return
    const key = foldKey(label)
    const field = aliases.get(key)
    if (field && labels.has(field)) {
      warnings.push({
        row: header.row,
        column: label,
        level: 'warning',
        message: `Cột trùng với cột "${labels.get(field)}": chỉ đọc cột đầu tiên`,
      })
    } else if (field) {
      fields.set(index, field)
      labels.set(field, label)
    } else if (!IGNORED.has(key)) {
      warnings.push({
        row: header.row,
        column: label,
        level: 'warning',
        message: 'Cột không có trong bảng ánh xạ nên không được nhập; đổi tên cột nếu cần giữ dữ liệu này',
      })
    }
  })
  const missing = requiredMissing(kind, labels)
  if (missing.length)
    throw new MigrationFileError(
      `Dòng ${header.row} (tiêu đề) thiếu cột bắt buộc: ${missing.join(', ')}. Thêm cột hoặc đổi tên cột cho đúng tệp mẫu.`,
    )
  return { headerRow: header.row, fields, labels, warnings }
}
