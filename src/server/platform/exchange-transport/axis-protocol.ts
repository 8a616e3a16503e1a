/**
 * The HTTP protocol this system speaks to the national document exchange axis (VDXP) or a provincial
 * or ministerial LGSP, and that the stand-in (`standin.ts`) speaks back. The production REST shape of
 * VDXP is not public; this one follows the operations of the vendor SDKs and the Lạng Sơn LGSP
 * (REGULATIONS §2.4), so only this file and `axis-transport.ts` change when the real one is known.
 *
 * Every call is `POST {endpoint}/{operation}` with the headers
 *   X-SystemId: <systemId issued by the operator>    X-SecretKey: <its secret>
 * A JSON reply is `{ status: 'OK' | 'FAIL', ErrorCode: number, ErrorDesc: string, data }`.
 * The axis may answer FAIL with HTTP 200 or with an error status: the ErrorCode decides, and the
 * HTTP status is only read when the body is not such a reply (a proxy page, a wrong URL).
 *
 * Operations
 * - `getAgenciesList`, body `{}` → data `[{ code, name, mail, endpoint?, certificate? }]`.
 * - `sendEdoc`, body = the raw package (`Content-Type: application/xml`), headers
 *   `X-Servicetype: eDoc`, `X-Messagetype: edoc | status`, `X-From: <organ code>`. X-From must be the
 *   organ the system id is registered for, and the package's own sender. → data `{ docId }`.
 *   The axis reads the recipients from the package; one unknown recipient refuses the whole package.
 *   `X-To: code,code`, when given, names them instead: a status package names only the document's
 *   issuer (ResponseFor), so a recall request (13) from the issuer must say to whom it goes.
 * - `getReceivedEdocList`, body `{ servicetype: 'eDoc', messagetype: 'edoc' | 'status' }`
 *   → data `[{ docId, from, messagetype, created_time }]`, created_time in ISO 8601.
 * - `getEdoc`, body `{ docId }` → the raw package (`Content-Type: application/xml`), or a JSON FAIL.
 * - `updateStatus`, body `{ docId, status: 'done' | 'fail' }` → the item leaves the caller's list.
 *   This is the transport acknowledgement, not the business status codes 01–16 (those travel as
 *   "status" packages through sendEdoc).
 *
 * Error codes (the Lạng Sơn LGSP table): 0 OK, 10 invalid file, 15 wrong systemId/secret,
 * 18 recipient does not exist, 19 sender not registered, 20 server error, 21 file processing error,
 * 22 edXML does not conform, 23 recipient locked. The stand-in also answers 10 for a docId that is not
 * in the caller's list and for a request it cannot read.
 */
import { z } from 'zod'
import { TransportError, type TransportErrorCode } from './types.ts'

/** The operation names, which are also the last path segment of each call. */
export const AXIS_OPERATIONS = [
  'getAgenciesList',
  'sendEdoc',
  'getReceivedEdocList',
  'getEdoc',
  'updateStatus',
] as const
export type AxisOperation = (typeof AXIS_OPERATIONS)[number]

/** Header names (HTTP headers are case-insensitive; node lower-cases them on the server side). */
export const AXIS_HEADERS = {
  systemId: 'X-SystemId',
  secretKey: 'X-SecretKey',
  serviceType: 'X-Servicetype',
  messageType: 'X-Messagetype',
  from: 'X-From',
  to: 'X-To',
} as const

/** The axis ErrorCode values of the LGSP table. */
export const AXIS_CODES = {
  OK: 0,
  INVALID_FILE: 10,
  BAD_CREDENTIALS: 15,
  RECIPIENT_NOT_FOUND: 18,
  SENDER_NOT_REGISTERED: 19,
  SERVER_ERROR: 20,
  FILE_PROCESSING_ERROR: 21,
  NOT_CONFORMING: 22,
  RECIPIENT_LOCKED: 23,
} as const
export type AxisCode = (typeof AXIS_CODES)[keyof typeof AXIS_CODES]

