import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAxisTransport } from './axis-transport.ts'
import { startAxisStandin, type AxisStandin, type AxisStandinOptions } from './standin.ts'
import { closedPort, fakePackage, fakeRoute, startTestServer, type TestServer } from './test-support.ts'
import { TransportError, type ExchangeTransport, type OutgoingPackage } from './types.ts'

const VNMC = '000.00.00.G38'
const NGHE_AN = '000.00.00.H41'
const VPCP = '000.00.00.G22'
const SYSTEMS = [
  { systemId: 'sys-vnmc', secret: 'bi-mat-vnmc', organId: VNMC },
  { systemId: 'sys-nghean', secret: 'secret-h41', organId: NGHE_AN },
  { systemId: 'sys-vpcp', secret: 'secret-g22', organId: VPCP },
]

function client(url: string, systemId: string, secret?: string, timeoutMs = 2_000): ExchangeTransport {
  const system = SYSTEMS.find((s) => s.systemId === systemId)
  return createAxisTransport({ endpoint: url, systemId, secret: secret ?? system?.secret ?? '', timeoutMs })
}

function pkg(
  from: string,
  to: string[],
  messageType: 'edoc' | 'status' = 'edoc',
  body?: string,
): OutgoingPackage {
  return {
    bytes: fakePackage(from, to, body),
    messageType,
    from,
    to,
    documentId: `${from},2026/01/05,1/UBSMC`,
  }
}

/** The TransportError a promise rejects with (fails the test if it resolves or throws something else). */
async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(TransportError)
  return err as TransportError
}

