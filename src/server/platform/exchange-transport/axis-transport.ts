/** The national axis (VDXP or an LGSP) behind the ExchangeTransport port, over the protocol of axis-protocol.ts. */
import { z } from 'zod'
import {
  AXIS_HEADERS,
  axisError,
  ZAgency,
  ZAxisReply,
  ZReceivedEntry,
  ZSendResult,
  type AxisOperation,
} from './axis-protocol.ts'
import { assertHeaderSafe, exchange, joinUrl, readJson, type FetchImpl, type HttpReply } from './http.ts'
import {
  TransportError,
  type AgencyEntry,
  type ExchangeTransport,
  type MessageType,
  type ReceivedItem,
} from './types.ts'

export type AxisTransportOptions = {
  /** Base URL of the axis or LGSP gateway, e.g. `https://lgsp.example.gov.vn/v1`. */
  endpoint: string
  /** The system id and secret the operator issued to this agency. */
  systemId: string
  secret: string
  timeoutMs?: number
  fetchImpl?: FetchImpl
}

const LABEL = 'trục liên thông'

/** A transport that sends through the axis and polls it for packages addressed to us. */
export function createAxisTransport(options: AxisTransportOptions): ExchangeTransport {
  const { endpoint, systemId, secret, timeoutMs = 15_000, fetchImpl = fetch } = options
  assertHeaderSafe('Mã hệ thống (systemId)', systemId)
  assertHeaderSafe('Khóa bí mật (secret)', secret)

  async function call(
    operation: AxisOperation,
    body: Uint8Array | string,
    headers: Record<string, string> = {},
  ): Promise<HttpReply> {
    return exchange(
      fetchImpl,
      { url: joinUrl(endpoint, operation), label: LABEL },
      {
        headers: {
          'content-type': 'application/json',
          [AXIS_HEADERS.systemId]: systemId,
          [AXIS_HEADERS.secretKey]: secret,
          ...headers,
        },
        body,
      },
      timeoutMs,
    )
  }

  /** A JSON operation: resolves with `data` checked against `schema`, or throws the mapped error. */
  async function callJson<T>(operation: AxisOperation, payload: unknown, schema: z.ZodType<T>): Promise<T> {
    const reply = await call(operation, JSON.stringify(payload))
    return readData(reply, operation, schema)
  }

  return {
    kind: 'axis',

    async send(pkg) {
      const reply = await call('sendEdoc', pkg.bytes, {
        'content-type': 'application/xml',
        [AXIS_HEADERS.serviceType]: 'eDoc',
        [AXIS_HEADERS.messageType]: pkg.messageType,
        [AXIS_HEADERS.from]: pkg.from,
        ...(pkg.to.length ? { [AXIS_HEADERS.to]: pkg.to.join(',') } : {}),
      })
      const { docId } = readData(reply, 'sendEdoc', ZSendResult)
      return { transportId: docId }
    },

    async listReceived() {
      const lists = await Promise.all(
        (['edoc', 'status'] as const satisfies MessageType[]).map((messagetype) =>
          callJson('getReceivedEdocList', { servicetype: 'eDoc', messagetype }, ZReceivedEntry.array()),
        ),
      )
      const items: ReceivedItem[] = lists.flat().map((e) => ({
        transportId: e.docId,
        from: e.from,
        messageType: e.messagetype,
        createdAt: e.created_time,
      }))
      // Oldest first, so a status never overtakes the document it is about when both are waiting.
      return items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    },

    async fetch(transportId) {
      const reply = await call('getEdoc', JSON.stringify({ docId: transportId }))
      if (isPackage(reply)) return reply.body
      const outcome = settle(reply, 'getEdoc')
      throw outcome.isOk
        ? new TransportError('PROTOCOL', {
            message: `Trục liên thông không trả về gói tin cho mã ${transportId}`,
          })
        : outcome.error
    },

    async acknowledge(transportId, outcome) {
      await callJson('updateStatus', { docId: transportId, status: outcome }, ZAnything)
    },

    async listAgencies() {
      const agencies = await callJson('getAgenciesList', {}, ZAgency.array())
      return agencies.map((a): AgencyEntry => ({
        code: a.code,
        name: a.name,
        email: a.mail || null,
        endpoint: a.endpoint || null,
        certificatePem: a.certificate || null,
      }))
    },
  }
}

const ZAnything = z.unknown()

/**
 * getEdoc answers with the package itself. Gateways differ in the content type they give it
 * (application/xml, text/xml, application/octet-stream), so anything but JSON or an HTML page is taken.
 */
function isPackage(reply: HttpReply): boolean {
  return reply.status === 200 && !/json|html/i.test(reply.contentType)
}

/** The `data` of an OK reply, or the TransportError that the reply stands for. */
function settle(
  reply: HttpReply,
  operation: AxisOperation,
): { isOk: true; data: unknown } | { isOk: false; error: TransportError } {
  const parsed = ZAxisReply.safeParse(readJson(reply))
  if (!parsed.success) return { isOk: false, error: statusError(reply, operation) }
  const { status, ErrorCode, ErrorDesc, data } = parsed.data
  if (ErrorCode !== 0 || status.toUpperCase() !== 'OK') {
    return { isOk: false, error: axisError(ErrorCode, ErrorDesc ?? '', operation) }
  }
  return { isOk: true, data }
}

/** The `data` of an OK reply checked against `schema`, or the TransportError that the reply stands for. */
function readData<T>(reply: HttpReply, operation: AxisOperation, schema: z.ZodType<T>): T {
  const outcome = settle(reply, operation)
  if (!outcome.isOk) throw outcome.error
  const checked = schema.safeParse(outcome.data)
  if (!checked.success) {
    throw new TransportError('PROTOCOL', {
      message: `Dữ liệu trả về của ${operation} không đúng định dạng: ${checked.error.issues[0]?.message ?? ''}`,
      cause: checked.error,
    })
  }
  return checked.data
}

/** A reply that is not an axis JSON reply: only the HTTP status is left to go by. */
function statusError(reply: HttpReply, operation: AxisOperation): TransportError {
  const where = `${operation}: HTTP ${reply.status}`
  if (reply.status >= 500 || reply.status === 429) {
    return new TransportError('SERVER', { message: `Trục liên thông gặp lỗi (${where})` })
  }
  if (reply.status === 408)
    return new TransportError('TIMEOUT', { message: `Trục liên thông hết thời gian chờ (${where})` })
  if (reply.status === 401 || reply.status === 403) {
    return new TransportError('AUTH', { message: `Trục liên thông từ chối xác thực (${where})` })
  }
  return new TransportError('PROTOCOL', {
    message: `Trục liên thông trả lời không đúng giao thức (${where})`,
  })
}
