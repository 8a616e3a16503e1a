/**
 * Smart capture → registration form: which form field each capture field fills, and the values.
 * Only empty fields (or fields capture filled before) are filled, so the clerk's typing wins.
 */
import dayjs, { type Dayjs } from 'dayjs'
import type { TCaptureField, TCaptureResponse } from '@common/contracts/capture'

/** The form fields capture can fill, and the capture field whose confidence they show. */
export const CAPTURED_FORM_FIELDS = {
  numberAndNotation: 'numberAndNotation',
  issueDate: 'issueDate',
  issuePlace: 'place',
  documentType: 'documentTypeCode',
  subject: 'subject',
  signerName: 'signerName',
  signerTitle: 'signerTitle',
  sender: 'issuerName',
  pageCount: null,
} as const satisfies Record<string, TCaptureField | null>

export type CapturedFormField = keyof typeof CAPTURED_FORM_FIELDS

/** A field filled by capture, with the confidence (0..1) shown beside its label. */
export type CapturedMark = { confidence: number | null }

export type CaptureValues = {
  numberAndNotation?: string
  issueDate?: Dayjs
  issuePlace?: string
  documentType?: string
  subject?: string
  signerName?: string
  signerTitle?: string
  /** The issuer's name, to match against the directory or type as the sender. */
  sender?: string
  pageCount?: number
}

/** "PHÓ CHỦ TỊCH" → "Phó Chủ tịch": titles are printed in capitals, the register writes them normally. */
export function sentenceCase(text: string): string {
  if (text !== text.toUpperCase()) return text
  const lower = text.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}

/** What the values are read from: the capture answer, or the OCR pre-fill of a scan (digitisation). */
export type CaptureSource = Pick<TCaptureResponse, 'fields' | 'pages'>

export function captureValues(response: CaptureSource): CaptureValues {
  const f = response.fields
  const out: CaptureValues = {}
  if (f.numberAndNotation) out.numberAndNotation = f.numberAndNotation
  if (f.issueDate && dayjs(f.issueDate).isValid()) out.issueDate = dayjs(f.issueDate)
  if (f.place) out.issuePlace = f.place
  if (f.documentTypeCode) out.documentType = f.documentTypeCode
  if (f.subject) out.subject = f.subject
  if (f.signerName) out.signerName = f.signerName
  if (f.signerTitle) out.signerTitle = sentenceCase(f.signerTitle)
  const sender = f.issuerName ?? f.issuer
  if (sender) out.sender = sender
  if (response.pages && response.pages > 0) out.pageCount = response.pages
  return out
}

export function confidenceOf(response: CaptureSource, field: CapturedFormField): number | null {
  const key = CAPTURED_FORM_FIELDS[field]
  if (!key) return null
  const value = response.fields.confidence[key]
  return typeof value === 'number' ? value : null
}

/** Compare organization names loosely (case, spaces, the "Ủy"/"Uỷ" spellings). */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFC')
      .toLocaleLowerCase('vi')
      .replace(/uỷ/g, 'ủy')
      .replace(/hoà/g, 'hòa')
      .replace(/\s+/g, ' ')
      .trim()
  return norm(a) === norm(b)
}
