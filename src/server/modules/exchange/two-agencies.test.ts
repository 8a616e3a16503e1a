/**
 * Issue 5, "Done means": two agencies, each an instance of the system with its own database and
 * port on loopback, exchange documents directly (peer): A issues a signed document to B; B's clerk
 * accepts it, B's leader assigns it, the handler starts and completes it, and A sees 01 → 03 → 04
 * → 05 → 06. Refusal (02), recall (13 → 15, the copy at B destroyed) and replacement (type 3: the
 * old copy ended, 03 and 15) the same way; B unreachable while A sends loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TReceivedPackage, TReceivedPage, TSentExchange } from '@common/contracts/exchange'
import type { TOutgoingDocument } from '@common/contracts/documents-out'
import type { DemoPki } from '../../platform/signing/index.ts'
import { makePki } from '../documents-out/documents-out.test-support.ts'
import {
  addToDirectory,
  issueTo,
  pump,
  signAndIssue,
  startAgency,
  startRelay,
  type Agency,
} from './exchange.test-support.ts'
import { deliverDue } from './outbox.ts'
import { eq } from 'drizzle-orm'
import { organizations } from '../../platform/db/schema.ts'

let pki: DemoPki
let a: Agency
let b: Agency
let bInA: { id: string }

beforeAll(async () => {
  pki = await makePki()
  a = await startAgency(pki, {
    code: '000.00.00.G38',
    name: 'Ủy ban sông Mê Công Việt Nam',
    shortName: 'UBMC',
  })
  b = await startAgency(pki, {
    code: '000.00.00.H41',
    name: 'Ủy ban nhân dân tỉnh An Giang',
    shortName: 'UBND',
  })
  bInA = await addToDirectory(a, b, b.url)
  await addToDirectory(b, a, a.url)
}, 120_000)
afterAll(async () => {
  await a?.t.close()
  await b?.t.close()
})

async function received(agency: Agency, state = 'received') {
  const res = await agency.o.clients.clerk.get(`/api/exchange/received?state=${state}`)
  expect(res.statusCode).toBe(200)
  return (res.json() as TReceivedPage).items
}

async function arrivedAtB(doc: TOutgoingDocument): Promise<TReceivedPackage> {
  const items = await received(b, 'all')
  const item = items.find((i) => i.numberAndNotation === doc.numberAndNotation)
  expect(item, `${doc.numberAndNotation} arrived at B`).toBeDefined()
  const res = await b.o.clients.clerk.get(`/api/exchange/received/${item!.id}`)
  expect(res.statusCode).toBe(200)
  return res.json() as TReceivedPackage
}

async function timeline(doc: TOutgoingDocument) {
  const res = await a.o.clients.clerk.get(`/api/exchange/sent/${doc.id}`)
  expect(res.statusCode).toBe(200)
  const sent = res.json() as TSentExchange
  expect(sent.recipients).toHaveLength(1)
  return sent.recipients[0]!
}

async function accept(pkg: TReceivedPackage, body: Record<string, unknown> = {}) {
  const res = await b.o.clients.clerk.post(`/api/exchange/received/${pkg.id}/accept`, {
    registerId: b.o.registers.incoming.id,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as TReceivedPackage
}

describe('A issues to B directly; B works on it; A follows every status', () => {
  it('01 → 03 → 04 → 05 → 06, with every field filled and the signatures verified', async () => {
    const doc = await issueTo(a, bInA.id)
    expect(doc.recipients[0]).toMatchObject({ channel: 'exchange', deliveryState: 'pending' })
    await pump(a, b)

    const pkg = await arrivedAtB(doc)
    expect(pkg).toMatchObject({
      kind: 'document',
      state: 'received',
      signatureState: 'valid',
      from: { organId: a.code, organName: a.name },
      documentIdentifier: doc.documentIdentifier,
      subject: doc.subject,
      documentTypeName: 'Công văn',
      issueDate: doc.issueDate,
    })
    expect(pkg.header!.signer.fullName).toBe(a.o.people.leader.fullName)
    expect(pkg.header!.to.map((t) => t.organId)).toEqual([b.code])
    expect(pkg.abilities).toEqual({ accept: true, refuse: true })
    // The issued PDF carries the leader's and the seal's signatures, both intact and trusted.
    const main = pkg.attachments[0]!
    expect(main.contentType).toBe('application/pdf')
    expect(main.pdfSignatures).toHaveLength(2)
    expect(main.pdfSignatures!.every((s) => s.isValid && s.isTrusted)).toBe(true)
    const file = await b.o.clients.clerk.get(main.url)
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    // A's clerk sees that it arrived.
    expect((await timeline(doc)).timeline.map((e) => e.code)).toEqual(['01'])

    const accepted = await accept(pkg)
    expect(accepted.state).toBe('accepted')
    expect(accepted.incomingDocumentId).not.toBeNull()
    const incomingId = accepted.incomingDocumentId!
    const incoming = (await b.o.clients.clerk.get(`/api/documents-in/${incomingId}`)).json()
    expect(incoming).toMatchObject({
      receivedVia: 'exchange',
      subject: doc.subject,
      numberAndNotation: doc.numberAndNotation,
      state: 'registered',
    })
    await pump(a, b)

    // B's leader assigns it; the specialist starts and completes it.
    const submitted = await b.o.clients.clerk.post(`/api/documents-in/${incomingId}/submit`, {
      leaderId: b.o.people.leader.id,
    })
    expect(submitted.statusCode, submitted.body).toBe(200)
    const assigned = await b.o.clients.leader.post(`/api/documents-in/${incomingId}/assign`, {
      directive: 'Chuyên viên nghiên cứu, tham mưu trả lời.',
      lead: { userId: b.o.people.specialist.id },
    })
    expect(assigned.statusCode, assigned.body).toBe(200)
    await pump(a, b)
    const lead = (assigned.json() as { assignments: { id: string; role: string }[] }).assignments.find(
      (x) => x.role === 'lead',
    )!
    const started = await b.o.clients.specialist.post(`/api/documents-in/${incomingId}/start`, {
      assignmentId: lead.id,
    })
    expect(started.statusCode, started.body).toBe(200)
    await pump(a, b)
    const completed = await b.o.clients.specialist.post(`/api/documents-in/${incomingId}/complete`, {
      assignmentId: lead.id,
      result: 'Đã nghiên cứu, thống nhất nội dung.',
    })
    expect(completed.statusCode, completed.body).toBe(200)
    await pump(a, b)

    const recipient = await timeline(doc)
    expect(recipient.timeline.map((e) => e.code)).toEqual(['01', '03', '04', '05', '06'])
    expect(recipient.latest?.code).toBe('06')
    expect(recipient.delivery).toMatchObject({ state: 'sent', transport: 'peer' })
    const out = (await a.o.clients.clerk.get(`/api/documents-out/${doc.id}`)).json() as TOutgoingDocument
    expect(out.recipients[0]!.deliveryState).toBe('received')
    // B's clerk sees what was sent back.
    const after = (await b.o.clients.clerk.get(`/api/exchange/received/${pkg.id}`)).json() as TReceivedPackage
    expect(after.statusesSent.map((s) => [s.code, s.state])).toEqual([
      ['01', 'sent'],
      ['03', 'sent'],
      ['04', 'sent'],
      ['05', 'sent'],
      ['06', 'sent'],
    ])
    // Delivered again (a lost answer), the package is not registered twice.
    const again = await fetch(`${b.url}/api/exchange/peer/packages`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-edxml-from': a.code },
      body: Buffer.from(await packageBytes(a, doc)),
    })
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ id: pkg.id, duplicate: true })
  }, 120_000)

  it('a refusal with its reason reaches A as 02', async () => {
    const doc = await issueTo(a, bInA.id)
    await pump(a, b)
    const pkg = await arrivedAtB(doc)
    const empty = await b.o.clients.clerk.post(`/api/exchange/received/${pkg.id}/refuse`, { reason: '' })
    expect(empty.statusCode).toBe(400)
    const res = await b.o.clients.clerk.post(`/api/exchange/received/${pkg.id}/refuse`, {
      reason: 'Văn bản gửi nhầm cơ quan, đề nghị gửi Sở Tài nguyên và Môi trường',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ state: 'refused', incomingDocumentId: null })
    // Decided once: a second decision is refused.
    expect((await b.o.clients.clerk.post(`/api/exchange/received/${pkg.id}/accept`, {})).statusCode).toBe(409)
    await pump(a, b)
    const recipient = await timeline(doc)
    expect(recipient.timeline.map((e) => e.code)).toEqual(['01', '02'])
    expect(recipient.latest).toMatchObject({ code: '02', description: expect.stringContaining('gửi nhầm') })
    const out = (await a.o.clients.clerk.get(`/api/documents-out/${doc.id}`)).json() as TOutgoingDocument
    expect(out.recipients[0]).toMatchObject({ deliveryState: 'failed' })
    // A's drafter is told.
    const notices = (await a.o.clients.specialist.get('/api/notifications')).json() as {
      items: { kind: string }[]
    }
    expect(notices.items.some((n) => n.kind === 'exchange.statusAlert')).toBe(true)
  }, 120_000)

  it('a recall (13) accepted by B destroys its copy and answers 15', async () => {
    const doc = await issueTo(a, bInA.id)
    await pump(a, b)
    const accepted = await accept(await arrivedAtB(doc))
    const incomingId = accepted.incomingDocumentId!
    await pump(a, b)
    const recall = await a.o.clients.clerk.post(`/api/documents-out/${doc.id}/recall`, {
      reason: 'Văn bản có sai sót về số liệu, thu hồi để chỉnh sửa',
    })
    expect(recall.statusCode, recall.body).toBe(200)
    await pump(a, b)
    const requests = (await received(b)).filter((i) => i.kind === 'recall')
    expect(requests).toHaveLength(1)
    const request = (
      await b.o.clients.clerk.get(`/api/exchange/received/${requests[0]!.id}`)
    ).json() as TReceivedPackage
    expect(request.business).toMatchObject({
      targetDocumentIdentifier: doc.documentIdentifier,
      targetIncomingDocumentId: incomingId,
      reason: expect.stringContaining('sai sót'),
    })
    const res = await b.o.clients.clerk.post(`/api/exchange/received/${request.id}/accept`, {})
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().state).toBe('applied')
    // The copy and its metadata are gone; the act is in the audit log.
    expect((await b.o.clients.clerk.get(`/api/documents-in/${incomingId}`)).statusCode).toBe(404)
    const audit = (await b.o.clients.admin.get(`/api/audit/events?targetId=${incomingId}`)).json() as {
      items: { action: string }[]
    }
    expect(audit.items.map((e) => e.action)).toContain('documentIn.destroyed')
    const original = (await b.o.clients.clerk.get(`/api/exchange/received/${accepted.id}`)).json()
    expect(original).toMatchObject({ state: 'destroyed', subject: null, attachments: [] })
    await pump(a, b)
    const recipient = await timeline(doc)
    expect(recipient.timeline.map((e) => e.code)).toEqual(['01', '03', '15'])
    const out = (await a.o.clients.clerk.get(`/api/documents-out/${doc.id}`)).json() as TOutgoingDocument
    expect(out).toMatchObject({ state: 'recalled' })
    expect(out.recipients[0]!.deliveryState).toBe('recalled')
  }, 120_000)

  it('a replacement ends the copy it replaces: 03 for the new one, 15 for the old', async () => {
    const first = await issueTo(a, bInA.id)
    await pump(a, b)
    const firstAccepted = await accept(await arrivedAtB(first))
    await pump(a, b)
    const replace = await a.o.clients.clerk.post(`/api/documents-out/${first.id}/replace`, {
      reason: 'Thay thế do bổ sung nội dung',
    })
    expect(replace.statusCode, replace.body).toBe(200)
    const second = await signAndIssue(a, replace.json() as TOutgoingDocument)
    await pump(a, b)
    const pkg = await arrivedAtB(second)
    expect(pkg.kind).toBe('replacement')
    expect(pkg.business.targetDocumentIdentifier).toBe(first.documentIdentifier)
    const accepted = await accept(pkg)
    // The old copy says it was replaced, and by which number.
    const old = await b.o.clients.clerk.get(`/api/documents-in/${firstAccepted.incomingDocumentId}/timeline`)
    expect(old.statusCode).toBe(200)
    expect(old.body).toContain(`Đã được thay thế bởi văn bản số ${second.numberAndNotation}`)
    expect(accepted.state).toBe('accepted')
    await pump(a, b)
    expect((await timeline(second)).timeline.map((e) => e.code)).toEqual(['01', '03'])
    expect((await timeline(first)).timeline.map((e) => e.code)).toEqual(['01', '03', '15'])
  }, 120_000)
})

describe('B unreachable while A sends', () => {
  it('A keeps the package, backs off, and delivers once B is back; nothing twice', async () => {
    const relay = await startRelay(Number(new URL(b.url).port))
    const port = relay.port
    await a.t.database.db
      .update(organizations)
      .set({ endpoint: relay.url })
      .where(eq(organizations.id, bInA.id))
    await relay.close()
    try {
      const doc = await issueTo(a, bInA.id)
      await a.t.dispatch()
      const first = await deliverDue(a.t.deps)
      expect(first).toEqual({ sent: 0, retry: 1, failed: 0 })
      let outbox = (await timeline(doc)).delivery!
      expect(outbox).toMatchObject({ state: 'queued', attempts: 1 })
      expect(outbox.lastError).toBeTruthy()
      // Not due yet: nothing is tried before the back-off ends.
      expect(await deliverDue(a.t.deps)).toEqual({ sent: 0, retry: 0, failed: 0 })
      const back = await startRelay(Number(new URL(b.url).port), port)
      try {
        a.advance(10 * 60_000)
        expect(await deliverDue(a.t.deps)).toEqual({ sent: 1, retry: 0, failed: 0 })
        outbox = (await timeline(doc)).delivery!
        expect(outbox).toMatchObject({ state: 'sent', attempts: 2, lastError: null })
        await pump(a, b)
        const arrived = (await received(b, 'all')).filter(
          (i) => i.numberAndNotation === doc.numberAndNotation,
        )
        expect(arrived).toHaveLength(1)
      } finally {
        await back.close()
      }
    } finally {
      await a.t.database.db
        .update(organizations)
        .set({ endpoint: b.url })
        .where(eq(organizations.id, bInA.id))
    }
  }, 120_000)
})

async function packageBytes(agency: Agency, doc: TOutgoingDocument): Promise<Uint8Array> {
  const { exchangeMessages } = await import('../../platform/db/schema.ts')
  const { readBytes } = await import('./store.ts')
  const [row] = await agency.t.database.db
    .select()
    .from(exchangeMessages)
    .where(eq(exchangeMessages.outgoingDocumentId, doc.id))
  return readBytes(agency.t.deps.blobs, row!.packageSha256!)
}
