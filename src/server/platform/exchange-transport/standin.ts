/**
 * A local stand-in for the national axis, speaking the protocol of axis-protocol.ts, so that tests
 * and demos can run two instances of the system against each other without VPCP's network. It keeps
 * the rules that matter to a sender: credentials, sender = registered organ = package From, known
 * recipients, conforming packages; and to a recipient: its own list, get, acknowledge.
 */
import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  AXIS_CODES,
  AXIS_HEADERS,
  ZGetEdocRequest,
  ZMessageType,
  ZReceivedListRequest,
  ZUpdateStatusRequest,
  type AxisCode,
} from './axis-protocol.ts'
import { openStandinStore, type StandinStore } from './standin-store.ts'
import type { AgencyEntry } from './types.ts'

/** One connected system: the credentials the operator issued and the organ they belong to. */
export type StandinSystem = { systemId: string; secret: string; organId: string }

export type AxisStandinOptions = {
  /** 0 (the default) picks a free port; give the same port to restart in place. */
  port?: number
  host?: string
  systems: StandinSystem[]
  /** The directory served by getAgenciesList; the systems' organs are added when missing. */
  agencies?: AgencyEntry[]
  /** Reads a package's sender and recipients (the exchange module passes edxml's inspectRoute); throws when it cannot. */
  route: (bytes: Uint8Array) => Promise<{ from: string; to: string[] }>
  /** Largest package accepted, in bytes (default 64 MiB). */
  maxBytes?: number
  /** Keep held packages in this folder, so a restart loses nothing; in memory when absent. */
  dataDir?: string
  /** Told about faults inside the stand-in (answered as code 20); the CLI logs them. */
  onError?: (err: unknown) => void
}

/** Counters since start, for tests and the CLI's log. */
export type AxisStandinStats = {
  requests: number
  accepted: number
  duplicates: number
  /** FAIL replies of every kind (auth, unknown recipient, non-conforming …). */
  refused: number
  delivered: number
  failed: number
  held: number
}

