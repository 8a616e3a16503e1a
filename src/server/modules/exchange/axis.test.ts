/**
 * Two agencies connected only through the (stand-in) national axis: packages go up with sendEdoc,
 * come down with getReceivedEdocList/getEdoc and are acknowledged with updateStatus; statuses travel
 * the same way. Stopping the axis while A sends loses nothing (A retries; the axis keeps what it
 * holds on disk across a restart). The directory is synchronised from the axis's agency list.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TReceivedPage, TSentExchange, TDirectoryImportResult } from '@common/contracts/exchange'
import { inspectRoute } from '../../platform/edxml/index.ts'
import { eq } from 'drizzle-orm'
import { exchangeMessages } from '../../platform/db/schema.ts'
import {
  createAxisTransport,
  startAxisStandin,
  type AxisStandin,
} from '../../platform/exchange-transport/index.ts'
import type { DemoPki } from '../../platform/signing/index.ts'
import { makePki } from '../documents-out/documents-out.test-support.ts'
import { addToDirectory, issueTo, pump, startAgency, type Agency } from './exchange.test-support.ts'
import { pollAxis, syncDirectory } from './jobs.ts'
import { deliverDue } from './outbox.ts'

const A = { code: '000.00.00.G38', name: 'Ủy ban sông Mê Công Việt Nam', shortName: 'UBMC' }
const B = { code: '000.00.00.H57', name: 'Ủy ban nhân dân tỉnh Cần Thơ', shortName: 'UBND' }
const SYSTEMS = [
  { systemId: 'ubmc-eoffice', secret: 'secret-a-0123456789', organId: A.code },
  { systemId: 'cantho-eoffice', secret: 'secret-b-0123456789', organId: B.code },
]

let pki: DemoPki
let dataDir: string
let axis: AxisStandin
let port: number
let a: Agency
let b: Agency
let bInA: { id: string }
const partnerPem = { value: '' }

async function startAxis() {
  axis = await startAxisStandin({
    port,
    systems: SYSTEMS,
    route: inspectRoute,
    dataDir,
    agencies: [
      { code: A.code, name: A.name, email: null, endpoint: null, certificatePem: null },
      { code: B.code, name: B.name, email: null, endpoint: null, certificatePem: null },
      {
        code: '000.00.00.H41',
        name: 'Ủy ban nhân dân tỉnh Nghệ An',
        email: 'vanthu@nghean.gov.vn',
        endpoint: null,
        certificatePem: partnerPem.value,
      },
    ],
  })
  port = Number(new URL(axis.url).port)
}

const axisEnv = (systemId: string, secret: string) => ({
  EXCHANGE_AXIS_URL: axis.url,
  EXCHANGE_SYSTEM_ID: systemId,
  EXCHANGE_SECRET: secret,
})

beforeAll(async () => {
  pki = await makePki()
  partnerPem.value = pki.rootCertificatePem
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'axis-'))
  port = 0
  await startAxis()
  a = await startAgency(pki, { ...A, env: axisEnv(SYSTEMS[0]!.systemId, SYSTEMS[0]!.secret) })
  b = await startAgency(pki, { ...B, env: axisEnv(SYSTEMS[1]!.systemId, SYSTEMS[1]!.secret) })
  // No endpoints: both reach each other through the axis.
  bInA = await addToDirectory(a, b, null)
  await addToDirectory(b, a, null)
}, 120_000)
afterAll(async () => {
  await a?.t.close()
  await b?.t.close()
  await axis?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function receivedAtB(numberAndNotation: string | null) {
  const res = await b.o.clients.clerk.get('/api/exchange/received?state=all')
  return (res.json() as TReceivedPage).items.filter((i) => i.numberAndNotation === numberAndNotation)
}

async function codesAtA(documentId: string) {
  const res = await a.o.clients.clerk.get(`/api/exchange/sent/${documentId}`)
  const sent = res.json() as TSentExchange
  return sent.recipients[0]!.timeline.map((e) => e.code)
}

describe('through the national axis', () => {
  it('A sends, B polls, accepts; A polls its statuses (01, 03)', async () => {
    const doc = await issueTo(a, bInA.id)
    await pump(a, b)
    const [item] = await receivedAtB(doc.numberAndNotation)
    expect(item).toMatchObject({ transport: 'axis', signatureState: 'valid', state: 'received' })
    expect(axis.pending(B.code)).toBe(0) // acknowledged "done"
    const accepted = await b.o.clients.clerk.post(`/api/exchange/received/${item!.id}/accept`, {
      registerId: b.o.registers.incoming.id,
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
    await pump(a, b)
    expect(await codesAtA(doc.id)).toEqual(['01', '03'])
    const sent = (await a.o.clients.clerk.get(`/api/exchange/sent/${doc.id}`)).json() as TSentExchange
    expect(sent.recipients[0]!.delivery).toMatchObject({ state: 'sent', transport: 'axis' })
  }, 120_000)

  it('the axis stopped while A sends, and again while it holds the package: nothing lost, nothing twice', async () => {
    await axis.close()
    const doc = await issueTo(a, bInA.id)
    await a.t.dispatch()
    expect(await deliverDue(a.t.deps)).toEqual({ sent: 0, retry: 1, failed: 0 })
    // The clerk sees why it waits.
    const outbox = (await a.o.clients.clerk.get('/api/exchange/outbox?state=queued')).json() as {
      items: { lastError: string | null; documentIdentifier: string }[]
    }
    expect(outbox.items.find((i) => i.documentIdentifier === doc.documentIdentifier)?.lastError).toBeTruthy()
    await startAxis()
    a.advance(10 * 60_000)
    expect(await deliverDue(a.t.deps)).toEqual({ sent: 1, retry: 0, failed: 0 })
    expect(axis.pending(B.code)).toBe(1)
    // The axis restarts before B polls: it kept the package on disk.
    await axis.close()
    await startAxis()
    const polled = await pollAxis(b.t.deps)
    expect(polled).toMatchObject({ configured: true, received: 1, failed: 0 })
    expect(await pollAxis(b.t.deps)).toMatchObject({ received: 0 })
    expect(await receivedAtB(doc.numberAndNotation)).toHaveLength(1)
  }, 120_000)

  it('a package whose signature fails is refused at B: acknowledged "fail", logged, never listed', async () => {
    const doc = await issueTo(a, bInA.id)
    await a.t.dispatch()
    const [row] = await a.t.database.db
      .select()
      .from(exchangeMessages)
      .where(eq(exchangeMessages.outgoingDocumentId, doc.id))
    // Built as A's outbox builds it, then one word of the subject altered before it leaves.
    const { buildDocumentPackage } = await import('./build-package.ts')
    const { loadIdentity } = await import('./identity.ts')
    const identity = await loadIdentity(a.t.database, new Date(), a.t.config.appSecret)
    const good = Buffer.from(await buildDocumentPackage(a.t.deps, identity, row!))
    const bad = Buffer.from(good.toString('utf8').replace('Trả lời góp ý', 'Trả lời GÓP Ý'), 'utf8')
    const sender = createAxisTransport({
      endpoint: axis.url,
      systemId: SYSTEMS[0]!.systemId,
      secret: SYSTEMS[0]!.secret,
    })
    await sender.send({
      bytes: bad,
      messageType: 'edoc',
      from: A.code,
      to: [B.code],
      documentId: doc.documentIdentifier!,
    })
    expect(axis.pending(B.code)).toBe(1)
    expect(await pollAxis(b.t.deps)).toMatchObject({ received: 0, failed: 1 })
    expect(axis.pending(B.code)).toBe(0)
    expect(await receivedAtB(doc.numberAndNotation)).toHaveLength(0)
    const audit = (
      await b.o.clients.admin.get('/api/audit/events?action=exchange.packageRejected')
    ).json() as {
      items: { data: { code: string; from: string } }[]
    }
    expect(audit.items[0]?.data).toMatchObject({ code: 'SIGNATURE_INVALID', from: A.code })
  }, 60_000)

  it('the admin synchronises the directory from the axis agency list', async () => {
    const clerk = await b.o.clients.clerk.post('/api/exchange/directory/sync')
    expect(clerk.statusCode).toBe(403)
    const res = await b.o.clients.admin.post('/api/exchange/directory/sync')
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json() as TDirectoryImportResult
    expect(result).toMatchObject({ dryRun: false, created: 1, errors: [] })
    const again = (
      await b.o.clients.admin.post('/api/exchange/directory/sync')
    ).json() as TDirectoryImportResult
    expect(again.created).toBe(0)
    // The nightly job does the same, as the system.
    expect(await syncDirectory(b.t.deps)).toMatchObject({ created: 0, updated: 0, errors: [] })
    expect(await syncDirectory(a.t.deps)).toMatchObject({ created: 1 })
    const list = (await b.o.clients.admin.get('/api/organizations?q=Nghệ An')).json() as {
      items: { code: string; certificatePem: string | null; email: string | null }[]
    }
    expect(list.items[0]).toMatchObject({ code: '000.00.00.H41', email: 'vanthu@nghean.gov.vn' })
    expect(list.items[0]!.certificatePem).toContain('BEGIN CERTIFICATE')
  }, 60_000)
})
