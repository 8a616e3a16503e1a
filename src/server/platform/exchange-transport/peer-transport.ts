/**
 * Direct delivery between two instances of Mekong eOffice, for agencies that agree to exchange
 * without the national axis. Push only: the other instance receives on
 * `POST {its base URL}/api/exchange/peer/packages` and answers 202 `{ id }`, or 200
 * `{ id, duplicate: true }` when it already holds the package, so resending after a lost reply is safe.
 */
import { z } from 'zod'
import { assertHeaderSafe, exchange, joinUrl, readJson, type FetchImpl } from './http.ts'
import { TransportError, type ExchangeTransport } from './types.ts'

export type PeerTransportOptions = {
  /** Our organ code, sent as X-Edxml-From. */
  ownCode: string
  /** Base URL of the recipient's instance (from the agency directory), or null when it has none. */
  resolveEndpoint: (code: string) => Promise<string | null>
  timeoutMs?: number
  fetchImpl?: FetchImpl
}

/** The receiving route, relative to the other instance's base URL. */
export const PEER_PACKAGES_PATH = 'api/exchange/peer/packages'

/** The headers of a peer delivery (the receiving route reads the same names). */
export const PEER_HEADERS = { from: 'X-Edxml-From', messageType: 'X-Edxml-Message-Type' } as const

/** Multi-recipient transport ids are the receivers' ids joined by this, in recipient order. */
export const PEER_ID_SEPARATOR = ','

const ZAccepted = z.object({ id: z.union([z.string().min(1), z.number()]).transform(String) })
/** Our own error body is `{ error: { code, message } }`; the peer contract says `{ code, message }`. Read both. */
const ZRefusal = z.union([
  z.object({ code: z.string(), message: z.string().optional() }),
  z
    .object({ error: z.object({ code: z.string(), message: z.string().optional() }) })
    .transform((b) => b.error),
])

const AUTH_CODES = new Set([
  'AUTH',
  'UNAUTHENTICATED',
  'NOT_ALLOWED',
  'CERTIFICATE_INVALID',
  'SIGNATURE_INVALID',
])
const UNKNOWN_CODES = new Set(['UNKNOWN_RECIPIENT', 'NOT_FOUND', 'RECIPIENT_NOT_FOUND'])

/** A transport that POSTs each package straight to every recipient's own instance. */
export function createPeerTransport(options: PeerTransportOptions): ExchangeTransport {
  const { ownCode, resolveEndpoint, timeoutMs = 15_000, fetchImpl = fetch } = options
  assertHeaderSafe('Mã định danh đơn vị', ownCode)

  async function deliver(
    code: string,
    bytes: Uint8Array,
    messageType: string,
    documentId: string,
  ): Promise<string> {
    const base = await resolveEndpoint(code)
    if (!base) {
      throw new TransportError('UNKNOWN_RECIPIENT', {
        message: `Đơn vị ${code} chưa có địa chỉ nhận văn bản trực tiếp (liên thông ngang hàng)`,
      })
    }
    const target = { url: joinUrl(base, PEER_PACKAGES_PATH), label: `hệ thống của đơn vị ${code}` }
    const reply = await exchange(
      fetchImpl,
      target,
      {
        headers: {
          'content-type': 'application/xml',
          [PEER_HEADERS.from]: ownCode,
          [PEER_HEADERS.messageType]: messageType,
        },
        body: bytes,
      },
      timeoutMs,
    )
    const json = readJson(reply)
    if (reply.status >= 200 && reply.status < 300) {
      const accepted = ZAccepted.safeParse(json)
      if (accepted.success) return accepted.data.id
      throw new TransportError('PROTOCOL', {
        message: `Hệ thống của đơn vị ${code} nhận gói tin ${documentId} nhưng không trả mã tiếp nhận`,
      })
    }
    throw refusal(code, documentId, reply.status, json)
  }

  return {
    kind: 'peer',

    async send(pkg) {
      const recipients = [...new Set(pkg.to)]
      if (recipients.length === 0) {
        throw new TransportError('UNKNOWN_RECIPIENT', {
          message: `Gói tin ${pkg.documentId} không có đơn vị nhận`,
        })
      }
      const outcomes = await Promise.allSettled(
        recipients.map((code) => deliver(code, pkg.bytes, pkg.messageType, pkg.documentId)),
      )
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [asTransportError(o.reason)] : []))
      // A retryable failure wins: the retry resends to everyone, those who already have it answer
      // "duplicate", and what is left converges on the permanent failures alone.
      const failure = failures.find((e) => e.retryable) ?? failures[0]
      if (failure) throw failure
      const ids = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : ''))
      return { transportId: ids.join(PEER_ID_SEPARATOR) }
    },

    async listReceived() {
      return []
    },

    async fetch(transportId) {
      throw new TransportError('PROTOCOL', {
        message: `Liên thông ngang hàng chỉ nhận gói tin được gửi đến, không tải về được ${transportId}`,
      })
    },

    async acknowledge() {
      // Nothing to acknowledge: the receiver's 202 reply was the acknowledgement.
    },

    async listAgencies() {
      return []
    },
  }
}

function asTransportError(reason: unknown): TransportError {
  if (reason instanceof TransportError) return reason
  return new TransportError('PROTOCOL', {
    message: `Lỗi không xác định khi gửi trực tiếp: ${reason instanceof Error ? reason.message : String(reason)}`,
    cause: reason,
  })
}

/** A non-2xx reply from the receiving instance, sorted by HTTP status and the receiver's error code. */
function refusal(code: string, documentId: string, status: number, json: unknown): TransportError {
  const parsed = ZRefusal.safeParse(json)
  const theirCode = parsed.success ? parsed.data.code : ''
  const reason = parsed.success && parsed.data.message ? `: ${parsed.data.message}` : ''
  const where = `đơn vị ${code}, gói tin ${documentId}, HTTP ${status}${theirCode ? ` ${theirCode}` : ''}`
  if (status >= 500 || status === 429) {
    return new TransportError('SERVER', {
      message: `Hệ thống của ${where} tạm thời không nhận được${reason}`,
    })
  }
  if (status === 408)
    return new TransportError('TIMEOUT', { message: `Hết thời gian chờ (${where})${reason}` })
  if (status === 401 || status === 403 || AUTH_CODES.has(theirCode)) {
    return new TransportError('AUTH', {
      message: `Hệ thống nhận không chấp nhận đơn vị gửi (${where})${reason}`,
    })
  }
  if (status === 404 || UNKNOWN_CODES.has(theirCode)) {
    return new TransportError('UNKNOWN_RECIPIENT', {
      message: `Hệ thống nhận không phục vụ đơn vị này (${where})${reason}`,
    })
  }
  if (status === 409 && /DUPLICATE/.test(theirCode)) {
    return new TransportError('DUPLICATE', { message: `Đơn vị nhận đã có gói tin này (${where})${reason}` })
  }
  return new TransportError('REJECTED', { message: `Hệ thống nhận từ chối gói tin (${where})${reason}` })
}
