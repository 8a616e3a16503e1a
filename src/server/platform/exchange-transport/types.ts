/**
 * The exchange transport port: how an edXML package (REGULATIONS §2.4) leaves this system and how
 * packages addressed to us are found. The exchange module's outbox depends only on this file, so the
 * national axis, a direct peer link or a test double can be swapped by configuration.
 */

/** "edoc" carries a document (new, update, replacement, revocation); "status" carries feedback 01–16. */
export type MessageType = 'edoc' | 'status'

/** One built and signed package, ready to hand to a transport. */
export type OutgoingPackage = {
  bytes: Uint8Array
  messageType: MessageType
  /** Organ code of the sender (the package's From/OrganId). */
  from: string
  /** Organ codes of the recipients; the axis reads them from the package itself, the peer link uses them. */
  to: string[]
  /** The edXML DocumentId, only for messages and logs. */
  documentId: string
}

/** A package waiting for us on the transport, not yet downloaded and acknowledged. */
export type ReceivedItem = { transportId: string; from: string; messageType: MessageType; createdAt: Date }

/** One entry of the directory of connected agencies (the axis's getAgenciesList). */
export type AgencyEntry = {
  code: string
  name: string
  email: string | null
  /** Base URL of the agency's own Mekong eOffice instance, when it accepts direct (peer) delivery. */
  endpoint: string | null
  /** The agency's signing certificate, to verify the XML-DSig of the packages it sends. */
  certificatePem: string | null
}

/** The port every transport implements. All failures are TransportError. */
export type ExchangeTransport = {
  readonly kind: 'axis' | 'peer'
  /** Hand one package to the transport; resolves with the transport's id for it. */
  send(pkg: OutgoingPackage): Promise<{ transportId: string }>
  /** Packages waiting for us (edoc and status); the peer transport is push-only and returns []. */
  listReceived(): Promise<ReceivedItem[]>
  /** Download one waiting package, byte for byte as the sender built it. */
  fetch(transportId: string): Promise<Uint8Array>
  /** Transport-level acknowledgement that we pulled it ("done") or could not use it ("fail"). */
  acknowledge(transportId: string, outcome: 'done' | 'fail'): Promise<void>
  /** The directory of connected agencies (the axis's getAgenciesList); the peer transport returns []. */
  listAgencies(): Promise<AgencyEntry[]>
}

/** The coded failures of a transport; `retryable` tells the outbox whether trying later can help. */
export const TRANSPORT_ERROR_CODES = [
  'UNREACHABLE',
  'TIMEOUT',
  'AUTH',
  'UNKNOWN_RECIPIENT',
  'SENDER_NOT_REGISTERED',
  'REJECTED',
  'DUPLICATE',
  'PROTOCOL',
  'SERVER',
] as const
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number]

/**
 * Network trouble, timeouts and server faults pass; a wrong secret, an unknown recipient or a refused
 * package stay wrong until a person acts. PROTOCOL (a reply we cannot read) means a misconfigured
 * endpoint more often than a passing fault, so it is not retried either.
 */
const RETRYABLE: Record<TransportErrorCode, boolean> = {
  UNREACHABLE: true,
  TIMEOUT: true,
  SERVER: true,
  AUTH: false,
  UNKNOWN_RECIPIENT: false,
  SENDER_NOT_REGISTERED: false,
  REJECTED: false,
  DUPLICATE: false,
  PROTOCOL: false,
}

const MESSAGES: Record<TransportErrorCode, string> = {
  UNREACHABLE: 'Không kết nối được tới hệ thống liên thông',
  TIMEOUT: 'Hệ thống liên thông không trả lời kịp thời',
  AUTH: 'Hệ thống liên thông từ chối thông tin xác thực (mã hệ thống hoặc khóa bí mật)',
  UNKNOWN_RECIPIENT: 'Đơn vị nhận không tồn tại trên hệ thống liên thông',
  SENDER_NOT_REGISTERED: 'Đơn vị gửi chưa được đăng ký cho hệ thống này',
  REJECTED: 'Hệ thống liên thông từ chối gói tin',
  DUPLICATE: 'Gói tin đã được gửi trước đó',
  PROTOCOL: 'Hệ thống liên thông trả lời không đúng giao thức',
  SERVER: 'Hệ thống liên thông gặp lỗi, sẽ thử lại sau',
}

/** A transport failure: a code for the outbox, a Vietnamese message for people, the axis's own code if any. */
export class TransportError extends Error {
  readonly code: TransportErrorCode
  readonly retryable: boolean
  /** The axis ErrorCode (LGSP table: 10, 15, 18 …) when the axis gave one. */
  readonly axisCode: number | undefined

  constructor(
    code: TransportErrorCode,
    options: { message?: string; axisCode?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(
      options.message ?? MESSAGES[code],
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'TransportError'
    this.code = code
    this.retryable = options.retryable ?? RETRYABLE[code]
    this.axisCode = options.axisCode
  }
}

/** The default Vietnamese message of a code, for callers that add their own context. */
export function transportMessage(code: TransportErrorCode): string {
  return MESSAGES[code]
}
