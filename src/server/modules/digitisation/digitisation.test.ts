/**
 * Digitisation (issue 6): a clerk uploads a batch of scans; the reading job OCRs them and smart
 * capture pre-fills each registration; scan problems are reported; without Tesseract the batch
 * still works and says OCR is unavailable; confirming registers the incoming document with the
 * scan as its main file; discarding sets a scan aside; only the office's clerks see a batch.
 */
import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  TScanBatch,
  TScanBatchPage,
  TScanItem,
  TScanItemRegistered,
} from '@common/contracts/digitisation'
import type { TIncomingDocument } from '@common/contracts/documents-in'
import { events, scanBatchItems } from '../../platform/db/schema.ts'
import { createOcrEngine } from '../../platform/ocr/index.ts'
import { textPagePdf } from '../../platform/ocr/test-fixtures.ts'
import { makeUser, TEST_PASSWORD } from '../../test/factories.ts'
import { multipartBody } from '../../test/file-fixtures.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { office, registration, type Office } from '../documents-in/documents-in.test-support.ts'
import { letterJpeg, letterText, scannedLetter } from './digitisation.test-support.ts'
import { readQueuedItems } from './read-job.ts'

const hasTesseract = await createOcrEngine().isAvailable()
const LETTER = { number: '215/UBND-KT', subject: 'phối hợp quan trắc chất lượng nước sông Hậu' }

let t: TestApp
/** A server without OCR (TESSERACT_PATH points nowhere), with an office of its own. */
let noOcr: TestApp
let n: Office
let o: Office
let textPdf: Uint8Array
let other: Office
let clerk2: Client

beforeAll(async () => {
  t = await buildTestApp()
  noOcr = await buildTestApp({ env: { TESSERACT_PATH: '/nonexistent/tesseract' } })
  n = await office(noOcr)
  o = await office(t)
  other = await office(t)
  // A born-digital letter: its text layer is read, no OCR needed.
  textPdf = await textPagePdf(
    letterText({ number: '88/SNN-TL', subject: 'góp ý kế hoạch phòng chống hạn mặn' }),
  )
  const second = await makeUser(t.database.db, {
    roles: ['clerk'],
    organizationId: o.org.id,
    unitId: o.units.officeUnit.id,
  })
  clerk2 = await signIn(t.app, second.username, TEST_PASSWORD)
}, 60_000)
afterAll(async () => {
  await noOcr?.close()
  await t?.close()
})

async function upload(client: Client, filename: string, content: Uint8Array, type: string): Promise<string> {
  const { payload, headers } = multipartBody([{ filename, content: Buffer.from(content), type }])
  const res = await client.request({ method: 'POST', url: '/api/files', payload, headers })
  expect(res.statusCode, res.body).toBe(201)
  return (res.json() as { items: { id: string }[] }).items[0]!.id
}

async function createBatch(client: Client, fileIds: string[], extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/digitisation/batches', { fileIds, ...extra })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as TScanBatch
}

