/**
 * One row of the export to a document record, checked field by field: every problem of the row is
 * reported (not only the first), each with its column as the file heads it, in Vietnamese. Pure:
 * what needs the database (duplicates in the register, senders, signers, files) is checked later.
 */
import type { MigrationField, MigrationKind, TMigrationProblem } from '@common/contracts/migration'
import type { DocumentTypeCode } from '@common/document-types'
import type { Urgency } from '@common/domain'
import { cellText, readDay, readText, readWhole, type Cell, type DayTime, type Read } from './cells.ts'
import { canonicalHeader, type ColumnMap } from './header.ts'
import type { TableRow } from './read-table.ts'
import { documentTypeFromNotation, documentTypeOf, isSecret, urgencyOf } from './vocab.ts'

export type MigrationRecord = {
  row: number
  kind: MigrationKind
  /** `<kind>:<Mã>`, or `<kind>:<year>:<number>` without Mã: the idempotence key. */
  key: string
  legacyId: string | null
  registerYear: number
  registerNumber: number
  /** Incoming: the arrival (Viet Nam time; midnight when the file gives only the day). */
  arrivedAt: Date | null
  numberAndNotation: string | null
  codeNumber: string | null
  codeNotation: string | null
  issueDate: string | null
  senderName: string | null
  documentType: DocumentTypeCode
  subject: string
  signerName: string | null
  signerTitle: string | null
  urgency: Urgency
  pageCount: number | null
  copyCount: number | null
  dueDate: string | null
  /** Ghi chú, with what has no column of its own (Đơn vị nhận, Nơi nhận). */
  notes: string | null
  draftingUnit: string | null
  files: string[]
}

export type MappedRow = { row: number; record: MigrationRecord | null; problems: TMigrationProblem[] }

const MAX_NUMBER = 10_000_000

const LIMITS: Partial<Record<MigrationField, number>> = {
  legacyId: 100,
  numberAndNotation: 60,
  codeNumber: 20,
  codeNotation: 50,
  senderName: 300,
  subject: 1000,
  signerName: 100,
  signerTitle: 200,
  notes: 2000,
  receivingUnit: 500,
  recipients: 2000,
  draftingUnit: 200,
  files: 4000,
  urgency: 50,
  secrecy: 50,
  documentType: 100,
}

/** The VN-time instant of a day (and time) the file gives: UTC+7 all year, no daylight saving. */
function vnInstant(day: DayTime): Date {
  return new Date(`${day.date}T${day.time ?? '00:00'}:00+07:00`)
}

/** "Số: 12 / QĐ-UBND" → "12/QĐ-UBND": no spaces (Decree 30/2020 Annex I §II.3), without a leading "Số:". */
function compactNotation(text: string): string {
  const withoutLabel = /^s[oố]\s*:/i.test(text.normalize('NFC')) ? text.slice(text.indexOf(':') + 1) : text
  return withoutLabel.replace(/\s+/g, '')
}

function splitNotation(nn: string): { codeNumber: string | null; codeNotation: string | null } {
  const slash = nn.indexOf('/')
  if (slash <= 0) return { codeNumber: null, codeNotation: nn || null }
  return { codeNumber: nn.slice(0, slash), codeNotation: nn.slice(slash + 1) || null }
}

/** Reads the cells of one row and collects its problems. */
class RowReader {
  readonly problems: TMigrationProblem[] = []
  constructor(
    private readonly kind: MigrationKind,
    private readonly columns: ColumnMap,
    private readonly byField: Map<MigrationField, number>,
    private readonly source: TableRow,
  ) {}

  get row(): number {
    return this.source.row
  }

  cell(field: MigrationField): Cell {
    const index = this.byField.get(field)
    return index === undefined ? null : (this.source.cells[index] ?? null)
  }

  has(field: MigrationField): boolean {
    return cellText(this.cell(field)) !== ''
  }

  hasColumn(field: MigrationField): boolean {
    return this.byField.has(field)
  }

  problem(field: MigrationField | null, message: string): void {
    const column = field ? (this.columns.labels.get(field) ?? canonicalHeader(this.kind, field)) : null
    this.problems.push({ row: this.source.row, column, message, level: 'error' })
  }

