/**
 * Digitisation (số hóa, issue 6): a clerk uploads a batch of scans (PDF, JPEG, PNG, TIFF); each is
 * read in the background (its text layer, or OCR for a scan or an image), smart capture pre-fills
 * its registration, the scan is checked against the digitisation rules (PDF 1.4 or later, colour,
 * at least 200 dpi), and the clerk confirms each item as an incoming document or discards it.
 */
import { z } from 'zod'
import { ZCaptureResult } from './capture.ts'
import { ZId, ZOptionalText, ZPage, ZPageQuery } from './common.ts'
import { ZRegisterIncoming } from './documents-in.ts'

export const SCAN_ITEM_STATUSES = ['queued', 'reading', 'ready', 'failed', 'registered', 'discarded'] as const
export const ZScanItemStatus = z.enum(SCAN_ITEM_STATUSES)
export type TScanItemStatus = z.infer<typeof ZScanItemStatus>

/** Statuses an item leaves only by the clerk's decision (or, while waiting, by the reading job). */
export const OPEN_SCAN_ITEM_STATUSES = ['queued', 'reading', 'ready', 'failed'] as const

/**
 * How the text was read: the file's own text layer (PDF, DOCX, text), OCR of a scan or an image,
 * or nothing because the server has no OCR engine (the pre-fill is then empty).
 */
export const SCAN_READ_METHODS = ['text', 'ocr', 'ocr_unavailable'] as const
export const ZScanReadMethod = z.enum(SCAN_READ_METHODS)
export type TScanReadMethod = z.infer<typeof ZScanReadMethod>

/** What a batch reads: PDFs (with or without a text layer), images of pages, DOCX and plain text. */
export const SCAN_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
] as const

/** The digitisation rules a scan is checked against (Thông tư 02/2019/TT-BNV). */
export const SCAN_PROBLEM_CODES = [
  'PDF_VERSION_TOO_OLD',
  'NO_SCAN_IMAGE',
  'LOW_RESOLUTION',
  'NOT_COLOUR',
] as const
export const ZScanProblem = z.object({
  code: z.enum(SCAN_PROBLEM_CODES),
  /** Vietnamese, as the checker wrote it; the UI shows its own text for the code. */
  message: z.string(),
  page: z.number().int().nullable(),
  /** The resolution found, for LOW_RESOLUTION. */
  dpi: z.number().int().nullable(),
})
export type TScanProblem = z.infer<typeof ZScanProblem>

export const ZScanReport = z.object({
  /** Null for images. */
  pdfVersion: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  problems: z.array(ZScanProblem),
})
export type TScanReport = z.infer<typeof ZScanReport>

export const ZScanItem = z.object({
  id: z.string(),
  batchId: z.string(),
  position: z.number().int(),
  fileId: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  status: ZScanItemStatus,
  method: ZScanReadMethod.nullable(),
  /** The registration pre-fill read by smart capture; null until read, or when nothing could be read. */
  fields: ZCaptureResult.nullable(),
  textExcerpt: z.string().nullable(),
  scan: ZScanReport.nullable(),
  /** Why reading failed, in Vietnamese, saying what to do. */
  error: z.string().nullable(),
  documentId: z.string().nullable(),
  updatedAt: z.string(),
  abilities: z.object({ register: z.boolean(), discard: z.boolean(), retry: z.boolean() }),
})
export type TScanItem = z.infer<typeof ZScanItem>

export const ZScanCounts = z.object({
  total: z.number().int(),
  queued: z.number().int(),
  reading: z.number().int(),
  ready: z.number().int(),
  failed: z.number().int(),
  registered: z.number().int(),
  discarded: z.number().int(),
})
export type TScanCounts = z.infer<typeof ZScanCounts>

export const ZScanBatchSummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  registerId: z.string().nullable(),
  createdBy: z.object({ id: z.string(), fullName: z.string() }),
  createdAt: z.string(),
  counts: ZScanCounts,
  /** Every item has been read (none queued or being read). */
  isRead: z.boolean(),
  /** Every item has been registered or discarded. */
  isClosed: z.boolean(),
})
export type TScanBatchSummary = z.infer<typeof ZScanBatchSummary>

export const ZScanBatch = ZScanBatchSummary.extend({ items: z.array(ZScanItem) })
export type TScanBatch = z.infer<typeof ZScanBatch>

export const ZScanBatchPage = ZPage(ZScanBatchSummary)
export type TScanBatchPage = z.infer<typeof ZScanBatchPage>

export const ZScanBatchListQuery = ZPageQuery.extend({
  /** Only batches with items still to confirm. */
  isOpen: z.enum(['true', 'false']).optional(),
}).strict()
export type TScanBatchListQuery = z.input<typeof ZScanBatchListQuery>

/** Largest batch: a day's post of a busy office; bigger piles go in several batches. */
export const MAX_BATCH_FILES = 200

export const ZCreateScanBatch = z
  .object({
    /** The incoming register the form proposes for every item (the clerk may pick another). */
    registerId: ZId.nullish(),
    title: ZOptionalText(200),
    /** Files uploaded first with POST /api/files, in order. */
    fileIds: z.array(ZId).min(1).max(MAX_BATCH_FILES),
  })
  .strict()
export type TCreateScanBatch = z.input<typeof ZCreateScanBatch>

/**
 * Confirming an item is registering an incoming document: the registration form's body. The
 * item's file becomes the main file; other fileIds are attachments.
 */
export const ZRegisterScanItem = ZRegisterIncoming
export type TRegisterScanItem = z.input<typeof ZRegisterScanItem>

/** Answer of a confirmation: the item (now registered) and the new document. */
export const ZScanItemRegistered = z.object({
  item: ZScanItem,
  documentId: z.string(),
})
export type TScanItemRegistered = z.infer<typeof ZScanItemRegistered>