const started: { close(): Promise<void> }[] = []
async function standin(extra: Partial<AxisStandinOptions> = {}): Promise<AxisStandin> {
  const s = await startAxisStandin({ systems: SYSTEMS, route: fakeRoute, ...extra })
  started.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

describe('axis transport against the stand-in', () => {
  it('delivers a document from one system to another: list, fetch, acknowledge', async () => {
    const axis = await standin()
    const vnmc = client(axis.url, 'sys-vnmc')
    const ngheAn = client(axis.url, 'sys-nghean')
    const outgoing = pkg(VNMC, [NGHE_AN])

    const { transportId } = await vnmc.send(outgoing)
    expect(transportId).toMatch(/\S+/)
    expect(axis.pending(NGHE_AN)).toBe(1)
    expect(await vnmc.listReceived()).toEqual([])

    const [item, ...rest] = await ngheAn.listReceived()
    expect(rest).toEqual([])
    expect(item).toMatchObject({ transportId, from: VNMC, messageType: 'edoc' })
    expect(Date.now() - item!.createdAt.getTime()).toBeLessThan(60_000)
    expect(await ngheAn.fetch(transportId)).toEqual(outgoing.bytes)

    await ngheAn.acknowledge(transportId, 'done')
    expect(await ngheAn.listReceived()).toEqual([])
    expect(axis.pending(NGHE_AN)).toBe(0)
    expect(axis.stats()).toMatchObject({ accepted: 1, delivered: 1, held: 0 })
    // Acknowledged means gone: a second fetch or acknowledgement is refused with code 10.
    expect(await failure(ngheAn.fetch(transportId))).toMatchObject({ code: 'REJECTED', axisCode: 10 })
    expect(await failure(ngheAn.acknowledge(transportId, 'done'))).toMatchObject({ axisCode: 10 })
  })

  it('carries status packages both ways and lists each only to its recipient, oldest first', async () => {
    const axis = await standin()
    const vnmc = client(axis.url, 'sys-vnmc')
    const ngheAn = client(axis.url, 'sys-nghean')
    const doc = await vnmc.send(pkg(VNMC, [NGHE_AN]))
    const arrived = await ngheAn.send(pkg(NGHE_AN, [VNMC], 'status', '01'))
    const cancel = await vnmc.send(pkg(VNMC, [NGHE_AN], 'status', '13'))

    const atVnmc = await vnmc.listReceived()
    expect(atVnmc.map((i) => [i.transportId, i.messageType, i.from])).toEqual([
      [arrived.transportId, 'status', NGHE_AN],
    ])
    const atNgheAn = await ngheAn.listReceived()
    expect(atNgheAn.map((i) => [i.transportId, i.messageType])).toEqual([
      [doc.transportId, 'edoc'],
      [cancel.transportId, 'status'],
    ])
    expect(new TextDecoder().decode(await vnmc.fetch(arrived.transportId))).toContain('<Body>01</Body>')
    // A "fail" acknowledgement also takes the item off the list.
    await vnmc.acknowledge(arrived.transportId, 'fail')
    expect(await vnmc.listReceived()).toEqual([])
    expect(axis.stats()).toMatchObject({ failed: 1, held: 2 })
  })

  it('keeps a package for every recipient until each has acknowledged it, and hides it from others', async () => {
    const axis = await standin()
    const vnmc = client(axis.url, 'sys-vnmc')
    const ngheAn = client(axis.url, 'sys-nghean')
    const vpcp = client(axis.url, 'sys-vpcp')
    const { transportId } = await vnmc.send(pkg(VNMC, [NGHE_AN, VPCP, NGHE_AN]))

    expect(await failure(vnmc.fetch(transportId))).toMatchObject({ code: 'REJECTED', axisCode: 10 })
    await ngheAn.acknowledge(transportId, 'done')
    expect(axis.pending(NGHE_AN)).toBe(0)
    expect((await vpcp.listReceived()).map((i) => i.transportId)).toEqual([transportId])
    await vpcp.acknowledge(transportId, 'done')
    expect(axis.stats()).toMatchObject({ held: 0, delivered: 2 })
  })

  it('sending the same bytes again while held returns the first docId instead of a second copy', async () => {
    const axis = await standin()
    const vnmc = client(axis.url, 'sys-vnmc')
    const outgoing = pkg(VNMC, [NGHE_AN])
    const first = await vnmc.send(outgoing)
    const again = await vnmc.send(outgoing)
    expect(again.transportId).toBe(first.transportId)
    expect(axis.pending(NGHE_AN)).toBe(1)
    expect(axis.stats()).toMatchObject({ accepted: 1, duplicates: 1 })
  })

  it('refuses wrong credentials with code 15, not retryable', async () => {
    const axis = await standin()
    const wrongSecret = client(axis.url, 'sys-vnmc', 'doan-bua')
    const unknownSystem = client(axis.url, 'sys-khong-co', 'x')
    for (const attempt of [
      () => wrongSecret.send(pkg(VNMC, [NGHE_AN])),
      () => wrongSecret.listReceived(),
      () => unknownSystem.listAgencies(),
    ]) {
      const err = await failure(attempt())
      expect(err).toMatchObject({ code: 'AUTH', axisCode: 15, retryable: false })
      expect(err.message).toContain('khóa bí mật')
    }
    // listReceived asks twice (edoc, status).
    expect(axis.stats()).toMatchObject({ accepted: 0, refused: 4 })
  })

  it('refuses, when created, credentials that cannot travel in an HTTP header', async () => {
    const create = () =>
      createAxisTransport({ endpoint: 'http://127.0.0.1:1', systemId: 'sys', secret: 'bí-mật' })
    expect(create).toThrow(TransportError)
    expect(create).toThrow(/ASCII/)
  })

  it('refuses an unknown recipient with code 18 and holds nothing for the known ones', async () => {
    const axis = await standin()
    const err = await failure(client(axis.url, 'sys-vnmc').send(pkg(VNMC, [NGHE_AN, '000.00.00.Z99'])))
    expect(err).toMatchObject({ code: 'UNKNOWN_RECIPIENT', axisCode: 18, retryable: false })
    expect(err.message).toContain('000.00.00.Z99')
    expect(axis.pending(NGHE_AN)).toBe(0)
  })

  it('refuses a sender that is not the organ of the calling system (header or package), code 19', async () => {
    const axis = await standin()
    const vnmc = client(axis.url, 'sys-vnmc')
    const headerLies = { ...pkg(VNMC, [VPCP]), from: NGHE_AN }
    expect(await failure(vnmc.send(headerLies))).toMatchObject({
      code: 'SENDER_NOT_REGISTERED',
      axisCode: 19,
      retryable: false,
    })
    const packageLies = { ...pkg(NGHE_AN, [VPCP]), from: VNMC }
    expect(await failure(vnmc.send(packageLies))).toMatchObject({
      code: 'SENDER_NOT_REGISTERED',
      axisCode: 19,
    })
    expect(axis.pending(VPCP)).toBe(0)
  })

  it('refuses a package its route cannot read with code 22, and one without recipients too', async () => {
    const axis = await standin()
    const vnmc = client(axis.url, 'sys-vnmc')
    const garbage = { ...pkg(VNMC, [NGHE_AN]), bytes: new TextEncoder().encode('<khong-phai-edxml/>') }
    const err = await failure(vnmc.send(garbage))
    expect(err).toMatchObject({ code: 'REJECTED', axisCode: 22, retryable: false })
    expect(err.message).toContain('không phải gói tin edXML')
    expect(await failure(vnmc.send(pkg(VNMC, [])))).toMatchObject({ axisCode: 22 })
  })

  it('refuses a package larger than maxBytes with code 10', async () => {
    const axis = await standin({ maxBytes: 200 })
    const vnmc = client(axis.url, 'sys-vnmc')
    const big = pkg(VNMC, [NGHE_AN], 'edoc', 'x'.repeat(100_000))
    expect(await failure(vnmc.send(big))).toMatchObject({ code: 'REJECTED', axisCode: 10 })
    await vnmc.send(pkg(VNMC, [NGHE_AN]))
    expect(axis.pending(NGHE_AN)).toBe(1)
  })

  it('serves the agency directory, adding the connected systems that it does not list', async () => {
    const axis = await standin({
      agencies: [
        {
          code: VPCP,
          name: 'Văn phòng Chính phủ',
          email: 'vpcp@chinhphu.vn',
          endpoint: 'https://eoffice.vpcp.example',
          certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
        },
      ],
    })
    const agencies = await client(axis.url, 'sys-vnmc').listAgencies()
    expect(agencies).toEqual([
      {
        code: VPCP,
        name: 'Văn phòng Chính phủ',
        email: 'vpcp@chinhphu.vn',
        endpoint: 'https://eoffice.vpcp.example',
        certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      },
      { code: VNMC, name: VNMC, email: null, endpoint: null, certificatePem: null },
      { code: NGHE_AN, name: NGHE_AN, email: null, endpoint: null, certificatePem: null },
    ])
  })
})

describe('axis transport when the network or the axis misbehaves', () => {
  let silent: TestServer
  let stalling: TestServer
  beforeAll(async () => {
    silent = await startTestServer(() => undefined)
    // Sends the headers of a 200, then nothing: the timeout must cover the body too.
    stalling = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' })
      res.write('<edXML>')
    })
  })
  afterAll(async () => {
    await Promise.all([silent.close(), stalling.close()])
  })

  it('times out against a server that never answers, retryable', async () => {
    const axis = client(silent.url, 'sys-vnmc', undefined, 150)
    const t0 = performance.now()
    const err = await failure(axis.send(pkg(VNMC, [NGHE_AN])))
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true })
    expect(err.message).toContain('150 ms')
    expect(performance.now() - t0).toBeLessThan(1_500)
    expect(await failure(client(stalling.url, 'sys-vnmc', undefined, 150).fetch('x'))).toMatchObject({
      code: 'TIMEOUT',
    })
  })

  it('reports a refused connection as UNREACHABLE, retryable', async () => {
    const port = await closedPort()
    const err = await failure(client(`http://127.0.0.1:${port}`, 'sys-vnmc').listReceived())
    expect(err).toMatchObject({ code: 'UNREACHABLE', retryable: true })
    expect(err.message).toContain('ECONNREFUSED')
  })

  it('reads the ErrorCode whatever the HTTP status, and the HTTP status when there is no axis reply', async () => {
    const replies: Record<string, [number, string, string]> = {
      '/string-code/getReceivedEdocList': [200, 'application/json', '{"status":"FAIL","ErrorCode":"15"}'],
      '/busy/getReceivedEdocList': [502, 'text/html', '<html>Bad Gateway</html>'],
      '/page/getReceivedEdocList': [200, 'text/html', '<html>Đăng nhập</html>'],
      '/odd/getReceivedEdocList': [
        200,
        'application/json',
        '{"status":"FAIL","ErrorCode":99,"ErrorDesc":"lạ"}',
      ],
      '/bad-data/getReceivedEdocList': [200, 'application/json', '{"status":"OK","ErrorCode":0,"data":[{}]}'],
      '/octet/getEdoc': [200, 'application/octet-stream', '<edXML/>'],
      '/local-time/getReceivedEdocList': [
        200,
        'application/json',
        '{"status":"OK","ErrorCode":0,"data":[{"docId":"d1","from":"A","messagetype":"edoc","created_time":"2026/01/05 08:30:00"},{"docId":"d2","from":"A","messagetype":"edoc","created_time":1767571200000}]}',
      ],
      '/bad-time/getReceivedEdocList': [
        200,
        'application/json',
        '{"status":"OK","ErrorCode":0,"data":[{"docId":"d1","from":"A","messagetype":"edoc","created_time":"hôm qua"}]}',
      ],
    }
    const gateway = await startTestServer((req, res) => {
      const [status, type, body] = replies[req.url ?? ''] ?? [404, 'text/plain', 'không có']
      res.writeHead(status, { 'content-type': type })
      res.end(body)
    })
    started.push(gateway)
    const at = (prefix: string) => client(`${gateway.url}/${prefix}/`, 'sys-vnmc')
    expect(await failure(at('string-code').listReceived())).toMatchObject({ code: 'AUTH', axisCode: 15 })
    expect(await failure(at('busy').listReceived())).toMatchObject({ code: 'SERVER', retryable: true })
    expect(await failure(at('page').listReceived())).toMatchObject({ code: 'PROTOCOL', retryable: false })
    const odd = await failure(at('odd').listReceived())
    expect(odd).toMatchObject({ code: 'PROTOCOL', axisCode: 99 })
    expect(odd.message).toContain('lạ')
    expect(await failure(at('bad-data').listReceived())).toMatchObject({ code: 'PROTOCOL' })
    expect(new TextDecoder().decode(await at('octet').fetch('d1'))).toBe('<edXML/>')
    // Both message types are asked for, so each item comes back twice from this canned gateway.
    const times = (await at('local-time').listReceived()).map((i) => i.createdAt.toISOString())
    expect([...new Set(times)]).toEqual(['2026-01-05T00:00:00.000Z', '2026-01-05T01:30:00.000Z'])
    expect(await failure(at('bad-time').listReceived())).toMatchObject({ code: 'PROTOCOL' })
  })
})