export type AxisStandin = {
  url: string
  /** Stops accepting, cuts open connections, and waits for requests in progress to finish writing. Idempotent. */
  close(): Promise<void>
  stats(): AxisStandinStats
  /** Packages waiting for this organ (edoc and status). */
  pending(organId: string): number
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

type Reply =
  | { kind: 'json'; httpStatus: number; code: AxisCode; desc: string; data?: unknown }
  | { kind: 'bytes'; body: Uint8Array }

type Request = { system: StandinSystem; headers: IncomingMessage['headers']; body: Buffer }

const ok = (data: unknown): Reply => ({ kind: 'json', httpStatus: 200, code: AXIS_CODES.OK, desc: '', data })
const fail = (httpStatus: number, code: AxisCode, desc: string): Reply => ({
  kind: 'json',
  httpStatus,
  code,
  desc,
})

/** Start a stand-in axis and resolve once it listens. */
export async function startAxisStandin(options: AxisStandinOptions): Promise<AxisStandin> {
  const { systems, route, maxBytes = DEFAULT_MAX_BYTES } = options
  const store = await openStandinStore(options.dataDir)
  const directory = agencyDirectory(options.agencies ?? [], systems)
  const known = new Set(directory.map((a) => a.code))
  const counters = { requests: 0, accepted: 0, duplicates: 0, refused: 0, delivered: 0, failed: 0 }

  const operations: Record<string, (req: Request) => Promise<Reply>> = {
    getAgenciesList: async () => ok(directory),
    sendEdoc: (req) => sendEdoc(req, { store, route, known, counters }),
    getReceivedEdocList: async ({ system, body }) => {
      const input = ZReceivedListRequest.safeParse(parseJson(body))
      if (!input.success) return fail(400, AXIS_CODES.INVALID_FILE, 'Yêu cầu không hợp lệ')
      const items = store.list(system.organId, input.data.messagetype).map((e) => ({
        docId: e.docId,
        from: e.from,
        messagetype: e.messageType,
        created_time: e.createdAt.toISOString(),
      }))
      return ok(items)
    },
    getEdoc: async ({ system, body }) => {
      const input = ZGetEdocRequest.safeParse(parseJson(body))
      if (!input.success) return fail(400, AXIS_CODES.INVALID_FILE, 'Thiếu docId')
      const bytes = await store.read(system.organId, input.data.docId)
      if (!bytes)
        return fail(404, AXIS_CODES.INVALID_FILE, `Không có gói tin ${input.data.docId} cho đơn vị này`)
      return { kind: 'bytes', body: bytes }
    },
    updateStatus: async ({ system, body }) => {
      const input = ZUpdateStatusRequest.safeParse(parseJson(body))
      if (!input.success) return fail(400, AXIS_CODES.INVALID_FILE, 'Thiếu docId hoặc trạng thái (done/fail)')
      const isReleased = await store.release(system.organId, input.data.docId)
      if (!isReleased)
        return fail(404, AXIS_CODES.INVALID_FILE, `Không có gói tin ${input.data.docId} cho đơn vị này`)
      counters[input.data.status === 'done' ? 'delivered' : 'failed']++
      return ok(null)
    },
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counters.requests++
    // Read the whole body before answering, even to refuse: answering mid-upload would show the sender
    // a reset connection (retryable) instead of the real, final answer.
    const body = await readBody(req, maxBytes)
    const reply = await decide(req, body)
    if (reply.kind === 'json' && reply.code !== AXIS_CODES.OK) counters.refused++
    send(res, reply)
  }

  async function decide(req: IncomingMessage, body: Buffer | null): Promise<Reply> {
    const operation = new URL(req.url ?? '/', 'http://standin').pathname.split('/').pop() ?? ''
    const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined
    if (req.method !== 'POST' || !run)
      return fail(404, AXIS_CODES.INVALID_FILE, `Không có thao tác ${operation}`)
    const system = authenticate(systems, req.headers)
    if (!system) return fail(401, AXIS_CODES.BAD_CREDENTIALS, 'Sai mã hệ thống hoặc khóa bí mật')
    if (!body) return fail(413, AXIS_CODES.INVALID_FILE, `Gói tin vượt quá ${maxBytes} byte`)
    try {
      return await run({ system, headers: req.headers, body })
    } catch (err) {
      options.onError?.(err)
      return fail(500, AXIS_CODES.SERVER_ERROR, 'Lỗi máy chủ trục liên thông')
    }
  }

  const inFlight = new Set<Promise<void>>()
  const server = createServer((req, res) => {
    const job = handle(req, res).catch((err: unknown) => {
      // The connection broke while reading or writing; the client already sees that as a network error.
      options.onError?.(err)
      res.destroy()
    })
    inFlight.add(job)
    void job.finally(() => inFlight.delete(job))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { address, port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  const host = address.includes(':') ? `[${address}]` : address

  return {
    url: `http://${host}:${port}`,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve, reject) =>
          server.close((err) => (err ? reject(err) : resolve())),
        )
        server.closeAllConnections()
        await Promise.allSettled([...inFlight])
        await closed
      })()
      return closing
    },
    stats: () => ({ ...counters, held: store.heldCount() }),
    pending: (organId) => store.pending(organId),
  }
}

