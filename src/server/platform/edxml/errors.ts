/** The coded failures of edXML building and parsing; the exchange module maps them to EDXML_INVALID. */
export const EDXML_ERROR_CODES = [
  'MALFORMED_XML',
  'TOO_LARGE',
  'TOO_DEEP',
  'DOCTYPE_FORBIDDEN',
  'NOT_EDXML',
  'MISSING_FIELD',
  'BAD_VALUE',
  'BAD_ATTACHMENT',
  'ZIP_BOMB',
  'TOO_MANY_ATTACHMENTS',
] as const
export type EdxmlErrorCode = (typeof EDXML_ERROR_CODES)[number]

const MESSAGES: Record<EdxmlErrorCode, string> = {
  MALFORMED_XML: 'Gói tin không phải XML hợp lệ',
  TOO_LARGE: 'Gói tin vượt quá kích thước cho phép',
  TOO_DEEP: 'Gói tin lồng các thẻ XML quá sâu',
  DOCTYPE_FORBIDDEN: 'Gói tin chứa khai báo DOCTYPE (DTD), không được phép vì lý do an toàn',
  NOT_EDXML: 'Tệp không phải gói tin edXML theo QCVN 102:2016',
  MISSING_FIELD: 'Gói tin thiếu thông tin bắt buộc',
  BAD_VALUE: 'Gói tin có giá trị không hợp lệ',
  BAD_ATTACHMENT: 'Tệp đính kèm trong gói tin không hợp lệ',
  ZIP_BOMB: 'Tệp nén đính kèm giải nén ra quá lớn',
  TOO_MANY_ATTACHMENTS: 'Gói tin có quá nhiều tệp đính kèm',
}

/** A fatal problem with a package; `path` names the element (e.g. "MessageHeader/From/OrganId"). */
export class EdxmlError extends Error {
  readonly code: EdxmlErrorCode
  readonly path: string | undefined
  constructor(code: EdxmlErrorCode, options: { message?: string; path?: string; cause?: unknown } = {}) {
    super(options.message ?? MESSAGES[code], { cause: options.cause })
    this.name = 'EdxmlError'
    this.code = code
    this.path = options.path
  }
}

/** Real-world mess that was accepted: the package is usable, the clerk may want to know. */
export type EdxmlWarning = { code: string; path: string; message: string }

/**
 * Caps on what a parse may cost. Packages come from other agencies through the axis: a hostile or
 * broken one must fail fast, never exhaust memory.
 */
export type EdxmlLimits = {
  /** Whole package, as received. */
  maxBytes: number
  /** Element nesting; real packages stay under 10. */
  maxDepth: number
  maxAttachments: number
  /** One attachment, decoded and unzipped. */
  maxAttachmentBytes: number
  /** All attachments together, decoded and unzipped. */
  maxTotalAttachmentBytes: number
  /** Elements outside the attachment bodies. */
  maxElements: number
  /** Characters of one text value (the attachment bodies excepted). */
  maxTextLength: number
}

const MiB = 1024 * 1024

export const DEFAULT_LIMITS: EdxmlLimits = {
  maxBytes: 60 * MiB,
  maxDepth: 32,
  maxAttachments: 100,
  maxAttachmentBytes: 50 * MiB,
  maxTotalAttachmentBytes: 200 * MiB,
  maxElements: 20_000,
  maxTextLength: 1 * MiB,
}
