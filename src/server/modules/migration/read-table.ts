/**
 * The export as rows of cells, from CSV (UTF-8, with or without BOM; ',' ';' or tab as Excel writes
 * them under different locales) or from the first worksheet of an .xlsx. Row numbers are the ones
 * Excel shows, so "Dòng 17" in the problem report is row 17 on the admin's screen. An .xlsx is
 * parsed in a worker thread; CSV is parsed here in slices, yielding between them.
 */
import { createRequire } from 'node:module'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { parse } from 'csv-parse'
import type { Cell } from './cells.ts'
import { MigrationFileError } from './errors.ts'
import type { XlsxMessage } from './xlsx-worker.ts'

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

/**
 * The worker's module is TypeScript: a small bootstrap loads it through tsx (as the server itself
 * runs), since a worker does not inherit the loader of the thread that starts it.
 */
const XLSX_WORKER = new URL('./xlsx-worker.ts', import.meta.url).href
// The "import" build of tsx/esm/api sits next to the "require" one that createRequire resolves.
const TSX_API = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((api) => api.tsImport(${JSON.stringify(XLSX_WORKER)}, ${JSON.stringify(XLSX_WORKER)}))`

/**
 * The first worksheet's rows, read in a worker thread (xlsx-worker.ts): parsing a large workbook
 * takes seconds of CPU that must not stall the server's requests. Rows arrive in batches.
 */
function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  return new Promise((resolve, reject) => {
    const rows: TableRow[] = []
    let isSettled = false
    const settle = (fn: () => void) => {
      if (isSettled) return
      isSettled = true
      fn()
    }
    // A copy of the bytes is handed over (transferred, not cloned): the caller keeps its buffer.
    const copy = new Uint8Array(bytes)
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: copy, transferList: [copy.buffer] })
    worker.on('message', (m: XlsxMessage) => {
      if (m.type === 'rows') for (const r of m.rows) rows.push(r)
      else if (m.type === 'done') settle(() => resolve(rows))
      else settle(() => reject(new MigrationFileError(m.message)))
    })
    worker.on('error', (err) => settle(() => reject(err)))
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`migration: the .xlsx reader stopped (exit code ${code})`))),
    )
  })
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