async function sendEdoc(
  { system, headers, body }: Request,
  ctx: {
    store: StandinStore
    route: AxisStandinOptions['route']
    known: Set<string>
    counters: { accepted: number; duplicates: number }
  },
): Promise<Reply> {
  const serviceType = header(headers, AXIS_HEADERS.serviceType)
  if (serviceType && serviceType.toLowerCase() !== 'edoc') {
    return fail(400, AXIS_CODES.INVALID_FILE, `Loại dịch vụ không hỗ trợ: ${serviceType}`)
  }
  const messageType = ZMessageType.safeParse(header(headers, AXIS_HEADERS.messageType))
  if (!messageType.success)
    return fail(400, AXIS_CODES.INVALID_FILE, 'Thiếu hoặc sai X-Messagetype (edoc/status)')
  const declared = header(headers, AXIS_HEADERS.from)
  if (declared !== system.organId) {
    return fail(
      400,
      AXIS_CODES.SENDER_NOT_REGISTERED,
      `Đơn vị gửi ${declared ?? '(trống)'} không phải đơn vị của hệ thống này`,
    )
  }
  if (body.length === 0) return fail(400, AXIS_CODES.INVALID_FILE, 'Gói tin rỗng')
  let routing: { from: string; to: string[] }
  try {
    routing = await ctx.route(body)
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    return fail(400, AXIS_CODES.NOT_CONFORMING, `Gói tin edXML không đúng chuẩn: ${reason}`)
  }
  if (routing.from !== system.organId) {
    return fail(
      400,
      AXIS_CODES.SENDER_NOT_REGISTERED,
      `Đơn vị gửi trong gói tin (${routing.from}) khác đơn vị của hệ thống`,
    )
  }
  const declaredTo = header(headers, AXIS_HEADERS.to)
  const recipients = [
    ...new Set(
      declaredTo
        ? declaredTo
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : routing.to,
    ),
  ]
  if (recipients.length === 0) return fail(400, AXIS_CODES.NOT_CONFORMING, 'Gói tin không có đơn vị nhận')
  const unknown = recipients.filter((code) => !ctx.known.has(code))
  if (unknown.length > 0) {
    return fail(400, AXIS_CODES.RECIPIENT_NOT_FOUND, `Đơn vị nhận không tồn tại: ${unknown.join(', ')}`)
  }
  const { docId, isDuplicate } = await ctx.store.add({
    bytes: body,
    from: system.organId,
    messageType: messageType.data,
    recipients,
  })
  ctx.counters[isDuplicate ? 'duplicates' : 'accepted']++
  return ok({ docId })
}

function agencyDirectory(agencies: AgencyEntry[], systems: StandinSystem[]) {
  const listed = new Set(agencies.map((a) => a.code))
  const extra = systems
    .filter((s) => !listed.has(s.organId))
    .map((s): AgencyEntry => ({
      code: s.organId,
      name: s.organId,
      email: null,
      endpoint: null,
      certificatePem: null,
    }))
  return [...agencies, ...extra].map((a) => ({
    code: a.code,
    name: a.name,
    mail: a.email ?? '',
    ...(a.endpoint ? { endpoint: a.endpoint } : {}),
    ...(a.certificatePem ? { certificate: a.certificatePem } : {}),
  }))
}

function header(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** The system whose id and secret match; the secret is compared in constant time. */
function authenticate(systems: StandinSystem[], headers: IncomingMessage['headers']): StandinSystem | null {
  const system = systems.find((s) => s.systemId === header(headers, AXIS_HEADERS.systemId))
  const given = Buffer.from(header(headers, AXIS_HEADERS.secretKey) ?? '')
  if (!system) return null
  const expected = Buffer.from(system.secret)
  return given.length === expected.length && timingSafeEqual(given, expected) ? system : null
}

/** The whole body, or null when it is larger than `maxBytes` (the rest is still read and dropped). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= maxBytes) chunks.push(chunk)
  }
  return size > maxBytes ? null : Buffer.concat(chunks)
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {}
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    // Unreadable JSON is answered as an invalid request by the schema check that follows.
    return null
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.kind === 'bytes') {
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': reply.body.length })
    res.end(reply.body)
    return
  }
  const body = JSON.stringify({
    status: reply.code === AXIS_CODES.OK ? 'OK' : 'FAIL',
    ErrorCode: reply.code,
    ErrorDesc: reply.desc,
    data: reply.data ?? null,
  })
  res.writeHead(reply.httpStatus, { 'content-type': 'application/json; charset=utf-8' })
  res.end(body)
}
