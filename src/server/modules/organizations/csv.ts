/**
 * Reading the organization CSV: headers (English or Vietnamese, with or without diacritics), the
 * delimiter (',' or ';' as Excel writes it under a Vietnamese locale), and each row's raw cells.
 * Pure: no database. Row validation against the form schema happens in the import action.
 */
import { parse } from 'csv-parse/sync'
import { ORGANIZATION_KINDS, type OrganizationKind } from '@common/domain'
import { AppError } from '../../platform/errors.ts'

export const MAX_IMPORT_ROWS = 5000

export const CSV_FIELDS = ['code', 'name', 'shortName', 'kind', 'email', 'phone', 'address'] as const
export type CsvField = (typeof CSV_FIELDS)[number]

/** Vietnamese labels used in row messages. */
export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  code: 'Mã định danh',
  name: 'Tên cơ quan',
  shortName: 'Tên viết tắt',
  kind: 'Loại',
  email: 'Email',
  phone: 'Điện thoại',
  address: 'Địa chỉ',
}

const HEADER_ALIASES: Record<string, CsvField> = {
  code: 'code',
  ma_dinh_danh: 'code',
  ma: 'code',
  name: 'name',
  ten: 'name',
  ten_co_quan: 'name',
  short_name: 'shortName',
  ten_viet_tat: 'shortName',
  viet_tat: 'shortName',
  kind: 'kind',
  loai: 'kind',
  loai_co_quan: 'kind',
  email: 'email',
  thu_dien_tu: 'email',
  phone: 'phone',
  dien_thoai: 'phone',
  so_dien_thoai: 'phone',
  address: 'address',
  dia_chi: 'address',
}

/** Spreadsheet columns that carry no data for us (the row number every Vietnamese table has). */
const IGNORED_HEADERS = new Set(['stt', 'so_thu_tu'])

/** Kind values in Vietnamese, besides the codes themselves. */
const KIND_ALIASES: Record<string, string> = {
  bo: 'ministry',
  bo_nganh: 'ministry',
  tinh: 'province',
  tinh_thanh: 'province',
  tinh_thanh_pho: 'province',
  chinh_phu: 'government',
  quoc_te: 'international',
  to_chuc_quoc_te: 'international',
  khac: 'other',
}

/** Lower case, no diacritics (đ → d), words joined by '_': 'Tên viết tắt' → 'ten_viet_tat'. */
export function normalizeKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

/** A kind cell to a kind code; unknown values pass through for the schema to refuse. */
export function normalizeKind(value: string): string {
  const key = normalizeKey(value)
  if ((ORGANIZATION_KINDS as readonly string[]).includes(key)) return key as OrganizationKind
  return KIND_ALIASES[key] ?? value.trim()
}

/** One data row: its first line in the file, its cells by field, or why it cannot be read. */
export type CsvRow = { line: number; cells: Partial<Record<CsvField, string>>; problem: string | null }
export type ParsedCsv = { columns: CsvField[]; rows: CsvRow[] }

function invalid(message: string, line?: number): AppError {
  return new AppError('CSV_INVALID', { message, details: [{ path: line ? `line.${line}` : 'csv', message }] })
}

function delimiterOf(csv: string): string {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
}

type Parsed = { record: string[]; info: { lines: number; empty_lines: number } }

/** Parse the text into header columns and rows of raw cells, with each row's first line number. */
export function parseOrganizationCsv(csv: string): ParsedCsv {
  let records: Parsed[]
  try {
    records = parse(csv, {
      bom: true,
      delimiter: delimiterOf(csv),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Parsed[]
  } catch (err) {
    const line = (err as { lines?: number }).lines
    throw invalid(`Tệp CSV sai định dạng${line ? ` ở dòng ${line}` : ''}: ${(err as Error).message}`, line)
  }
  const [header, ...body] = records
  if (!header) throw invalid('Tệp CSV trống')
  const columns: (CsvField | null)[] = []
  for (const raw of header.record) {
    const key = normalizeKey(raw)
    if (IGNORED_HEADERS.has(key) || key === '') {
      columns.push(null)
      continue
    }
    const field = HEADER_ALIASES[key]
    if (!field)
      throw invalid(
        `Cột không nhận biết được: "${raw}". Các cột: code, name, short_name, kind, email, phone, address`,
        1,
      )
    if (columns.includes(field)) throw invalid(`Cột "${raw}" bị lặp`, 1)
    columns.push(field)
  }
  for (const required of ['code', 'name'] as const) {
    if (!columns.includes(required))
      throw invalid(`Thiếu cột bắt buộc "${required}" (${CSV_FIELD_LABELS[required]})`, 1)
  }
  if (body.length > MAX_IMPORT_ROWS)
    throw invalid(`Tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần nhập (tệp có ${body.length} dòng)`)

  const rows: CsvRow[] = []
  let previousEnd = header.info.lines
  let previousEmpty = header.info.empty_lines
  for (const { record, info } of body) {
    // info.lines is where a record ends (a quoted cell may span lines); report where it starts.
    const line = previousEnd + (info.empty_lines - previousEmpty) + 1
    previousEnd = info.lines
    previousEmpty = info.empty_lines
    const cells: CsvRow['cells'] = {}
    columns.forEach((field, i) => {
      if (field) cells[field] = record[i] ?? ''
    })
    const problem =
      record.length === header.record.length
        ? null
        : `Dòng có ${record.length} cột, tiêu đề có ${header.record.length} cột`
    rows.push({ line, cells, problem })
  }
  return { columns: columns.filter((c): c is CsvField => c !== null), rows }
}
