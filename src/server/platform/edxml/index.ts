/**
 * edXML packages of QCVN 102:2016 (REGULATIONS §2.2–2.3): build and sign what we send, parse and
 * verify what we receive. No HTTP, no database: the exchange module and the transports call it.
 */
export type {
  Attachment,
  AttachmentInput,
  Business,
  BusinessDocType,
  EdocHeader,
  EdocPackage,
  EdxmlPackage,
  Organ,
  ResponseFor,
  StaffInfo,
  StatusCode,
  StatusPackage,
  TraceHeader,
} from './model.ts'
export { BUSINESS_DOC_TYPES, DSIG_NS, EDXML_NS, FIELD_MAX_LENGTHS, STATUS_CODES } from './model.ts'
export {
  DEFAULT_LIMITS,
  EDXML_ERROR_CODES,
  EdxmlError,
  type EdxmlErrorCode,
  type EdxmlLimits,
  type EdxmlWarning,
} from './errors.ts'
export { buildEdoc, buildStatus, type BuildOptions, type EdocInput, type StatusInput } from './build.ts'
export { inspectRoute, parseEdxml, type EdxmlRoute, type ParsedEdxml, type ParseOptions } from './parse.ts'
export type { SignatureCheck } from './verify-signature.ts'
export { guessContentType } from './attachments.ts'
export { toWireDate, toWireTimestamp, readWireDate, readWireTimestamp } from './wire-dates.ts'
export { inspectPackage, type PackageReport } from './inspect.ts'
