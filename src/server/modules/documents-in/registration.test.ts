/** Registration of incoming documents through the API: files, numbers, duplicates, refusals, bad input, corrections. */
import { and, count, eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { documentFiles, documents, events, registerSequences } from '../../platform/db/schema.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { office, registerDocument, registration, uploadPdf } from './documents-in.test-support.ts'
import { extractPendingTexts } from './jobs.ts'

let clockAt: Date | null = null
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => clockAt ?? new Date() })
})
afterEach(() => {
  clockAt = null
})
afterAll(async () => t.close())

async function documentCount(registerId: string) {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(documents)
    .where(eq(documents.registerId, registerId))
  return Number(row!.n)
}

describe('POST /api/documents-in', () => {
  it('registers a received PDF letter with the next arrival number, files, identifier and an event; the job extracts its text', async () => {
    const o = await office(t)
    const fileId = await uploadPdf(o.clients.clerk, 'CongVanSo15-KeHoachThichUngBienDoiKhiHau')
    const res = await o.clients.clerk.post(
      '/api/documents-in',
      registration(o, {
        numberAndNotation: '15/ BNNMT-TL',
        fileIds: [fileId],
        urgency: 'urgent',
        pageCount: 2,
      }),
    )
    expect(res.statusCode, res.body).toBe(201)
    const doc = res.json()
    expect(doc).toMatchObject({
      state: 'registered',
      registerNumber: 1,
      registerName: 'Sổ văn bản đến',
      senderName: o.member.name,
      numberAndNotation: '15/ BNNMT-TL',
      documentIdentifier: `${o.member.code},2026/03/02,15/BNNMT-TL`,
      urgency: 'urgent',
      registeredByName: o.people.clerk.fullName,
      files: [{ fileId, role: 'main', textStatus: 'pending', filename: 'cong-van.pdf' }],
      abilities: { update: true, submit: true, assign: false },
    })
    const recorded = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.targetType, 'documentIn'), eq(events.targetId, doc.id)))
    expect(recorded.map((e) => e.action)).toEqual(['documentIn.registered'])
    expect(recorded[0]!.data).toMatchObject({ registerNumber: 1, registerCode: 'VBD', fileIds: [fileId] })

    expect(await extractPendingTexts(t.deps)).toBeGreaterThanOrEqual(1)
    const [file] = await t.database.db
      .select()
      .from(documentFiles)
      .where(eq(documentFiles.documentId, doc.id))
    expect(file!.textStatus).toBe('done')
    expect(file!.extractedText).toContain('CongVanSo15-KeHoach')

    const second = await registerDocument(o)
    expect(second.registerNumber).toBe(2)
    const registers = (await o.clients.clerk.get('/api/registers?kind=incoming')).json()
    expect(registers.items).toEqual([
      expect.objectContaining({
        code: 'VBD',
        lastNumberThisYear: 2,
        abilities: { update: true, register: true },
      }),
    ])
  })

  it('marks a PDF without a text layer as scanned', async () => {
    const o = await office(t)
    const fileId = await uploadPdf(o.clients.clerk, '')
    const doc = await registerDocument(o, { fileIds: [fileId] })
    await extractPendingTexts(t.deps)
    const [file] = await t.database.db
      .select()
      .from(documentFiles)
      .where(eq(documentFiles.documentId, doc.id))
    expect(file!.textStatus).toBe('scanned')
  })

  it('leaves no gap when a registration fails, and restarts numbering on 1 January (Viet Nam time)', async () => {
    const o = await office(t)
    clockAt = new Date('2025-12-31T16:00:00Z') // 23:00 on 31 December in Hanoi
    expect((await registerDocument(o)).registerNumber).toBe(1)
    const bad = await o.clients.clerk.post(
      '/api/documents-in',
      registration(o, { fileIds: ['00000000-0000-4000-8000-000000000001'] }),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'fileIds.0' })])
    expect((await registerDocument(o)).registerNumber).toBe(2)
    clockAt = new Date('2025-12-31T17:00:00Z') // 00:00 on 1 January 2026 in Hanoi
    const next = await registerDocument(o)
    expect(next).toMatchObject({ registerNumber: 1, registerYear: 2026 })
    // A late registration of a document that arrived last year takes last year's next number.
    clockAt = null
    const late = await registerDocument(o, { arrivedAt: '2025-12-31T23:59:00+07:00' })
    expect(late).toMatchObject({ registerNumber: 3, registerYear: 2025 })
    const seqs = await t.database.db
      .select()
      .from(registerSequences)
      .where(eq(registerSequences.registerId, o.register.id))
    expect(seqs.map((s) => [s.year, s.lastNumber]).sort()).toEqual([
      [2025, 3],
      [2026, 1],
    ])
  })

  it('warns of a duplicate (same issuer, number and notation without spaces or case) and registers it when confirmed', async () => {
    const o = await office(t)
    const first = await registerDocument(o, { numberAndNotation: '27/BNNMT-TL' })
    const check = await o.clients.clerk.post('/api/documents-in/duplicates', {
      senderOrganizationId: o.member.id,
      numberAndNotation: '27 / bnnmt-tl',
    })
    expect(check.json().items).toEqual([
      expect.objectContaining({ id: first.id, reason: 'issuer_and_number', registerNumber: 1 }),
    ])
    const typed = await o.clients.clerk.post('/api/documents-in/duplicates', {
      senderName: `  ${o.member.name.toUpperCase()} `,
      numberAndNotation: '27/BNNMT-TL',
    })
    expect(typed.json().items.map((c: { id: string }) => c.id)).toEqual([first.id])

    const dup = await o.clients.clerk.post(
      '/api/documents-in',
      registration(o, { numberAndNotation: '27/BNNMT-TL' }),
    )
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error).toMatchObject({
      code: 'DUPLICATE_DOCUMENT',
      details: { candidates: [expect.objectContaining({ id: first.id, reason: 'identifier' })] },
    })
    const confirmed = await o.clients.clerk.post(
      '/api/documents-in',
      registration(o, { numberAndNotation: '27/BNNMT-TL', confirmDuplicate: true }),
    )
    expect(confirmed.statusCode).toBe(201)
    expect(confirmed.json().registerNumber).toBe(2)
  })

  it('refuses a secret document and writes nothing', async () => {
    const o = await office(t)
    const res = await o.clients.clerk.post('/api/documents-in', registration(o, { secrecyMark: 'MẬT' }))
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({
      code: 'SECRET_DOCUMENT_REFUSED',
      details: [{ path: 'secrecyMark' }],
    })
    expect(await documentCount(o.register.id)).toBe(0)
    expect(
      await t.database.db
        .select()
        .from(registerSequences)
        .where(eq(registerSequences.registerId, o.register.id)),
    ).toEqual([])
  })

  it('returns the first document for a double submission of the same form, also when both arrive at once', async () => {
    const o = await office(t)
    const body = registration(o, { clientRequestId: 'form-1234567890' })
    const first = await o.clients.clerk.post('/api/documents-in', body)
    const again = await o.clients.clerk.post('/api/documents-in', body)
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
    const racing = registration(o, { clientRequestId: 'form-racing-0001' })
    const [a, b] = await Promise.all([
      o.clients.clerk.post('/api/documents-in', racing),
      o.clients.clerk.post('/api/documents-in', racing),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    expect(a.json().id).toBe(b.json().id)
    expect(await documentCount(o.register.id)).toBe(2)
  })

  it('answers unknown and closed registers, and bad input, with clear errors', async () => {
    const o = await office(t)
    const unknown = await o.clients.clerk.post(
      '/api/documents-in',
      registration(o, { registerId: '00000000-0000-4000-8000-000000000002' }),
    )
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ path: 'registerId' })])
    const closed = await o.clients.clerk.patch(`/api/registers/${o.register.id}`, { isActive: false })
    expect(closed.json()).toMatchObject({ isActive: false, abilities: { register: false } })
    const inactive = await o.clients.clerk.post('/api/documents-in', registration(o))
    expect(inactive.statusCode).toBe(409)
    expect(inactive.json().error.code).toBe('REGISTER_INACTIVE')

    const bad = await o.clients.clerk.post('/api/documents-in', {
      ...registration(o),
      subject: undefined,
      pageCount: 'two',
      extra: 1,
    })
    expect(bad.statusCode).toBe(400)
    const paths = bad
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .join(' ')
    expect(paths).toContain('subject')
    expect(paths).toContain('pageCount')
    expect(
      bad
        .json()
        .error.details.some(
          (d: { message: string }) => /extra/.test(d.message) || /Unrecognized/i.test(d.message),
        ),
    ).toBe(true)
    const noSender = await o.clients.clerk.post('/api/documents-in', {
      ...registration(o),
      senderOrganizationId: null,
    })
    expect(noSender.json().error.details).toEqual([expect.objectContaining({ path: 'body.senderName' })])
    const notClerk = await o.clients.specialist.post('/api/documents-in', registration(o))
    expect(notClerk.statusCode).toBe(403)
  })
})

