/**
 * Which transport reaches an agency: its own endpoint in the directory (a direct peer link between
 * two instances of this system), else the national axis when configured. Built per call from the
 * configuration; tests and the stand-in axis point them at loopback.
 */
import type { Config } from '../../config.ts'
import {
  createAxisTransport,
  createPeerTransport,
  TransportError,
  type ExchangeTransport,
} from '../../platform/exchange-transport/index.ts'

export type Route = { kind: 'axis' | 'peer'; transport: ExchangeTransport }

export function axisTransport(config: Config): ExchangeTransport | null {
  const axis = config.exchange.axis
  if (!axis) return null
  return createAxisTransport({
    endpoint: axis.url,
    systemId: axis.systemId,
    secret: axis.secret,
    timeoutMs: config.exchange.timeoutMs,
  })
}

/** The route to one agency, or a TransportError saying why there is none (retryable: the admin may fix it). */
export function routeTo(
  config: Config,
  ownCode: string,
  recipient: { code: string; endpoint: string | null },
): Route {
  if (recipient.endpoint) {
    const endpoint = recipient.endpoint.replace(/\/+$/, '')
    return {
      kind: 'peer',
      transport: createPeerTransport({
        ownCode,
        resolveEndpoint: async (code) => (code === recipient.code ? endpoint : null),
        timeoutMs: config.exchange.timeoutMs,
      }),
    }
  }
  const axis = axisTransport(config)
  if (axis) return { kind: 'axis', transport: axis }
  throw new TransportError('UNKNOWN_RECIPIENT', {
    message:
      'Cơ quan nhận chưa có địa chỉ liên thông trong danh bạ và hệ thống chưa kết nối trục liên thông văn bản quốc gia',
    retryable: true,
  })
}
