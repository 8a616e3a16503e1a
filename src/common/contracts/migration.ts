/**
 * Migration of the previous system's document database (issue 6): incoming and outgoing
 * documents from its CSV or Excel exports, with their files in a zip. A dry run validates every
 * row; an import writes them, idempotent and resumable. The column mapping below is the one the
 * server reads, the web shows and docs/migration.md documents.
 */
import { z } from 'zod'
import { ZId, ZPage, ZPageQuery } from './common.ts'

export const MIGRATION_KINDS = ['incoming', 'outgoing'] as const
export type MigrationKind = (typeof MIGRATION_KINDS)[number]

export const MIGRATION_MODES = ['dry_run', 'import'] as const
export type MigrationMode = (typeof MIGRATION_MODES)[number]

export const MIGRATION_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number]

/** The fields a row of the export can carry. */
export const MIGRATION_FIELDS = [
  'legacyId',
  'arrivalNumber',
  'arrivalDate',
  'numberAndNotation',
  'codeNumber',
  'codeNotation',
  'issueDate',
  'senderName',
  'documentType',
  'subject',
  'signerName',
  'signerTitle',
  'urgency',
  'secrecy',
  'pageCount',
  'copyCount',
  'dueDate',
  'receivingUnit',
  'recipients',
  'draftingUnit',
  'notes',
  'files',
] as const
export type MigrationField = (typeof MIGRATION_FIELDS)[number]

/**
 * One column: the header as the previous system exports it, other names it may carry (among them
 * the English names of TT 02/2019 and Decree 30/2020 Annex VI), whether every file must have it,
 * and an example value. Headers match without regard to case, diacritics, spaces or punctuation.
 */
export type TMigrationColumn = {
  field: MigrationField
  header: string
  aliases: readonly string[]
  isRequired: boolean
  example: string
}

const legacyId: TMigrationColumn = {
  field: 'legacyId',
  header: 'Mã',
  aliases: ['Mã văn bản', 'ID', 'DocId'],
  isRequired: false,
  example: 'VBD-2019-000123',
}
const numberAndNotation = (example: string): TMigrationColumn => ({
  field: 'numberAndNotation',
  header: 'Số ký hiệu',
  aliases: ['Số, ký hiệu', 'Số và ký hiệu', 'Số, ký hiệu văn bản', 'Số hiệu', 'NumberAndNotation'],
  isRequired: false,
  example,
})
const codeNumber: TMigrationColumn = {
  field: 'codeNumber',
  header: 'Số',
  aliases: ['Số văn bản', 'CodeNumber'],
  isRequired: false,
  example: '15',
}
const codeNotation = (example: string): TMigrationColumn => ({
  field: 'codeNotation',
  header: 'Ký hiệu',
  aliases: ['CodeNotation'],
  isRequired: false,
  example,
})
const issueDate = (isRequired: boolean): TMigrationColumn => ({
  field: 'issueDate',
  header: 'Ngày ban hành',
  aliases: ['IssuedDate', 'Ngày văn bản', 'Ngày tháng văn bản', 'Ngày ký'],
  isRequired,
  example: '12/03/2019',
})
const documentType: TMigrationColumn = {
  field: 'documentType',
  header: 'Loại văn bản',
  aliases: ['TypeName', 'Thể loại', 'Tên loại', 'Loại'],
  isRequired: false,
  example: 'Quyết định',
}
const subject: TMigrationColumn = {
  field: 'subject',
  header: 'Trích yếu',
  aliases: ['Subject', 'Trích yếu nội dung', 'Nội dung'],
  isRequired: true,
  example: 'V/v phối hợp quan trắc mực nước sông Mê Công mùa khô 2019',
}
const signerName = (example: string): TMigrationColumn => ({
  field: 'signerName',
  header: 'Người ký',
  aliases: ['FullName', 'SignerInfo/FullName', 'Signer'],
  isRequired: false,
  example,
})
const signerTitle = (example: string): TMigrationColumn => ({
  field: 'signerTitle',
  header: 'Chức vụ',
  aliases: ['Position', 'SignerInfo/Position', 'Chức vụ người ký'],
  isRequired: false,
  example,
})
const urgency: TMigrationColumn = {
  field: 'urgency',
  header: 'Độ khẩn',
  aliases: ['Priority', 'Mức độ khẩn'],
  isRequired: false,
  example: 'Khẩn',
}
const secrecy: TMigrationColumn = {
  field: 'secrecy',
  header: 'Độ mật',
  aliases: ['Mức độ mật'],
  isRequired: false,
  example: '',
}
const pageCount: TMigrationColumn = {
  field: 'pageCount',
  header: 'Số trang',
  aliases: ['PageAmount', 'Số tờ'],
  isRequired: false,
  example: '3',
}
const copyCount: TMigrationColumn = {
  field: 'copyCount',
  header: 'Số bản',
  aliases: ['IssuedAmount', 'Số lượng bản'],
  isRequired: false,
  example: '5',
}
const notes: TMigrationColumn = {
  field: 'notes',
  header: 'Ghi chú',
  aliases: ['Description'],
  isRequired: false,
  example: '',
}
const files: TMigrationColumn = {
  field: 'files',
  header: 'Tệp',
  aliases: ['Tệp đính kèm', 'Tên tệp', 'Đính kèm', 'Files', 'File'],
  isRequired: false,
  example: '2019-123.pdf; 2019-123-phu-luc.pdf',
}