  /** The value, or null after recording the problem (or when empty and not required). */
  take<T>(field: MigrationField, read: Read<T> | null, isRequired = false): T | null {
    if (read === null) {
      if (isRequired) this.problem(field, 'bắt buộc, ô đang trống')
      return null
    }
    if ('error' in read) {
      this.problem(field, read.error)
      return null
    }
    return read.value
  }

  text(field: MigrationField, isRequired = false): string | null {
    return this.take(field, readText(this.cell(field), LIMITS[field] ?? 1000), isRequired)
  }
}

function fieldIndex(columns: ColumnMap): Map<MigrationField, number> {
  const byField = new Map<MigrationField, number>()
  for (const [index, field] of columns.fields) byField.set(field, index)
  return byField
}

type Numbering = {
  registerNumber: number | null
  numberAndNotation: string | null
  codeNumber: string | null
  codeNotation: string | null
}

/** The document's own number and notation: one "Số ký hiệu" cell, or "Số" and "Ký hiệu" apart (TT 02/2019). */
function readNotation(r: RowReader): Omit<Numbering, 'registerNumber'> {
  const combined = r.text('numberAndNotation')
  const number = r.text('codeNumber')
  const notation = r.text('codeNotation')
  if (combined)
    return { numberAndNotation: compactNotation(combined), ...splitNotation(compactNotation(combined)) }
  if (number || notation) {
    const nn = [number, notation].filter(Boolean).join('/').replace(/\s+/g, '')
    return { numberAndNotation: nn, codeNumber: number, codeNotation: notation }
  }
  return { numberAndNotation: null, codeNumber: null, codeNotation: null }
}

/** Outgoing: the register number is the document's number, which must be a whole number and agree with "Số ký hiệu". */
function outgoingNumbering(r: RowReader): Numbering {
  const parts = readNotation(r)
  const nnField: MigrationField = r.hasColumn('numberAndNotation') ? 'numberAndNotation' : 'codeNotation'
  if (!parts.codeNotation) r.problem(nnField, 'thiếu ký hiệu văn bản (ví dụ 15/QĐ-UBSMCVN)')
  if (r.has('codeNumber')) {
    const fromNumber = r.take('codeNumber', readWhole(r.cell('codeNumber'), 1, MAX_NUMBER))
    const numberPart = parts.codeNumber && /^\d+$/.test(parts.codeNumber) ? Number(parts.codeNumber) : null
    if (fromNumber !== null && numberPart !== null && fromNumber !== numberPart)
      r.problem('numberAndNotation', `số ${numberPart} khác với cột Số (${fromNumber})`)
    return { registerNumber: fromNumber, ...parts }
  }
  if (parts.codeNumber && /^\d+$/.test(parts.codeNumber) && Number(parts.codeNumber) >= 1)
    return { registerNumber: Number(parts.codeNumber), ...parts }
  r.problem(
    r.hasColumn('codeNumber') ? 'codeNumber' : 'numberAndNotation',
    parts.codeNumber
      ? `số '${parts.codeNumber}' không phải số nguyên dương`
      : 'thiếu số văn bản (số nguyên đứng trước dấu /)',
  )
  return { registerNumber: null, ...parts }
}

function composeNotes(parts: (string | null)[]): string | null {
  const text = parts.filter(Boolean).join('\n')
  return text || null
}

