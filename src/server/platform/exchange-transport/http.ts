/**
 * One HTTP exchange with a timeout that covers the whole reply (headers and body), and the sorting of
 * network failures into UNREACHABLE / TIMEOUT, shared by the axis and peer transports.
 */
import { TransportError } from './types.ts'

/** The `fetch` a transport uses; tests and proxies may pass their own. */
export type FetchImpl = typeof fetch

/** A reply read in full before the timeout fired. */
export type HttpReply = { status: number; contentType: string; body: Uint8Array }

/** Where a request went, for messages people can act on ("… tới http://host/sendEdoc"). */
export type Target = { url: string; label: string }

/** Send one request and read the whole reply, or throw TransportError UNREACHABLE / TIMEOUT. */
export async function exchange(
  fetchImpl: FetchImpl,
  target: Target,
  init: { headers: Record<string, string>; body: Uint8Array | string },
  timeoutMs: number,
): Promise<HttpReply> {
  // One signal for the request and the body: a server that sends headers then stalls still times out.
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    // fetch's types want an ArrayBuffer-backed view; a package sliced from a Buffer pool may not be one.
    const body = typeof init.body === 'string' ? init.body : new Uint8Array(init.body)
    const res = await fetchImpl(target.url, { method: 'POST', headers: init.headers, body, signal })
    const reply = new Uint8Array(await res.arrayBuffer())
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: reply }
  } catch (err) {
    throw networkError(err, target, timeoutMs, signal)
  }
}

function networkError(err: unknown, target: Target, timeoutMs: number, signal: AbortSignal): TransportError {
  if (err instanceof TransportError) return err
  if (signal.aborted || (err instanceof Error && err.name === 'TimeoutError')) {
    return new TransportError('TIMEOUT', {
      message: `${target.label} không trả lời trong ${timeoutMs} ms (${target.url})`,
      cause: err,
    })
  }
  // fetch rejects a malformed URL or header value with a TypeError of its own before any network
  // traffic: retrying cannot help, the configuration must change.
  if (err instanceof TypeError && err.message !== 'fetch failed') {
    return new TransportError('PROTOCOL', {
      message: `Không tạo được yêu cầu tới ${target.label} (${target.url}): ${err.message}`,
      cause: err,
    })
  }
  // Refused, reset, DNS and TLS failures all surface as "fetch failed" with the reason in `cause`.
  const reason = systemCode(err)
  return new TransportError('UNREACHABLE', {
    message: `Không kết nối được tới ${target.label} (${target.url})${reason ? `: ${reason}` : ''}`,
    cause: err,
  })
}

function systemCode(err: unknown): string {
  let e: unknown = err
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const code = (e as Error & { code?: unknown }).code
    if (typeof code === 'string') return code
    e = e.cause
  }
  return err instanceof Error ? err.message : String(err)
}

/** Parse a JSON reply body; undefined when it is not JSON at all. */
export function readJson(reply: HttpReply): unknown {
  const text = new TextDecoder().decode(reply.body)
  try {
    return JSON.parse(text) as unknown
  } catch {
    // Not JSON: the caller decides from the HTTP status (a proxy's HTML error page, a wrong endpoint).
    return undefined
  }
}

/**
 * Header values travel as Latin-1 and fetch refuses anything else; a Vietnamese secret or code typed
 * into the configuration is caught when the transport is created, not on every send.
 */
export function assertHeaderSafe(name: string, value: string): void {
  if (!/^[\x20-\x7e]*$/.test(value)) {
    throw new TransportError('AUTH', {
      message: `${name} chỉ được chứa ký tự ASCII (không dấu) để gửi trong tiêu đề HTTP`,
    })
  }
}

/** `base` without its trailing slashes, then `/path`. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}
