/**
 * Read one file of a batch: its text (the text layer, or OCR for a scan or an image), the
 * registration fields smart capture finds in it, and the scan's check against the digitisation
 * rules. Runs in the reading job, never in a request: OCR takes seconds per page.
 */
import type { TScanReport } from '@common/contracts/digitisation'
import { SCAN_MEDIA_TYPES } from '@common/contracts/digitisation'
import { AppError } from '../../platform/errors.ts'
import { checkScanRules, OcrError, type OcrEngine, type ScanReport } from '../../platform/ocr/index.ts'
import { captureFields, extractText } from '../capture/index.ts'
import { checkImageRules } from './image-rules.ts'
import type { ReadOutcome } from './store.ts'

/**
 * Pages read for the pre-fill: the fields sit on the first page and the signature page, and an
 * incoming letter is rarely longer. A scan of no more pages is read whole, and that read is kept
 * (capture's ocr_reads) for the documents' own OCR job; a longer one is read again there for search.
 */
export const CAPTURE_MAX_PAGES = 20
const TEXT_MAX_PAGES = 40
const EXCERPT_CHARS = 2000

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/tiff'])

export function baseMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase()
}

export function isScanMediaType(mediaType: string): boolean {
  return (SCAN_MEDIA_TYPES as readonly string[]).includes(baseMediaType(mediaType))
}

/** Why a file cannot be read at all, said to the clerk (Vietnamese, with what to do). */
export const UNSUPPORTED_TYPE =
  'Loại tệp này không đọc được: chỉ nhận PDF, ảnh JPEG, PNG, TIFF, DOCX. Hãy quét lại thành PDF hoặc bỏ qua tệp này.'

function pdfReport(report: ScanReport): TScanReport {
  return {
    pdfVersion: report.pdfVersion,
    pageCount: report.pages.length,
    problems: report.problems.map((p) => ({
      code: p.code,
      message: p.message,
      page: p.page ?? null,
      dpi: p.code === 'LOW_RESOLUTION' && p.page ? (report.pages[p.page - 1]?.dpi ?? null) : null,
    })),
  }
}

/**
 * Repair what Tesseract's Vietnamese model gets wrong the same way every time, before smart
 * capture reads the text (measured on the vn-docs scans, bench/capture-scans.ts): the Icelandic
 * eth Ð (U+00D0) for Đ, often doubled after the real one ("QĐÐ-BYT"), which Vietnamese never
 * uses; and the "v" of "V/v" lost or upper-cased, which hides a letter's subject line.
 */
export function cleanOcrText(text: string): string {
  return text
    .replace(/ĐÐ|ÐĐ/g, 'Đ')
    .replace(/đð|ðđ/g, 'đ')
    .replace(/Ð/g, 'Đ')
    .replace(/ð/g, 'đ')
    .replace(/^([ \t]*)V[ \t]*\/[ \t]*[vVyY]?[ \t]+(?=\p{Ll})/gmu, '$1V/v ')
}

/** Tesseract's read of every page (raw text, as the documents' OCR job reads it), to be kept. */
export type CompleteOcr = {
  text: string
  pageCount: number
  /** The PDF scan with an invisible text layer; null for an image. */
  searchablePdf: Uint8Array | null
  milliseconds: number
}

/** What reading a batch file gives: the item's outcome, and the whole OCR read when there was one. */
export type ScanRead = ReadOutcome & { completeOcr?: CompleteOcr }

export type ReadScanOptions = {
  /** The text of a complete OCR read of the same bytes, kept earlier: Tesseract is not run again. */
  knownOcrText?: string | null
}

function ready(method: 'text' | 'ocr', text: string, scan: TScanReport | null): ReadOutcome {
  // PostgreSQL text cannot hold NUL characters.
  const clean = (method === 'ocr' ? cleanOcrText(text) : text).replaceAll('\u0000', '')
  return {
    status: 'ready',
    method,
    fields: captureFields(clean),
    textExcerpt: clean.slice(0, EXCERPT_CHARS) || null,
    scan,
  }
}