export const MIGRATION_COLUMNS: Record<MigrationKind, readonly TMigrationColumn[]> = {
  incoming: [
    legacyId,
    {
      field: 'arrivalNumber',
      header: 'Số đến',
      aliases: ['ArrivalNumber'],
      isRequired: true,
      example: '123',
    },
    {
      field: 'arrivalDate',
      header: 'Ngày đến',
      aliases: ['ArrivalDate', 'Ngày nhận'],
      isRequired: true,
      example: '14/03/2019',
    },
    numberAndNotation('45/BNNPTNT-TCTL'),
    codeNumber,
    codeNotation('BNNPTNT-TCTL'),
    issueDate(false),
    {
      field: 'senderName',
      header: 'Cơ quan ban hành',
      aliases: ['OrganName', 'Tác giả', 'Cơ quan gửi', 'Nơi gửi', 'Đơn vị ban hành'],
      isRequired: true,
      example: 'Bộ Nông nghiệp và Phát triển nông thôn',
    },
    documentType,
    subject,
    signerName('Nguyễn Văn Nam'),
    signerTitle('Thứ trưởng'),
    urgency,
    secrecy,
    pageCount,
    copyCount,
    {
      field: 'dueDate',
      header: 'Hạn xử lý',
      aliases: ['DueDate', 'Hạn giải quyết', 'Thời hạn giải quyết'],
      isRequired: false,
      example: '30/03/2019',
    },
    {
      field: 'receivingUnit',
      header: 'Đơn vị nhận',
      aliases: ['ToPlaces', 'Đơn vị hoặc người nhận', 'Nơi nhận'],
      isRequired: false,
      example: 'Ban Tài nguyên nước',
    },
    notes,
    files,
  ],
  outgoing: [
    legacyId,
    codeNumber,
    codeNotation('QĐ-UBSMCVN'),
    numberAndNotation('15/QĐ-UBSMCVN'),
    issueDate(true),
    documentType,
    subject,
    signerName('Lê Minh Hoàng'),
    signerTitle('Chủ tịch'),
    {
      field: 'recipients',
      header: 'Nơi nhận',
      aliases: ['To/OrganName', 'Nơi nhận văn bản'],
      isRequired: false,
      example: 'Bộ Ngoại giao; UBND tỉnh An Giang',
    },
    {
      field: 'draftingUnit',
      header: 'Đơn vị soạn thảo',
      aliases: ['Đơn vị chủ trì soạn thảo', 'Đơn vị'],
      isRequired: false,
      example: 'Văn phòng Thường trực',
    },
    urgency,
    secrecy,
    pageCount,
    copyCount,
    {
      field: 'dueDate',
      header: 'Hạn trả lời',
      aliases: ['DueDate', 'Hạn xử lý'],
      isRequired: false,
      example: '',
    },
    notes,
    files,
  ],
}

/**
 * On a document imported from the previous system (incoming and outgoing pages and list rows):
 * the run that imported it and when; null for a document registered or drafted here.
 */