describe('PATCH /api/documents-in/:id', () => {
  it('lets the clerk correct metadata before submission, recording before and after', async () => {
    const o = await office(t)
    const doc = await registerDocument(o, { numberAndNotation: '5/BNNMT-TL' })
    const res = await o.clients.clerk.patch(`/api/documents-in/${doc.id}`, {
      numberAndNotation: '05/BNNMT-TL',
      subject: 'V/v sửa trích yếu',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      subject: 'V/v sửa trích yếu',
      documentIdentifier: `${o.member.code},2026/03/02,05/BNNMT-TL`,
      registerNumber: 1,
    })
    const [event] = await t.database.db
      .select()
      .from(events)
      .where(and(eq(events.targetId, doc.id), eq(events.action, 'documentIn.updated')))
    expect(event!.data).toMatchObject({
      before: { numberAndNotation: '5/BNNMT-TL' },
      after: { numberAndNotation: '05/BNNMT-TL', subject: 'V/v sửa trích yếu' },
    })
    await o.clients.clerk.post(`/api/documents-in/${doc.id}/submit`, { leaderId: o.people.leader.id })
    const late = await o.clients.clerk.patch(`/api/documents-in/${doc.id}`, { subject: 'Quá muộn để sửa' })
    expect(late.statusCode).toBe(403)
  })
})