function unavailable(scan: TScanReport | null): ReadOutcome {
  return { status: 'ready', method: 'ocr_unavailable', fields: null, textExcerpt: null, scan }
}

/** The clerk's reason for a failure; anything unexpected rises to the job, which logs it. */
function failureText(err: unknown): string | null {
  if (err instanceof OcrError) {
    if (err.code === 'TIMEOUT')
      return 'Nhận dạng chữ (OCR) quá thời gian cho phép. Hãy tách tệp thành các tệp ít trang hơn rồi tải lại.'
    if (err.code === 'NOT_SUPPORTED')
      return 'Tệp hỏng hoặc không phải PDF/ảnh hợp lệ. Hãy quét lại hoặc nhập tay các trường.'
    return 'Nhận dạng chữ (OCR) không thành công. Hãy bấm "Đọc lại", hoặc nhập tay các trường.'
  }
  if (err instanceof AppError) {
    if (err.code === 'FILE_TOO_LARGE') return 'Tệp quá lớn để đọc. Hãy tách thành các tệp nhỏ hơn.'
    return 'Không đọc được nội dung tệp (tệp hỏng hoặc có mật khẩu). Hãy mở thử tệp, quét lại hoặc nhập tay.'
  }
  return null
}

async function readPdf(ocr: OcrEngine, bytes: Uint8Array, options: ReadScanOptions): Promise<ScanRead> {
  const extraction = await extractText(bytes, 'application/pdf', { maxPages: TEXT_MAX_PAGES })
  if (!extraction.isLikelyScanned) {
    return ready('text', extraction.text, { pdfVersion: null, pageCount: extraction.pages, problems: [] })
  }
  const scan = pdfReport(await checkScanRules(bytes))
  if (options.knownOcrText != null) return ready('ocr', options.knownOcrText, scan)
  if (!(await ocr.isAvailable())) return unavailable(scan)
  // The searchable copy costs only the merge of the pages Tesseract writes anyway; it comes back
  // only when every page was read, and then this read serves search too (no second OCR).
  const result = await ocr.ocrPdf(bytes, { maxPages: CAPTURE_MAX_PAGES })
  const outcome = ready('ocr', result.text, scan)
  if (!result.searchablePdf) return outcome
  return {
    ...outcome,
    completeOcr: {
      text: result.text,
      pageCount: result.pages.length,
      searchablePdf: result.searchablePdf,
      milliseconds: result.seconds * 1000,
    },
  }
}

async function readImage(
  ocr: OcrEngine,
  bytes: Uint8Array,
  type: string,
  options: ReadScanOptions,
): Promise<ScanRead> {
  const scan = checkImageRules(bytes, type)
  if (options.knownOcrText != null) return ready('ocr', options.knownOcrText, scan)
  if (!(await ocr.isAvailable())) return unavailable(scan)
  const result = await ocr.ocrImage(bytes, type)
  return {
    ...ready('ocr', result.text, scan),
    completeOcr: {
      text: result.text,
      pageCount: 1,
      searchablePdf: null,
      milliseconds: result.seconds * 1000,
    },
  }
}

/** Read a file of the given type. Failures the clerk can act on come back as 'failed' with the reason. */
export async function readScan(
  ocr: OcrEngine,
  bytes: Uint8Array,
  mediaType: string,
  options: ReadScanOptions = {},
): Promise<ScanRead> {
  const type = baseMediaType(mediaType)
  try {
    if (type === 'application/pdf') return await readPdf(ocr, bytes, options)
    if (IMAGE_TYPES.has(type)) return await readImage(ocr, bytes, type, options)
    if (!isScanMediaType(type)) return { status: 'failed', error: UNSUPPORTED_TYPE, scan: null }
    return ready('text', (await extractText(bytes, type)).text, null)
  } catch (err) {
    // Tesseract removed between the check and the call: the same answer as "not installed".
    if (err instanceof OcrError && err.code === 'UNAVAILABLE') return unavailable(null)
    const reason = failureText(err)
    if (reason === null) throw err
    console.error(`digitisation: reading a ${type} failed:`, err instanceof Error ? err.message : err)
    return { status: 'failed', error: reason, scan: null }
  }
}
