/**
 * Smart capture: the registration fields of an incoming document read from its own text
 * (PDF text layer, DOCX, plain text; OCR text later). Every field is a suggestion for the clerk,
 * with a confidence in 0..1 and coded warnings the UI translates (`capture.warnings.<code>`).
 */
import { z } from 'zod'
import { DOCUMENT_TYPE_CODES } from '../document-types.ts'

export const CAPTURE_FIELDS = [
  'numberAndNotation',
  'number',
  'notation',
  'yearInNumber',
  'documentType',
  'documentTypeCode',
  'issuer',
  'issuerParent',
  'issuerName',
  'place',
  'issueDate',
  'subject',
  'signerName',
  'signerTitle',
  'signerRank',
  'signingAuthority',
  'recipients',
  'addressees',
] as const
export const ZCaptureField = z.enum(CAPTURE_FIELDS)
export type TCaptureField = z.infer<typeof ZCaptureField>

/**
 * Signing authority written before the title in the signature block (Nghị định 30/2020/NĐ-CP,
 * Điều 13 and Phụ lục I §II.7): on behalf of a collective, deputy, by order, by authorisation, acting.
 */
export const SIGNING_AUTHORITIES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const
export const ZSigningAuthority = z.enum(SIGNING_AUTHORITIES)
export type TSigningAuthority = z.infer<typeof ZSigningAuthority>

/** Why a field deserves a second look. */
export const CAPTURE_WARNING_CODES = [
  'NUMBER_NOT_FOUND',
  'NUMBER_STRAY_SPACES',
  'NUMBER_UNNUMBERED',
  'NUMBER_UNUSUAL',
  'DATE_NOT_FOUND',
  'DATE_INVALID',
  'DATE_LINE_NO_COMMA',
  'ISSUER_NOT_FOUND',
  'TYPE_NOT_FOUND',
  'TYPE_FROM_NOTATION',
  'TYPE_NOTATION_MISMATCH',
  'SUBJECT_NOT_FOUND',
  'SIGNER_NOT_FOUND',
  'SIGNER_RANK_STRIPPED',
  'SIGNER_HONORIFIC_STRIPPED',
  'SIGNING_AUTHORITY_NO_DOT',
  'RECIPIENTS_NOT_FOUND',
  'SECRECY_MARK',
] as const
export const ZCaptureWarningCode = z.enum(CAPTURE_WARNING_CODES)
export type TCaptureWarningCode = z.infer<typeof ZCaptureWarningCode>

export const ZCaptureWarning = z.object({
  code: ZCaptureWarningCode,
  field: ZCaptureField.nullable(),
  /** English, for logs and the CLI; the UI shows its own text for the code. */
  message: z.string(),
})
export type TCaptureWarning = z.infer<typeof ZCaptureWarning>

export const ZCaptureResult = z.object({
  /** Number and notation without spaces, e.g. `213/2025/QĐ-UBND` (Phụ lục I §II.3: no spaces anywhere). */
  numberAndNotation: z.string().nullable(),
  /** The number as printed, leading zeros kept (`05`). */
  number: z.string().nullable(),
  /** The notation after the last slash, e.g. `QĐ-UBND`. */
  notation: z.string().nullable(),
  /** The year inside legal normative numbers (`30/2020/NĐ-CP` → 2020). */
  yearInNumber: z.number().int().nullable(),
  /** Vietnamese type name, e.g. `Quyết định`; `Công văn` for a letter with a `V/v` subject. */
  documentType: z.string().nullable(),
  documentTypeCode: z.enum(DOCUMENT_TYPE_CODES).nullable(),
  /** The issuing organ as printed (upper case, header lines joined). */
  issuer: z.string().nullable(),
  /** The governing body printed above the issuer, if any (e.g. `BỘ TÀI CHÍNH` above `CỤC HẢI QUAN`). */
  issuerParent: z.string().nullable(),
  /** The issuer in normal case, e.g. `Ủy ban nhân dân tỉnh Đắk Lắk`. */
  issuerName: z.string().nullable(),
  place: z.string().nullable(),
  /** ISO yyyy-mm-dd. */
  issueDate: z.iso.date().nullable(),
  /** Trích yếu: after `V/v` for a letter, otherwise the title after the type name. */
  subject: z.string().nullable(),
  signerName: z.string().nullable(),
  /** The title line right above the name, e.g. `PHÓ CHỦ TỊCH`. */
  signerTitle: z.string().nullable(),
  /** A military or police rank printed before the name, stripped from signerName. */
  signerRank: z.string().nullable(),
  /** The first authority prefix of the signature block. */
  signingAuthority: ZSigningAuthority.nullable(),
  /** Nơi nhận, in order, including the `Lưu: …` line. */
  recipients: z.array(z.string()),
  /** Kính gửi. */
  addressees: z.array(z.string()),
  confidence: z.record(ZCaptureField, z.number().min(0).max(1)),
  warnings: z.array(ZCaptureWarning),
})
export type TCaptureResult = z.infer<typeof ZCaptureResult>

export const EXTRACTION_METHODS = ['pdf-text', 'docx', 'text'] as const
export const ZExtractionMethod = z.enum(EXTRACTION_METHODS)
export type TExtractionMethod = z.infer<typeof ZExtractionMethod>

/** Answer of POST /api/capture/files/:id. */
export const ZCaptureResponse = z.object({
  method: ZExtractionMethod,
  pages: z.number().int().nullable(),
  /** A PDF with pages but (almost) no text layer: a scan, to be read by OCR. */
  isLikelyScanned: z.boolean(),
  /** The start of the extracted text, so the clerk can check what the fields were read from. */
  textExcerpt: z.string(),
  fields: ZCaptureResult,
})
export type TCaptureResponse = z.infer<typeof ZCaptureResponse>
