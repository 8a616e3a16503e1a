/**
 * The edXML data model (QCVN 102:2016, REGULATIONS §2.2–2.3): what the exchange module stores and
 * sends. Dates are ISO `yyyy-MM-dd` here and `yyyy/MM/dd` on the wire; timestamps are instants here
 * and Vietnam wall-clock time on the wire.
 */

/** The QCVN 102:2016 namespace; real traffic in 2025–2026 still uses it. */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016'
/** XML-DSig namespace of the enveloped `<Signature>`. */
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#'

/** An agency (From, To, Status/From): OrganId is the QĐ 20/2020 electronic identifier. */
export type Organ = {
  organId: string
  organName: string
  organizationInCharge?: string
  organAdd?: string
  email?: string
  telephone?: string
  fax?: string
  website?: string
}

/** The document being answered (MessageHeader/ResponseFor, Status/ResponseFor). */
export type ResponseFor = {
  organId: string
  /** "number/notation", e.g. "15/UBMC-VP". */
  code: string
  /** ISO yyyy-MM-dd. */
  promulgationDate: string | null
  documentId: string
}

/** The clerk who handled the package (Bussiness/StaffInfo, Status/StaffInfo). */
export type StaffInfo = { department?: string; staff?: string; mobile?: string; email?: string }

/** MessageHeader §1.1–1.14. */
export type EdocHeader = {
  from: Organ
  to: Organ[]
  code: { codeNumber: string; codeNotation: string }
  promulgationInfo: { place: string; /** ISO yyyy-MM-dd */ promulgationDate: string }
  documentType: { type: number; typeDetail: number; typeName: string }
  subject: string
  content: string
  signerInfo: { competence: string; position: string; fullName: string }
  /** ISO yyyy-MM-dd. */
  dueDate: string | null
  toPlaces: string[]
  otherInfo: {
    priority: number
    sphereOfPromulgation: string
    typerNotation: string
    promulgationAmount: number
    pageAmount: number
    appendixes: string[]
    direction?: boolean
  }
  responseFor: ResponseFor[]
  steeringType: number
  /** `OrganId,yyyy/MM/dd,number/notation`, kept verbatim as on the wire. */
  documentId: string
}

/** Bussiness/BussinessDocType: 0 new, 1 revoke (thu hồi), 2 update (cập nhật), 3 replace (thay thế). */
export type BusinessDocType = 0 | 1 | 2 | 3
export const BUSINESS_DOC_TYPES = [0, 1, 2, 3] as const satisfies readonly BusinessDocType[]

/** TraceHeaderList/Bussiness: what this package does to the document. */
export type Business = {
  /** For update, replace and revoke: the DocumentId of the target document. */
  documentId: string | null
  type: BusinessDocType
  reason: string
  /** 1 when a paper copy also follows. */
  paper: 0 | 1
  staffInfo: StaffInfo
  replacementInfo: { documentId: string; organIds: string[] }[]
}

/** One system the package passed through. */
export type TraceHeader = { organId: string; timestamp: Date }

/** A file given to the builder; `contentId` is random when absent. */
export type AttachmentInput = {
  contentId?: string
  name: string
  description?: string
  contentType: string
  data: Uint8Array
}

/** A file read from a package, already decoded and unzipped. */
export type Attachment = {
  /** Without "cid:". */
  contentId: string
  name: string
  description: string
  /** Of the file itself, after unzipping. */
  contentType: string
  /** Decoded and unzipped. */
  data: Uint8Array
  /** Whether the package carried it zipped (and it was unzipped here). */
  zipped: boolean
  /** Lower-case hex SHA-256 of `data`. */
  sha256: string
}

export type EdocPackage = {
  kind: 'edoc'
  header: EdocHeader
  traceHeaders: TraceHeader[]
  business: Business
  attachments: Attachment[]
}

/**
 * Status codes used with QĐ 28/2018 (VPCP/VNPT SDK, Bkav eGov): 01 arrived, 02 rejected,
 * 03 accepted, 04 assigned, 05 processing, 06 finished, 13 sender takes back, 15 take-back /
 * update / recall accepted, 16 refused. 07–12 and 14 appear in no source: never invent them.
 */
export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const
export type StatusCode = (typeof STATUS_CODES)[number]

export type StatusPackage = {
  kind: 'status'
  responseFor: ResponseFor
  /** The organ sending the status. */
  from: Organ
  statusCode: StatusCode
  description: string
  timestamp: Date
  staffInfo: StaffInfo
}

export type EdxmlPackage = EdocPackage | StatusPackage

/**
 * Lengths that validators of the axis enforce (Bkav validator, S3f). Longer values are kept on
 * parse with a warning: refusing a legal document for a long summary helps nobody.
 */
export const FIELD_MAX_LENGTHS = {
  subject: 500,
  content: 500,
  toPlace: 150,
  appendix: 250,
  attachmentName: 200,
} as const
