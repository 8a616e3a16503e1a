/**
 * Exchange transports (issue: electronic document exchange). No database and no edXML parsing here:
 * the exchange module's outbox hands over built packages and polls for received ones through the
 * ExchangeTransport port; the national axis, a direct peer link, and a local stand-in axis plug in.
 */
export {
  TransportError,
  TRANSPORT_ERROR_CODES,
  transportMessage,
  type AgencyEntry,
  type ExchangeTransport,
  type MessageType,
  type OutgoingPackage,
  type ReceivedItem,
  type TransportErrorCode,
} from './types.ts'
export { AXIS_CODES, AXIS_HEADERS, AXIS_OPERATIONS, axisError, type AxisOperation } from './axis-protocol.ts'
export { createAxisTransport, type AxisTransportOptions } from './axis-transport.ts'
export {
  createPeerTransport,
  PEER_HEADERS,
  PEER_ID_SEPARATOR,
  PEER_PACKAGES_PATH,
  type PeerTransportOptions,
} from './peer-transport.ts'
export {
  startAxisStandin,
  type AxisStandin,
  type AxisStandinOptions,
  type AxisStandinStats,
  type StandinSystem,
} from './standin.ts'
export type { FetchImpl } from './http.ts'
