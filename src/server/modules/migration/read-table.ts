/**
 * The export as rows of cells, from CSV (UTF-8, with or without BOM; ',' ';' or tab as Excel writes
 * them under different locales) or from the first worksheet of an .xlsx. Row numbers are the ones
 * Excel shows, so "Dòng 17" in the problem report is row 17 on the admin's screen.
 */
import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import type { Cell } from './cells.ts'
import { MigrationFileError } from './errors.ts'

export type TableRow = { row: number; cells: Cell[] }

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const SOURCE_TYPES: readonly string[] = ['text/csv', 'text/plain', XLSX_TYPE]

/** A file larger than this many data rows is refused: split it (the benchmark imports 100,000). */
export const MAX_ROWS = 300_000

function isEmpty(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))
}

/** The delimiter of the first line that has one, counting only outside quotes. */
function detectDelimiter(text: string): string {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let inQuotes = false
  for (const ch of text.slice(0, 20_000)) {
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && ch === '\n') {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break
    } else if (!inQuotes && ch in counts) counts[ch as keyof typeof counts] += 1
  }
  const best = (Object.entries(counts) as [string, number][]).sort((a, b) => b[1] - a[1])[0]!
  return best[1] > 0 ? best[0] : ','
}

/** Slices the parser takes one at a time: a large export is read without holding the event loop for seconds. */
const CSV_SLICE = 256 * 1024

async function readCsv(bytes: Buffer): Promise<TableRow[]> {
  const text = bytes.toString('utf8')
  const slices: string[] = []
  for (let i = 0; i < text.length; i += CSV_SLICE) slices.push(text.slice(i, i + CSV_SLICE))
  const parser = Readable.from(slices).pipe(
    parse({
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }),
  )
  const rows: TableRow[] = []
  try {
    for await (const cells of parser as AsyncIterable<string[]>)
      rows.push({ row: rows.length + 1, cells: cells.map((c) => (c === '' ? null : c)) })
  } catch (err) {
    throw new MigrationFileError(
      `Tệp CSV không đọc được (${err instanceof Error ? err.message : String(err)}). Lưu lại tệp dưới dạng "CSV UTF-8" hoặc Excel (.xlsx).`,
    )
  }
  return rows
}

/** Text of an Excel cell value, whatever exceljs made of it (rich text, formulas, links). */
function excelCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : value.hyperlink
  if ('result' in value)
    return value.result === undefined ? null : excelCell(value.result as ExcelJS.CellValue)
  if ('error' in value) return null
  return null
}

async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (err) {
    throw new MigrationFileError(
      `Tệp Excel không đọc được (${err instanceof Error ? err.message : String(err)}). Mở lại bằng Excel và lưu dạng .xlsx.`,
    )
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new MigrationFileError('Tệp Excel không có trang tính nào.')
  const rows: TableRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]
    // row.values is 1-based: index 0 is always empty.
    rows.push({ row: rowNumber, cells: values.slice(1).map((v) => excelCell(v)) })
  })
  return rows
}

/** Every non-empty row of the export, with its spreadsheet row number. */
export async function readTable(bytes: Buffer, mediaType: string): Promise<TableRow[]> {
  const rows = mediaType === XLSX_TYPE ? await readXlsx(bytes) : await readCsv(bytes)
  const kept = rows.filter((r) => !isEmpty(r.cells))
  if (kept.length > MAX_ROWS + 1)
    throw new MigrationFileError(
      `Tệp có ${kept.length - 1} dòng, nhiều hơn ${MAX_ROWS} dòng một lần nhập: chia thành nhiều tệp (ví dụ theo năm).`,
    )
  return kept
}
