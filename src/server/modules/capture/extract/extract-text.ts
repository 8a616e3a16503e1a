/**
 * extractText(bytes | stream, mediaType): the text of a received document, ready for
 * captureFields. PDF text layer, DOCX, or UTF-8 text; OCR of scans (issue 6) will be one more
 * method feeding the same parser. Costs: see bench/capture.ts (ms per page); run it as a job for
 * large files, since PDF parsing uses this thread.
 */
import type { Readable } from 'node:stream'
import type { TExtractionMethod } from '@common/contracts/capture'
import { AppError } from '../../../platform/errors.ts'
import { docxText } from './docx-text.ts'
import { pdfText } from './pdf-text.ts'

export const PDF = 'application/pdf'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const CAPTURE_MEDIA_TYPES = [PDF, DOCX, 'text/plain'] as const

export type Extraction = {
  text: string
  /** Pages in the PDF (null for DOCX and text). */
  pages: number | null
  method: TExtractionMethod
  /** Pages but (almost) no text: a scanned image, for OCR. */
  isLikelyScanned: boolean
}

export type ExtractOptions = {
  /** Only the first pages are read: the fields sit on the first and the signature page. */
  maxPages?: number
  maxBytes?: number
}

/** Fewer visible characters per page than this is an image of a page, not a text layer. */
const SCANNED_CHARS_PER_PAGE = 40

export function isCaptureMediaType(mediaType: string): boolean {
  return (CAPTURE_MEDIA_TYPES as readonly string[]).includes(mediaType.split(';')[0]!.trim())
}

async function readAll(source: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
    size += buf.length
    if (size > maxBytes) {
      source.destroy()
      throw new AppError('FILE_TOO_LARGE', { message: `Capture reads files up to ${maxBytes} bytes` })
    }
    chunks.push(buf)
  }
  return Buffer.concat(chunks)
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).normalize('NFC')
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'The text file is not UTF-8',
      details: [{ path: 'file', message: 'not UTF-8' }],
      cause: err,
    })
  }
}

export async function extractText(
  input: Uint8Array | Readable,
  mediaType: string,
  options: ExtractOptions = {},
): Promise<Extraction> {
  const type = mediaType.split(';')[0]!.trim().toLowerCase()
  if (!isCaptureMediaType(type)) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', {
      message: `Capture reads PDF, DOCX and plain text, not ${type}`,
      details: { mediaType: type, allowed: CAPTURE_MEDIA_TYPES },
    })
  }
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024
  const bytes = input instanceof Uint8Array ? input : await readAll(input, maxBytes)
  if (bytes.length > maxBytes) {
    throw new AppError('FILE_TOO_LARGE', { message: `Capture reads files up to ${maxBytes} bytes` })
  }
  if (type === PDF) {
    const pdf = await pdfText(bytes, { maxPages: options.maxPages ?? 40 })
    const isLikelyScanned = pdf.pagesRead > 0 && pdf.characters / pdf.pagesRead < SCANNED_CHARS_PER_PAGE
    return { text: pdf.text, pages: pdf.pages, method: 'pdf-text', isLikelyScanned }
  }
  if (type === DOCX)
    return { text: await docxText(bytes), pages: null, method: 'docx', isLikelyScanned: false }
  return { text: decodeUtf8(bytes), pages: null, method: 'text', isLikelyScanned: false }
}