/**
 * What each axis code means for the outbox. 21 ("file processing error") is a fault inside the axis
 * while it stores or unpacks a package we already validated, so it is retried like 20; a locked
 * recipient waits for the operator, so it is not.
 */
const AXIS_CODE_MAP: Record<number, { code: TransportErrorCode; message: string }> = {
  10: { code: 'REJECTED', message: 'Trục liên thông báo tệp gói tin không hợp lệ' },
  15: { code: 'AUTH', message: 'Trục liên thông từ chối mã hệ thống (systemId) hoặc khóa bí mật' },
  18: { code: 'UNKNOWN_RECIPIENT', message: 'Đơn vị nhận không tồn tại trên trục liên thông' },
  19: { code: 'SENDER_NOT_REGISTERED', message: 'Đơn vị gửi chưa được đăng ký cho hệ thống này trên trục' },
  20: { code: 'SERVER', message: 'Trục liên thông gặp lỗi máy chủ' },
  21: { code: 'SERVER', message: 'Trục liên thông gặp lỗi khi xử lý tệp gói tin' },
  22: { code: 'REJECTED', message: 'Gói tin edXML không đúng chuẩn theo trục liên thông' },
  23: { code: 'REJECTED', message: 'Đơn vị nhận đang bị khóa trên trục liên thông' },
}

/** Turn an axis FAIL reply into a TransportError; the axis's own description is kept for people. */
export function axisError(axisCode: number, description: string, operation: string): TransportError {
  const known = AXIS_CODE_MAP[axisCode]
  const detail = description.trim() ? `: ${description.trim()}` : ''
  if (!known) {
    return new TransportError('PROTOCOL', {
      axisCode,
      message: `Trục liên thông trả mã lỗi không xác định ${axisCode} cho ${operation}${detail}`,
    })
  }
  return new TransportError(known.code, { axisCode, message: `${known.message} (mã ${axisCode})${detail}` })
}

/** A JSON reply. ErrorCode is read leniently: some gateways send it as a string ("0"). */
export const ZAxisReply = z.object({
  status: z.string(),
  ErrorCode: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  ErrorDesc: z.string().nullish(),
  data: z.unknown().optional(),
})
export type TAxisReply = z.infer<typeof ZAxisReply>

export const ZMessageType = z.enum(['edoc', 'status'])

export const ZAgency = z.object({
  code: z.string().min(1),
  name: z.string(),
  mail: z.string().nullish(),
  endpoint: z.string().nullish(),
  certificate: z.string().nullish(),
})

export const ZSendResult = z.object({ docId: z.string().min(1) })

/**
 * Read created_time. The protocol says ISO 8601; gateways are also seen sending epoch milliseconds, a
 * time without zone (which, on a Vietnamese axis, is Vietnam time, UTC+7) or edXML's
 * `yyyy/MM/dd HH:mm:ss`. Null when it is none of these.
 */
export function readAxisTime(value: string | number): Date | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : null
  const local = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(value.trim())
  const text = local ? `${local[1]}-${local[2]}-${local[3]}T${local[4]}+07:00` : value
  if (!local && !/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null
  const date = new Date(text)
  return Number.isNaN(date.getTime()) ? null : date
}

export const ZReceivedEntry = z.object({
  docId: z.string().min(1),
  from: z.string(),
  messagetype: ZMessageType,
  created_time: z.union([z.string(), z.number()]).transform((value, ctx) => {
    const date = readAxisTime(value)
    if (!date) ctx.addIssue({ code: 'custom', message: `created_time không hợp lệ: ${value}` })
    return date ?? new Date(0)
  }),
})
export type TReceivedEntry = z.infer<typeof ZReceivedEntry>

/** Request bodies, checked by the stand-in. */
export const ZReceivedListRequest = z.object({
  servicetype: z.string().optional(),
  messagetype: ZMessageType.optional(),
})
export const ZGetEdocRequest = z.object({ docId: z.string().min(1) })
export const ZUpdateStatusRequest = z.object({ docId: z.string().min(1), status: z.enum(['done', 'fail']) })