export const ZMigratedMark = z
  .object({
    runId: z.string(),
    /** When the import wrote it (not when the old register dated it). */
    importedAt: z.string(),
  })
  .nullable()
export type TMigratedMark = z.infer<typeof ZMigratedMark>

/** The problem report keeps this many entries; problemCount has the full count. */
export const MAX_STORED_PROBLEMS = 2000

/** A problem of one row (or, for the header row, of the file): the spreadsheet row number as Excel shows it. */
export const ZMigrationProblem = z.object({
  row: z.number().int(),
  /** The column as headed in the file; null for the row as a whole. */
  column: z.string().nullable(),
  /** Vietnamese: what is wrong and, where it helps, what to write instead. */
  message: z.string(),
  /** 'error': the row is not imported; 'warning': nothing is skipped (an unknown column). */
  level: z.enum(['error', 'warning']),
})
export type TMigrationProblem = z.infer<typeof ZMigrationProblem>

export const ZCreateMigrationRun = z
  .object({
    kind: z.enum(MIGRATION_KINDS),
    mode: z.enum(MIGRATION_MODES),
    /** An incoming register for incoming documents, an outgoing one for outgoing documents. */
    registerId: ZId,
    /** The export (CSV in UTF-8 or .xlsx), uploaded through POST /api/files. */
    sourceFileId: ZId,
    /** The zip holding the files named in the "Tệp" column, uploaded through POST /api/migration/archives. */
    archiveFileId: ZId.nullish(),
    /**
     * The unit of this organization that holds the imported documents. Incoming: the registering
     * unit, whose staff see them (default: the unit that keeps the register, else the
     * administrator's). Outgoing: the drafting unit of rows whose "Đơn vị soạn thảo" names no
     * known unit (default: none).
     */
    unitId: ZId.nullish(),
  })
  .strict()
export type TCreateMigrationRun = z.infer<typeof ZCreateMigrationRun>

export const ZMigrationRunSummary = z.object({
  id: z.string(),
  kind: z.enum(MIGRATION_KINDS),
  mode: z.enum(MIGRATION_MODES),
  status: z.enum(MIGRATION_STATUSES),
  registerId: z.string().nullable(),
  registerName: z.string().nullable(),
  sourceFileId: z.string(),
  sourceFilename: z.string(),
  archiveFileId: z.string().nullable(),
  archiveFilename: z.string().nullable(),
  /** The unit chosen to hold the documents; null: the default (see ZCreateMigrationRun.unitId). */
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** Data rows of the file; null until the file has been read. */
  totalRows: z.number().int().nullable(),
  /** Rows handled so far (the resume point). */
  processedRows: z.number().int(),
  /** Import: documents written. Dry run: rows that would be imported. */
  importedRows: z.number().int(),
  /** Rows imported before (same migration key): never imported twice. */
  skippedRows: z.number().int(),
  /** Rows left out because of an error. */
  problemRows: z.number().int(),
  problemCount: z.number().int(),
  /** 0–100. */
  progress: z.number().int(),
  /** Why the run failed, in Vietnamese. */
  error: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  abilities: z.object({ cancel: z.boolean(), resume: z.boolean() }),
})
export type TMigrationRunSummary = z.infer<typeof ZMigrationRunSummary>

export const ZMigrationRun = ZMigrationRunSummary.extend({
  problems: z.array(ZMigrationProblem),
  /** More problems were found than the report keeps (MAX_STORED_PROBLEMS). */
  problemsTruncated: z.boolean(),
})
export type TMigrationRun = z.infer<typeof ZMigrationRun>

export const ZMigrationRunPage = ZPage(ZMigrationRunSummary)
export type TMigrationRunPage = z.infer<typeof ZMigrationRunPage>

export const ZMigrationRunListQuery = ZPageQuery.extend({
  kind: z.enum(MIGRATION_KINDS).optional(),
}).strict()
export type TMigrationRunListQuery = z.infer<typeof ZMigrationRunListQuery>

export const ZMigrationKindParams = z.object({ kind: z.enum(MIGRATION_KINDS) }).strict()

/** The upload of a zip of files (POST /api/migration/archives). */
export const ZMigrationArchive = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int(),
  /** Entries in the zip (files, not folders). */
  entryCount: z.number().int(),
})
export type TMigrationArchive = z.infer<typeof ZMigrationArchive>
