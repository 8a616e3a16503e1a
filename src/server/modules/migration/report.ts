/**
 * CSV files the administrator downloads: the empty template of a kind (the mapping's Vietnamese
 * headers) and a run's problem report. UTF-8 with a BOM so that Excel shows the diacritics.
 */
import { MIGRATION_COLUMNS, type MigrationKind, type TMigrationProblem } from '@common/contracts/migration'

const BOM = '\uFEFF'

/** One CSV cell; text that Excel would run as a formula is kept as text. */
function cell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csv(rows: (string | number)[][]): string {
  return BOM + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function templateCsv(kind: MigrationKind): string {
  return csv([MIGRATION_COLUMNS[kind].map((c) => c.header)])
}

export function templateFilename(kind: MigrationKind): string {
  return kind === 'incoming' ? 'mau-chuyen-doi-van-ban-den.csv' : 'mau-chuyen-doi-van-ban-di.csv'
}

/** "Dòng 17, cột Ngày đến: '31/02/2019' không phải ngày hợp lệ". */
export function problemSentence(p: TMigrationProblem): string {
  return p.column ? `Dòng ${p.row}, cột ${p.column}: ${p.message}` : `Dòng ${p.row}: ${p.message}`
}

export function problemsCsv(problems: readonly TMigrationProblem[], totalCount: number): string {
  const rows: (string | number)[][] = [['Dòng', 'Cột', 'Mức', 'Nội dung', 'Mô tả đầy đủ']]
  for (const p of problems)
    rows.push([
      p.row,
      p.column ?? '',
      p.level === 'warning' ? 'Cảnh báo' : 'Lỗi',
      p.message,
      problemSentence(p),
    ])
  if (totalCount > problems.length)
    rows.push([
      '',
      '',
      '',
      `Còn ${totalCount - problems.length} vấn đề khác không liệt kê: sửa các dòng trên rồi kiểm tra thử lại`,
      '',
    ])
  return csv(rows)
}
