/**
 * What arrives from outside, through the peer route: refused with a clear reason when it must be
 * (unknown sender, no or wrong signature, tampered, malformed, entity tricks, oversized, not for
 * us, about a document we do not have), kept once when delivered twice; statuses out of order give
 * the right timeline; updates and revocations reach the clerk and are decided.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TReceivedPackage, TReceivedPage, TSentExchange } from '@common/contracts/exchange'
import { eq } from 'drizzle-orm'
import { exchangeMessages, organizations } from '../../platform/db/schema.ts'
import { buildStatus } from '../../platform/edxml/index.ts'
import type { DemoPki } from '../../platform/signing/index.ts'
import { makePki } from '../documents-out/documents-out.test-support.ts'
import { issueTo, startAgency, type Agency } from './exchange.test-support.ts'
import { buildSamplePackage, sampleDocumentId, sampleSender, type SampleSender } from './sample.ts'

let pki: DemoPki
let b: Agency
let sender: SampleSender
let stranger: SampleSender
let senderOrgId: string
let n = 100

beforeAll(async () => {
  pki = await makePki()
  b = await startAgency(pki, {
    code: '000.00.00.H41',
    name: 'Ủy ban nhân dân tỉnh Nghệ An',
    shortName: 'UBMC',
  })
  sender = await sampleSender('000.00.00.G13', 'Bộ Nông nghiệp và Môi trường')
  stranger = await sampleSender('000.00.00.G99', 'Cơ quan lạ')
  const [row] = await b.t.database.db
    .insert(organizations)
    .values({ code: sender.code, name: sender.name, kind: 'ministry', certificatePem: sender.certificatePem })
    .returning()
  senderOrgId = row!.id
}, 120_000)
afterAll(async () => {
  await b?.t.close()
})

const to = () => ({ code: b.code, name: b.name })
const letter = (extra: Partial<Parameters<typeof buildSamplePackage>[0]> = {}) =>
  buildSamplePackage({
    sender,
    to: to(),
    number: String(n++),
    notation: 'BNNMT-TNN',
    issueDate: '2026-12-01',
    subject: 'Cung cấp số liệu quan trắc tài nguyên nước lưu vực sông Mê Công',
    ...extra,
  })

async function post(bytes: Uint8Array | Buffer, from = sender.code) {
  const res = await fetch(`${b.url}/api/exchange/peer/packages`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', 'x-edxml-from': from },
    body: Buffer.from(bytes),
  })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
  }
}

async function count() {
  const rows = await b.t.database.db.select({ id: exchangeMessages.id }).from(exchangeMessages)
  return rows.length
}

describe('refused with a reason, nothing kept', () => {
  it('unknown sender, unsigned, signed by another key, tampered', async () => {
    const before = await count()
    const unknown = await post(
      await buildSamplePackage({
        sender: stranger,
        to: to(),
        number: '1',
        notation: 'X',
        issueDate: '2026-12-01',
        subject: 'Thử',
      }),
      stranger.code,
    )
    expect(unknown.status).toBe(403)
    expect(unknown.body.error).toMatchObject({
      code: 'EXCHANGE_UNKNOWN_SENDER',
      message: expect.stringContaining('danh bạ'),
    })

    const impostor = await post(
      await buildSamplePackage({
        sender: { ...stranger, code: sender.code, name: sender.name },
        to: to(),
        number: '2',
        notation: 'X',
        issueDate: '2026-12-01',
        subject: 'Giả mạo',
      }),
    )
    expect(impostor.status).toBe(400)
    expect(impostor.body.error).toMatchObject({
      code: 'SIGNATURE_INVALID',
      message: expect.stringContaining('chứng thư số'),
    })

    const good = Buffer.from(await letter())
    const text = good.toString('utf8')
    const tampered = Buffer.from(text.replace('Cung cấp số liệu', 'Cung cấp SỐ LIỆU'), 'utf8')
    expect(tampered.equals(good)).toBe(false)
    const res = await post(tampered)
    expect(res.status).toBe(400)
    expect(res.body.error?.code).toBe('SIGNATURE_INVALID')

    const claimed = await post(good, '000.00.00.G12')
    expect(claimed.status).toBe(403)
    expect(await count()).toBe(before)
  })

  it('malformed XML, entities, oversized, not for us, empty', async () => {
    const before = await count()
    const malformed = await post(Buffer.from('<edXML><edXML:edXMLEnvelope>'))
    expect(malformed.status).toBe(400)
    expect(malformed.body.error?.code).toBe('EDXML_INVALID')
    const laughs = await post(
      Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><edXML>&lol2;</edXML>',
      ),
    )
    expect(laughs.status).toBe(400)
    expect(laughs.body.error?.code).toBe('EDXML_INVALID')
    const notOurs = await post(
      await buildSamplePackage({
        sender,
        to: { code: '000.00.00.H01', name: 'UBND TP Hà Nội' },
        number: '5',
        notation: 'X',
        issueDate: '2026-12-01',
        subject: 'Không gửi cho Nghệ An',
      }),
    )
    expect(notOurs.status).toBe(422)
    expect(notOurs.body.error?.code).toBe('EXCHANGE_NOT_ADDRESSED')
    const empty = await post(Buffer.alloc(0))
    expect(empty.status).toBe(400)
    const huge = await post(Buffer.alloc(61 * 1024 * 1024, 0x41))
    expect(huge.status).toBe(413)
    expect(await count()).toBe(before)
  }, 60_000)

  it('a status about a document we never sent', async () => {
    const status = await buildStatus(
      {
        responseFor: {
          organId: b.code,
          code: '9/UBND-VP',
          promulgationDate: '2026-12-01',
          documentId: `${b.code},2026/12/01,9/UBND-VP`,
        },
        from: { organId: sender.code, organName: sender.name },
        statusCode: '03',
        description: 'Đã tiếp nhận',
        timestamp: new Date(),
        staffInfo: {},
      },
      { signer: sender.signer },
    )
    const res = await post(status)
    expect(res.status).toBe(422)
    expect(res.body.error?.code).toBe('EXCHANGE_UNKNOWN_DOCUMENT')
  })
})

describe('kept once, decided by the clerk', () => {
  it('a second delivery of the same package is recognised', async () => {
    const bytes = await letter()
    const first = await post(bytes)
    expect(first.status).toBe(202)
    const second = await post(bytes)
    expect(second).toMatchObject({ status: 200, body: { id: first.body.id, duplicate: true } })
    // Racing deliveries of one package end with one row.
    const third = await letter()
    const results = await Promise.all([post(third), post(third), post(third)])
    expect(results.filter((r) => r.status === 202)).toHaveLength(1)
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
  })

  it('only clerks see and decide; a specialist is refused', async () => {
    expect((await b.o.clients.specialist.get('/api/exchange/received')).statusCode).toBe(403)
    const { body } = await post(await letter())
    const res = await b.o.clients.admin.post(`/api/exchange/received/${String(body.id)}/refuse`, {
      reason: 'Không phải văn thư',
    })
    expect(res.statusCode).toBe(403)
  })

  it('an update (type 2) corrects the registered document; a revocation (type 1) refused answers 16', async () => {
    const number = String(n++)
    const original = await letter({ number, dueDate: '2026-12-20' })
    const { body } = await post(original)
    const accept = await b.o.clients.clerk.post(`/api/exchange/received/${String(body.id)}/accept`, {
      registerId: b.o.registers.incoming.id,
    })
    expect(accept.statusCode, accept.body).toBe(200)
    const incomingId = (accept.json() as TReceivedPackage).incomingDocumentId!
    const target = sampleDocumentId({ sender, issueDate: '2026-12-01', number, notation: 'BNNMT-TNN' })

    const update = await post(
      await letter({
        number,
        subject: 'Cung cấp số liệu quan trắc (bổ sung trạm Tân Châu)',
        dueDate: '2026-12-25',
        businessType: 2,
        targetDocumentId: target,
        reason: 'Bổ sung trạm quan trắc',
      }),
    )
    expect(update.status).toBe(202)
    const pkg = (
      await b.o.clients.clerk.get(`/api/exchange/received/${String(update.body.id)}`)
    ).json() as TReceivedPackage
    expect(pkg).toMatchObject({
      kind: 'update',
      business: { targetDocumentIdentifier: target, targetIncomingDocumentId: incomingId },
    })
    const applied = await b.o.clients.clerk.post(`/api/exchange/received/${pkg.id}/accept`, {})
    expect(applied.statusCode, applied.body).toBe(200)
    const doc = (await b.o.clients.clerk.get(`/api/documents-in/${incomingId}`)).json()
    expect(doc).toMatchObject({
      subject: 'Cung cấp số liệu quan trắc (bổ sung trạm Tân Châu)',
      dueDate: '2026-12-25',
    })
    expect((applied.json() as TReceivedPackage).statusesSent.map((s) => s.code)).toEqual(['15'])

    const revoke = await post(
      await letter({ number, businessType: 1, targetDocumentId: target, reason: 'Thu hồi do ban hành nhầm' }),
    )
    const list = (await b.o.clients.clerk.get('/api/exchange/received')).json() as TReceivedPage
    expect(list.items.find((i) => i.id === revoke.body.id)).toMatchObject({ kind: 'recall' })
    const refused = await b.o.clients.clerk.post(`/api/exchange/received/${String(revoke.body.id)}/refuse`, {
      reason: 'Văn bản đã được xử lý xong',
    })
    expect(refused.statusCode).toBe(200)
    expect((refused.json() as TReceivedPackage).statusesSent.map((s) => s.code)).toEqual(['16'])
    // Refused: the document is still there.
    expect((await b.o.clients.clerk.get(`/api/documents-in/${incomingId}`)).statusCode).toBe(200)
  })
})

describe('statuses about our own document, out of order', () => {
  it('are ordered by their time; the latest is the furthest; a repeat is ignored', async () => {
    const doc = await issueTo(b, senderOrgId)
    const responseFor = {
      organId: b.code,
      code: doc.numberAndNotation!,
      promulgationDate: doc.issueDate,
      documentId: doc.documentIdentifier!,
    }
    const t0 = Date.now()
    const status = (code: '01' | '03' | '04' | '06', minutes: number) =>
      buildStatus(
        {
          responseFor,
          from: { organId: sender.code, organName: sender.name },
          statusCode: code,
          description: `Trạng thái ${code}`,
          timestamp: new Date(t0 + minutes * 60_000),
          staffInfo: { staff: 'Lê Văn Thư' },
        },
        { signer: sender.signer },
      )
    for (const [code, minutes] of [
      ['03', 2],
      ['01', 1],
      ['06', 5],
      ['04', 3],
      ['03', 2],
    ] as const) {
      const res = await post(await status(code, minutes))
      expect([200, 202]).toContain(res.status)
    }
    const sent = (await b.o.clients.clerk.get(`/api/exchange/sent/${doc.id}`)).json() as TSentExchange
    const recipient = sent.recipients[0]!
    expect(recipient.timeline.map((e) => e.code)).toEqual(['01', '03', '04', '06'])
    expect(recipient.latest).toMatchObject({ code: '06', staff: 'Lê Văn Thư' })
    const stuckRes = await b.o.clients.clerk.get('/api/exchange/stuck?hours=1')
    expect(stuckRes.statusCode, stuckRes.body).toBe(200)
    const stuck = stuckRes.json() as { items: { documentId: string }[] }
    expect(stuck.items.map((i) => i.documentId)).not.toContain(doc.id)
  }, 60_000)

  it('a delivery not yet made for long is listed as stuck', async () => {
    const doc = await issueTo(b, senderOrgId)
    await b.t.dispatch()
    // Queued three hours ago (moving the clock would end the clerk's session instead).
    await b.t.database.db
      .update(exchangeMessages)
      .set({ createdAt: new Date(Date.now() - 3 * 3_600_000) })
      .where(eq(exchangeMessages.outgoingDocumentId, doc.id))
    const stuck = (await b.o.clients.clerk.get('/api/exchange/stuck?hours=2')).json() as {
      items: { documentId: string; state: string; hours: number }[]
    }
    const item = stuck.items.find((i) => i.documentId === doc.id)
    expect(item).toMatchObject({ state: 'queued' })
    expect(item!.hours).toBeGreaterThanOrEqual(2)
  }, 60_000)
})