async function getBatch(client: Client, id: string) {
  const res = await client.get(`/api/digitisation/batches/${id}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as TScanBatch
}

async function batchEvents(app: TestApp, batchId: string) {
  return app.database.db
    .select({ action: events.action, actorId: events.actorId, data: events.data })
    .from(events)
    .where(and(eq(events.targetType, 'scanBatch'), eq(events.targetId, batchId)))
    .orderBy(asc(events.id))
}

describe('a batch of scans', () => {
  it.skipIf(!hasTesseract)(
    'is read in the background: OCR of a scanned PDF and of a JPEG pre-fills number and subject',
    async () => {
      const scan = await upload(o.clients.clerk, 'cv-215.pdf', await scannedLetter(LETTER), 'application/pdf')
      const photo = await upload(
        o.clients.clerk,
        'cv-216.jpg',
        await letterJpeg({ number: '216/UBND-KT', subject: 'báo cáo tình hình hạn mặn' }),
        'image/jpeg',
      )
      const text = await upload(o.clients.clerk, 'cv-text.pdf', textPdf, 'application/pdf')
      const batch = await createBatch(o.clients.clerk, [scan, photo, text], {
        registerId: o.register.id,
        title: 'Bưu phẩm sáng 12/3',
      })
      expect(batch.counts).toMatchObject({ total: 3, queued: 3 })
      expect(batch.isRead).toBe(false)
      expect(batch.items.map((i) => [i.filename, i.status])).toEqual([
        ['cv-215.pdf', 'queued'],
        ['cv-216.jpg', 'queued'],
        ['cv-text.pdf', 'queued'],
      ])

      expect(await readQueuedItems(t.deps, { batchIds: [batch.id] })).toMatchObject({ read: 3, failed: 0 })
      const read = await getBatch(o.clients.clerk, batch.id)
      expect(read.isRead).toBe(true)
      expect(read.counts).toMatchObject({ total: 3, ready: 3 })
      const [pdfItem, jpgItem, textItem] = read.items
      expect(pdfItem).toMatchObject({ status: 'ready', method: 'ocr' })
      expect(pdfItem!.fields?.numberAndNotation).toBe('215/UBND-KT')
      expect(pdfItem!.fields?.subject).toBe(LETTER.subject)
      expect(pdfItem!.fields?.issueDate).toBe('2026-03-12')
      // 300 dpi, colour, PDF 1.7: nothing to report.
      expect(pdfItem!.scan).toMatchObject({ pdfVersion: '1.7', pageCount: 1, problems: [] })
      expect(jpgItem).toMatchObject({ status: 'ready', method: 'ocr' })
      expect(jpgItem!.fields?.numberAndNotation).toBe('216/UBND-KT')
      expect(textItem).toMatchObject({ status: 'ready', method: 'text' })
      expect(textItem!.fields?.numberAndNotation).toBe('88/SNN-TL')
      expect(textItem!.textExcerpt).toContain('góp ý kế hoạch phòng chống hạn mặn')

      const recorded = await batchEvents(t, batch.id)
      expect(recorded.map((e) => e.action)).toEqual([
        'digitisation.batchCreated',
        'digitisation.itemRead',
        'digitisation.itemRead',
        'digitisation.itemRead',
      ])
      expect(recorded[0]!.actorId).toBe(o.people.clerk.id)
      // The reading is the system's work.
      expect(recorded[1]!.actorId).toBeNull()
    },
    120_000,
  )

  it('reports scans that break the digitisation rules, and says when OCR is unavailable', async () => {
    const status = await n.clients.clerk.get('/api/digitisation/status')
    expect(status.json()).toMatchObject({ isOcrAvailable: false })
    const grey = await scannedLetter(LETTER, { dpi: 150, isGrey: true, version: '1.3' })
    const fileId = await upload(n.clients.clerk, 'xam-150dpi.pdf', grey, 'application/pdf')
    const lowJpeg = await letterJpeg(LETTER, 150)
    const jpegId = await upload(n.clients.clerk, 'anh-150dpi.jpg', lowJpeg, 'image/jpeg')
    const batch = await createBatch(n.clients.clerk, [fileId, jpegId])
    expect(await readQueuedItems(noOcr.deps, { batchIds: [batch.id] })).toMatchObject({
      unavailable: 2,
      failed: 0,
    })
    const [pdfItem, jpegItem] = (await getBatch(n.clients.clerk, batch.id)).items
    expect(pdfItem).toMatchObject({ status: 'ready', method: 'ocr_unavailable', fields: null })
    expect(pdfItem!.abilities).toMatchObject({ register: true, discard: true, retry: true })
    expect(pdfItem!.scan?.pdfVersion).toBe('1.3')
    expect(pdfItem!.scan?.problems.map((p) => [p.code, p.dpi])).toEqual([
      ['PDF_VERSION_TOO_OLD', null],
      ['LOW_RESOLUTION', 150],
      ['NOT_COLOUR', null],
    ])
    expect(jpegItem!.scan?.problems.map((p) => [p.code, p.dpi])).toEqual([['LOW_RESOLUTION', 150]])

    // Tesseract installed later: the clerk asks for the item to be read again.
    const retried = await n.clients.clerk.post(`/api/digitisation/items/${pdfItem!.id}/retry`)
    expect(retried.statusCode, retried.body).toBe(200)
    expect(retried.json()).toMatchObject({ status: 'queued', method: null, scan: null })
    const recorded = await batchEvents(noOcr, batch.id)
    expect(recorded.map((e) => e.action)).toEqual([
      'digitisation.batchCreated',
      'digitisation.itemRead',
      'digitisation.itemRead',
      'digitisation.itemRequeued',
    ])
    expect(recorded[1]!.data).toMatchObject({
      method: 'ocr_unavailable',
      scanProblems: ['PDF_VERSION_TOO_OLD', 'LOW_RESOLUTION', 'NOT_COLOUR'],
    })
  }, 60_000)

  it('puts back in the queue an item whose reader died, and reads it', async () => {
    const a = await upload(o.clients.clerk, 'bo-do.pdf', textPdf, 'application/pdf')
    const batch = await createBatch(o.clients.clerk, [a])
    // A reader took it an hour ago and never came back (the process was killed).
    await t.database.db
      .update(scanBatchItems)
      .set({ status: 'reading', updatedAt: new Date(Date.now() - 3600_000) })
      .where(eq(scanBatchItems.id, batch.items[0]!.id))
    expect(await readQueuedItems(t.deps, { batchIds: [batch.id] })).toMatchObject({ read: 1 })
    expect((await getBatch(o.clients.clerk, batch.id)).items[0]).toMatchObject({
      status: 'ready',
      method: 'text',
    })
  })

  it('keeps a file of a type it cannot read as a failed item with the reason', async () => {
    const csv = await upload(
      o.clients.clerk,
      'danh-sach.csv',
      Buffer.from('so,trich yeu\n1,abc\n'),
      'text/csv',
    )
    const batch = await createBatch(o.clients.clerk, [csv])
    expect(batch.items[0]).toMatchObject({ status: 'failed', method: null })
    expect(batch.items[0]!.error).toMatch(/không đọc được/)
    expect(batch.isRead).toBe(true)
  })
})

describe('confirming and discarding', () => {
  it('registers the scan as an incoming document with the scan as its main file, once', async () => {
    const a = await upload(o.clients.clerk, 'a.pdf', textPdf, 'application/pdf')
    const b = await upload(o.clients.clerk, 'b.pdf', textPdf, 'application/pdf')
    const batch = await createBatch(o.clients.clerk, [a, b], { registerId: o.register.id })
    await readQueuedItems(t.deps, { batchIds: [batch.id] })
    const [first, second] = batch.items

    const body = registration(o, { subject: 'V/v phối hợp quan trắc chất lượng nước sông Hậu' })
    // Another clerk of the office confirms: the batch is the office's, not only its creator's.
    const res = await clerk2.post(`/api/digitisation/items/${first!.id}/register`, body)
    expect(res.statusCode, res.body).toBe(201)
    const done = res.json() as TScanItemRegistered
    expect(done.item).toMatchObject({ status: 'registered', documentId: done.documentId })
    expect(done.item.abilities).toEqual({ register: false, discard: false, retry: false })

    const doc = (await clerk2.get(`/api/documents-in/${done.documentId}`)).json() as TIncomingDocument & {
      files: { fileId: string; role: string }[]
    }
    expect(doc.subject).toBe(body.subject)
    expect(doc.registerNumber).toBeGreaterThan(0)
    expect(doc.files.map((f) => [f.fileId, f.role])).toEqual([[a, 'main']])

    const again = await o.clients.clerk.post(`/api/digitisation/items/${first!.id}/register`, {
      ...body,
      numberAndNotation: '999/XX-YY',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION' } })

    const discarded = await o.clients.clerk.post(`/api/digitisation/items/${second!.id}/discard`)
    expect(discarded.statusCode, discarded.body).toBe(200)
    expect((discarded.json() as TScanItem).status).toBe('discarded')
    expect((await o.clients.clerk.post(`/api/digitisation/items/${second!.id}/discard`)).statusCode).toBe(409)
    const refused = await o.clients.clerk.post(`/api/digitisation/items/${second!.id}/register`, body)
    expect(refused.statusCode).toBe(409)

    const closed = await getBatch(o.clients.clerk, batch.id)
    expect(closed.counts).toMatchObject({ total: 2, registered: 1, discarded: 1 })
    expect(closed.isClosed).toBe(true)
    const recorded = await batchEvents(t, batch.id)
    expect(recorded.filter((e) => e.actorId !== null).map((e) => e.action)).toEqual([
      'digitisation.batchCreated',
      'digitisation.itemRegistered',
      'digitisation.itemDiscarded',
    ])
    expect(recorded.find((e) => e.action === 'digitisation.itemRegistered')!.data).toMatchObject({
      itemId: first!.id,
      documentId: done.documentId,
    })
    // The open-batch filter leaves it out now.
    const open = (await o.clients.clerk.get('/api/digitisation/batches?isOpen=true&pageSize=200')).json()
    expect((open as TScanBatchPage).items.map((x) => x.id)).not.toContain(batch.id)
  })

  it('applies the registration rules: a secret document is refused and the item stays open', async () => {
    const a = await upload(o.clients.clerk, 'mat.pdf', textPdf, 'application/pdf')
    const batch = await createBatch(o.clients.clerk, [a])
    const res = await o.clients.clerk.post(
      `/api/digitisation/items/${batch.items[0]!.id}/register`,
      registration(o, { secrecyMark: 'MẬT' }),
    )
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ error: { code: 'SECRET_DOCUMENT_REFUSED' } })
    expect((await getBatch(o.clients.clerk, batch.id)).items[0]!.status).toBe('queued')
  })

  it('marks an item registered when its scan is registered through the ordinary form', async () => {
    const a = await upload(o.clients.clerk, 'form.pdf', textPdf, 'application/pdf')
    const batch = await createBatch(o.clients.clerk, [a], { title: 'form.pdf' })
    const res = await o.clients.clerk.post('/api/documents-in', registration(o, { fileIds: [a] }))
    expect(res.statusCode, res.body).toBe(201)
    await t.dispatch()
    const item = (await getBatch(o.clients.clerk, batch.id)).items[0]!
    expect(item).toMatchObject({ status: 'registered', documentId: (res.json() as { id: string }).id })
  })
})

describe('who sees a batch', () => {
  let batch: TScanBatch
  beforeAll(async () => {
    const a = await upload(o.clients.clerk, 'rieng.pdf', textPdf, 'application/pdf')
    batch = await createBatch(o.clients.clerk, [a])
  })

  it('another organization’s clerk neither sees nor acts on it', async () => {
    const c = other.clients.clerk
    const item = batch.items[0]!
    expect((await c.get(`/api/digitisation/batches/${batch.id}`)).statusCode).toBe(404)
    expect((await c.get(`/api/digitisation/items/${item.id}`)).statusCode).toBe(404)
    expect((await c.post(`/api/digitisation/items/${item.id}/discard`)).statusCode).toBe(404)
    expect(
      (await c.post(`/api/digitisation/items/${item.id}/register`, registration(other))).statusCode,
    ).toBe(404)
    expect((await c.get(`/api/files/${item.fileId}/content`)).statusCode).toBe(404)
    const list = (await c.get('/api/digitisation/batches?pageSize=200')).json() as TScanBatchPage
    expect(list.items.map((b) => b.id)).not.toContain(batch.id)
    // Nor may it put our file in a batch of its own, or use our register.
    const res = await c.post('/api/digitisation/batches', { fileIds: [item.fileId] })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'fileIds.0' }] },
    })
    const own = await upload(c, 'x.pdf', textPdf, 'application/pdf')
    const wrongRegister = await c.post('/api/digitisation/batches', {
      fileIds: [own],
      registerId: o.register.id,
    })
    expect(wrongRegister.json()).toMatchObject({ error: { details: [{ path: 'registerId' }] } })
  })

  it('a specialist is refused; a clerk of the office sees it and reads its scans', async () => {
    const s = o.clients.specialist
    expect((await s.get(`/api/digitisation/batches/${batch.id}`)).statusCode).toBe(403)
    expect((await s.get('/api/digitisation/batches')).statusCode).toBe(403)
    expect(
      (await s.post('/api/digitisation/batches', { fileIds: [batch.items[0]!.fileId] })).statusCode,
    ).toBe(403)
    expect((await clerk2.get(`/api/digitisation/batches/${batch.id}`)).statusCode).toBe(200)
    expect((await clerk2.get(`/api/files/${batch.items[0]!.fileId}/content`)).statusCode).toBe(200)
    const list = (await clerk2.get('/api/digitisation/batches?pageSize=200')).json() as TScanBatchPage
    expect(list.items.find((b) => b.id === batch.id)).toMatchObject({
      createdBy: { id: o.people.clerk.id },
      counts: { total: 1, queued: 1 },
      isRead: false,
    })
  })
})
