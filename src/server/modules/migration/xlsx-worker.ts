/**
 * The worker thread that reads an .xlsx export (read-table.ts starts it): exceljs holds the thread
 * for seconds on a large workbook (about 1.4 s in one stretch for 50,000 rows), which in the server
 * process would stall every request. The first worksheet's non-empty rows come back in batches,
 * so the main thread takes each batch in a few milliseconds.
 */
import { parentPort, workerData } from 'node:worker_threads'
import ExcelJS from 'exceljs'
import type { Cell } from './cells.ts'

export type XlsxTableRow = { row: number; cells: Cell[] }

/** What the worker posts: batches of rows, then 'done' with the count; or the reason it could not read the file. */
export type XlsxMessage =
  | { type: 'rows'; rows: XlsxTableRow[] }
  | { type: 'done'; count: number }
  | { type: 'error'; message: string }

/** Rows per message: structured-clone cost on the main thread stays a few milliseconds each. */
const BATCH = 2000

/** Text of an Excel cell value, whatever exceljs made of it (rich text, formulas, links). */
export function excelCell(value: ExcelJS.CellValue): Cell {
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

async function read(bytes: Uint8Array, post: (m: XlsxMessage) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    )
  } catch (err) {
    post({
      type: 'error',
      message: `Tệp Excel không đọc được (${err instanceof Error ? err.message : String(err)}). Mở lại bằng Excel và lưu dạng .xlsx.`,
    })
    return
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) {
    post({ type: 'error', message: 'Tệp Excel không có trang tính nào.' })
    return
  }
  let batch: XlsxTableRow[] = []
  let count = 0
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]
    // row.values is 1-based: index 0 is always empty.
    batch.push({ row: rowNumber, cells: values.slice(1).map((v) => excelCell(v)) })
    count += 1
    if (batch.length === BATCH) {
      post({ type: 'rows', rows: batch })
      batch = []
    }
  })
  if (batch.length) post({ type: 'rows', rows: batch })
  post({ type: 'done', count })
}

if (parentPort) {
  const port = parentPort
  read(workerData as Uint8Array, (m) => port.postMessage(m)).catch((err: unknown) =>
    port.postMessage({
      type: 'error',
      message: `Tệp Excel không đọc được (${err instanceof Error ? err.message : String(err)}).`,
    } satisfies XlsxMessage),
  )
}