describe('stand-in restarts', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'axis-standin-'))
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('keeps undelivered packages across a restart on the same port, and forgets acknowledged ones', async () => {
    const dir = path.join(dataDir, 'restart')
    const first = await startAxisStandin({ systems: SYSTEMS, route: fakeRoute, dataDir: dir })
    const port = Number(new URL(first.url).port)
    // The same clients live through the restart, as the outbox and poller of a running instance do.
    const vnmc = client(first.url, 'sys-vnmc')
    const ngheAn = client(first.url, 'sys-nghean')
    const vpcp = client(first.url, 'sys-vpcp')
    const outgoing = pkg(VNMC, [NGHE_AN, VPCP])
    const { transportId } = await vnmc.send(outgoing)
    const status = await ngheAn.send(pkg(NGHE_AN, [VNMC], 'status', '01'))
    await vpcp.acknowledge(transportId, 'done')
    await first.close()

    expect(await failure(vnmc.send(pkg(VNMC, [VPCP])))).toMatchObject({
      code: 'UNREACHABLE',
      retryable: true,
    })

    const second = await standin({ port, dataDir: dir })
    expect(second.url).toBe(first.url)
    expect(second.stats().held).toBe(2)
    expect((await ngheAn.listReceived()).map((i) => i.transportId)).toEqual([transportId])
    expect(await ngheAn.fetch(transportId)).toEqual(outgoing.bytes)
    expect(await vpcp.listReceived()).toEqual([])
    expect((await vnmc.listReceived()).map((i) => [i.transportId, i.messageType])).toEqual([
      [status.transportId, 'status'],
    ])
    await ngheAn.acknowledge(transportId, 'done')
    await second.close()

    const third = await standin({ port, dataDir: dir })
    expect(third.stats().held).toBe(1)
    expect(await ngheAn.listReceived()).toEqual([])
    expect(third.pending(VNMC)).toBe(1)
  })

  it('a send cut off mid-delivery fails retryably, and the retry after restart leaves exactly one copy', async () => {
    const dir = path.join(dataDir, 'mid-delivery')
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    let isRouting = false
    const slowRoute = async (bytes: Uint8Array) => {
      isRouting = true
      await gate
      return fakeRoute(bytes)
    }
    const first = await startAxisStandin({ systems: SYSTEMS, route: slowRoute, dataDir: dir })
    const port = Number(new URL(first.url).port)
    const vnmc = client(first.url, 'sys-vnmc')
    const outgoing = pkg(VNMC, [NGHE_AN])

    const sending = failure(vnmc.send(outgoing))
    await expect.poll(() => isRouting).toBe(true)
    const closing = first.close()
    expect(await sending).toMatchObject({ code: 'UNREACHABLE', retryable: true })
    // The axis finishes storing what it had already read, though the sender never heard back.
    release()
    await closing

    const second = await standin({ port, dataDir: dir })
    expect(second.pending(NGHE_AN)).toBe(1)
    const retried = await vnmc.send(outgoing)
    const ngheAn = client(second.url, 'sys-nghean')
    expect((await ngheAn.listReceived()).map((i) => i.transportId)).toEqual([retried.transportId])
    expect(second.stats()).toMatchObject({ duplicates: 1, accepted: 0, held: 1 })
  })
})