function fileNames(r: RowReader): string[] {
  const text = r.text('files')
  if (!text) return []
  return [
    ...new Set(
      text
        .split(/[;\n|]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
}

function documentTypeFor(r: RowReader, codeNotation: string | null): DocumentTypeCode | null {
  const text = r.text('documentType')
  if (text) {
    const code = documentTypeOf(text)
    if (!code)
      r.problem(
        'documentType',
        `'${text}' không có trong danh mục loại văn bản (ví dụ: Quyết định hoặc QĐ, Công văn, Thông báo hoặc TB)`,
      )
    return code
  }
  if (codeNotation) return documentTypeFromNotation(codeNotation)
  r.problem('documentType', 'bắt buộc khi không có ký hiệu để suy ra loại văn bản')
  return null
}

/** One row to a record, or its problems. `today` is yyyy-mm-dd in Viet Nam. */
export function mapRow(kind: MigrationKind, columns: ColumnMap, source: TableRow, today: string): MappedRow {
  const r = new RowReader(kind, columns, fieldIndex(columns), source)
  const maxYear = Number(today.slice(0, 4)) + 1
  const legacyId = r.text('legacyId')
  const secrecy = r.text('secrecy')
  if (secrecy && isSecret(secrecy))
    r.problem(
      'secrecy',
      `văn bản mật ('${secrecy}') không được đưa lên hệ thống này (Nghị định 30/2020/NĐ-CP, Điều 15.2): bỏ dòng này khỏi tệp`,
    )
  const issue = r.take('issueDate', readDay(r.cell('issueDate'), maxYear), kind === 'outgoing')
  let registerNumber: number | null
  let arrival: DayTime | null = null
  let numbering: Omit<Numbering, 'registerNumber'>
  if (kind === 'incoming') {
    registerNumber = r.take('arrivalNumber', readWhole(r.cell('arrivalNumber'), 1, MAX_NUMBER), true)
    arrival = r.take('arrivalDate', readDay(r.cell('arrivalDate'), maxYear), true)
    numbering = readNotation(r)
    if (arrival && arrival.date > today)
      r.problem('arrivalDate', `ngày đến ${cellText(r.cell('arrivalDate'))} ở tương lai`)
    if (arrival && issue && issue.date > arrival.date)
      r.problem('issueDate', `ngày ban hành ${cellText(r.cell('issueDate'))} sau ngày đến`)
  } else {
    const out = outgoingNumbering(r)
    registerNumber = out.registerNumber
    numbering = out
    if (issue && issue.date > today)
      r.problem('issueDate', `ngày ban hành ${cellText(r.cell('issueDate'))} ở tương lai`)
  }
  const senderName = r.text('senderName', kind === 'incoming')
  const documentType = documentTypeFor(r, numbering.codeNotation)
  const subject = r.text('subject', true)
  const urgencyText = r.text('urgency')
  const urgency = urgencyText === null ? 'normal' : urgencyOf(urgencyText)
  if (urgency === null)
    r.problem('urgency', `'${urgencyText}' không phải độ khẩn (Thường, Khẩn, Thượng khẩn, Hỏa tốc)`)
  const record = {
    signerName: r.text('signerName'),
    signerTitle: r.text('signerTitle'),
    pageCount: r.take('pageCount', readWhole(r.cell('pageCount'), 1, 10_000)),
    copyCount: r.take('copyCount', readWhole(r.cell('copyCount'), 1, 1000)),
    dueDate: r.take('dueDate', readDay(r.cell('dueDate'), maxYear + 5))?.date ?? null,
    notes: composeNotes([
      r.text('notes'),
      r.has('receivingUnit') ? `Đơn vị nhận: ${r.text('receivingUnit') ?? ''}` : null,
      r.has('recipients') ? `Nơi nhận: ${r.text('recipients') ?? ''}` : null,
    ]),
    draftingUnit: r.text('draftingUnit'),
    files: fileNames(r),
  }
  const year =
    kind === 'incoming'
      ? arrival && Number(arrival.date.slice(0, 4))
      : issue && Number(issue.date.slice(0, 4))
  if (r.problems.length || !year || registerNumber === null || !documentType || !subject || !urgency)
    return { row: r.row, record: null, problems: r.problems }
  return {
    row: r.row,
    problems: [],
    record: {
      row: r.row,
      kind,
      key: legacyId ? `${kind}:${legacyId}` : `${kind}:${year}:${registerNumber}`,
      legacyId,
      registerYear: year,
      registerNumber,
      arrivedAt: arrival ? vnInstant(arrival) : null,
      ...numbering,
      issueDate: issue?.date ?? null,
      senderName,
      documentType,
      subject,
      urgency,
      ...record,
    },
  }
}
