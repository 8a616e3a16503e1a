import type { IncomingHttpHeaders } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createPeerTransport, PEER_PACKAGES_PATH } from './peer-transport.ts'
import { closedPort, fakePackage, startTestServer, type TestServer } from './test-support.ts'
import { TransportError, type OutgoingPackage } from './types.ts'

const VNMC = '000.00.00.G38'

type Behaviour = { status: number; type?: string; body: string } | 'silent'

/** The receiving instances: each recipient code is a path prefix on one test server, with a scripted reply. */
const behaviours = new Map<string, Behaviour>()
const received: { code: string; url: string; headers: IncomingHttpHeaders; body: Buffer }[] = []
let peers: TestServer

beforeAll(async () => {
  peers = await startTestServer((req, res, body) => {
    const code = (req.url ?? '').split('/')[1] ?? ''
    received.push({ code, url: req.url ?? '', headers: req.headers, body })
    const behaviour = behaviours.get(code) ?? { status: 500, body: '{}' }
    if (behaviour === 'silent') return
    res.writeHead(behaviour.status, { 'content-type': behaviour.type ?? 'application/json' })
    res.end(behaviour.body)
  })
})
afterAll(async () => {
  await peers.close()
})
beforeEach(() => {
  behaviours.clear()
  received.length = 0
})

function transport(endpoints: Record<string, string | null> = {}, timeoutMs = 2_000) {
  return createPeerTransport({
    ownCode: VNMC,
    // By default every code is served by the test server under its own prefix.
    resolveEndpoint: async (code) =>
      code in endpoints ? (endpoints[code] ?? null) : `${peers.url}/${code}/`,
    timeoutMs,
  })
}

function pkg(to: string[], messageType: 'edoc' | 'status' = 'edoc'): OutgoingPackage {
  return {
    bytes: fakePackage(VNMC, to),
    messageType,
    from: VNMC,
    to,
    documentId: `${VNMC},2026/01/05,7/UBSMC-VP`,
  }
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(TransportError)
  return err as TransportError
}

describe('peer transport', () => {
  it('POSTs the raw package with the sender and message type, and returns the receiver id (202)', async () => {
    behaviours.set('b', { status: 202, body: '{"id":"in-123"}' })
    const outgoing = pkg(['b'], 'status')
    expect(await transport().send(outgoing)).toEqual({ transportId: 'in-123' })
    expect(received).toHaveLength(1)
    const [request] = received
    expect(request!.url).toBe(`/b/${PEER_PACKAGES_PATH}`)
    expect(request!.headers['content-type']).toBe('application/xml')
    expect(request!.headers['x-edxml-from']).toBe(VNMC)
    expect(request!.headers['x-edxml-message-type']).toBe('status')
    expect(new Uint8Array(request!.body)).toEqual(outgoing.bytes)
  })

  it('treats 200 duplicate as delivered, and joins the ids of several recipients in order', async () => {
    behaviours.set('b', { status: 200, body: '{"id":"old-7","duplicate":true}' })
    behaviours.set('c', { status: 202, body: '{"id":42}' })
    expect(await transport().send(pkg(['b', 'c', 'b']))).toEqual({ transportId: 'old-7,42' })
    expect(received.map((r) => r.code).sort()).toEqual(['b', 'c'])
  })

  it('maps 4xx refusals to non-retryable codes, reading both error body shapes', async () => {
    behaviours.set('invalid', {
      status: 422,
      body: '{"code":"EDXML_INVALID","message":"Chữ ký số không hợp lệ"}',
    })
    behaviours.set('auth', { status: 401, body: '{"code":"UNAUTHENTICATED"}' })
    behaviours.set('forbidden', {
      status: 400,
      body: '{"error":{"code":"NOT_ALLOWED","message":"Không nhận"}}',
    })
    behaviours.set('nobody', { status: 404, body: '{"code":"UNKNOWN_RECIPIENT"}' })
    behaviours.set('twice', { status: 409, body: '{"code":"DUPLICATE_DOCUMENT"}' })
    const peer = transport()
    const invalid = await failure(peer.send(pkg(['invalid'])))
    expect(invalid).toMatchObject({ code: 'REJECTED', retryable: false })
    expect(invalid.message).toContain('Chữ ký số không hợp lệ')
    expect(await failure(peer.send(pkg(['auth'])))).toMatchObject({ code: 'AUTH', retryable: false })
    expect(await failure(peer.send(pkg(['forbidden'])))).toMatchObject({ code: 'AUTH', retryable: false })
    expect(await failure(peer.send(pkg(['nobody'])))).toMatchObject({
      code: 'UNKNOWN_RECIPIENT',
      retryable: false,
    })
    expect(await failure(peer.send(pkg(['twice'])))).toMatchObject({ code: 'DUPLICATE', retryable: false })
  })

  it('maps 5xx, 429 and network failures to retryable codes', async () => {
    behaviours.set('down', { status: 503, type: 'text/html', body: '<h1>Bảo trì</h1>' })
    behaviours.set('busy', { status: 429, body: '{"code":"TOO_MANY_ATTEMPTS"}' })
    behaviours.set('silent', 'silent')
    expect(await failure(transport().send(pkg(['down'])))).toMatchObject({ code: 'SERVER', retryable: true })
    expect(await failure(transport().send(pkg(['busy'])))).toMatchObject({ code: 'SERVER', retryable: true })
    expect(await failure(transport({}, 150).send(pkg(['silent'])))).toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
    })
    const port = await closedPort()
    const refused = await failure(transport({ gone: `http://127.0.0.1:${port}` }).send(pkg(['gone'])))
    expect(refused).toMatchObject({ code: 'UNREACHABLE', retryable: true })
  })

  it('refuses a recipient without an endpoint before any request, and a 2xx reply without an id', async () => {
    const err = await failure(transport({ lost: null }).send(pkg(['lost'])))
    expect(err).toMatchObject({ code: 'UNKNOWN_RECIPIENT', retryable: false })
    expect(err.message).toContain('lost')
    expect(received).toHaveLength(0)
    behaviours.set('mute', { status: 202, body: '' })
    expect(await failure(transport().send(pkg(['mute'])))).toMatchObject({ code: 'PROTOCOL' })
  })

  it('with several recipients, a retryable failure wins so the retry reaches the ones still missing', async () => {
    behaviours.set('ok', { status: 202, body: '{"id":"1"}' })
    behaviours.set('nobody', { status: 404, body: '{"code":"NOT_FOUND"}' })
    behaviours.set('down', { status: 500, body: '{}' })
    expect(await failure(transport().send(pkg(['ok', 'nobody', 'down'])))).toMatchObject({ code: 'SERVER' })
    behaviours.set('down', { status: 202, body: '{"id":"2"}' })
    expect(await failure(transport().send(pkg(['ok', 'nobody', 'down'])))).toMatchObject({
      code: 'UNKNOWN_RECIPIENT',
    })
  })

  it('is push-only: nothing to list, fetch or acknowledge, no directory', async () => {
    const peer = transport()
    expect(peer.kind).toBe('peer')
    expect(await peer.listReceived()).toEqual([])
    expect(await peer.listAgencies()).toEqual([])
    await peer.acknowledge('x', 'done')
    expect(await failure(peer.fetch('x'))).toMatchObject({ code: 'PROTOCOL' })
  })
})
