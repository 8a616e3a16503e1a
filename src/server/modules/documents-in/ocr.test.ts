/**
 * Digitisation (issue 6): a scanned letter registered as incoming is read by OCR in the background;
 * its text is kept for search and a searchable copy is added to the document. Without Tesseract the
 * system still works and says OCR is unavailable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOcrEngine } from '../../platform/ocr/index.ts'
import {
  characterAccuracy,
  knownText,
  rasterise,
  scanPdf,
  textPagePdf,
} from '../../platform/ocr/test-fixtures.ts'
import { multipartBody } from '../../test/file-fixtures.ts'
import { buildTestApp, type Client, type TestApp } from '../../test/harness.ts'
import { office, registration, type Office } from './documents-in.test-support.ts'
import { extractPendingTexts } from './jobs.ts'
import { ocrPendingScans } from './ocr-job.ts'

const available = await createOcrEngine().isAvailable()

let t: TestApp
let o: Office
let scan: Uint8Array
/** Another scan, never read: the first one's read is kept and would be reused. */
let unread: Uint8Array

beforeAll(async () => {
  t = await buildTestApp()
  o = await office(t)
  scan = await scanPdf([await rasterise(await textPagePdf(knownText(1)), 200)])
  unread = await scanPdf([await rasterise(await textPagePdf(knownText(2)), 200)])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function registerScan(client: Client, bytes = scan) {
  const { payload, headers } = multipartBody([
    { filename: 'cong-van-quet.pdf', content: Buffer.from(bytes), type: 'application/pdf' },
  ])
  const up = await client.request({ method: 'POST', url: '/api/files', payload, headers })
  expect(up.statusCode).toBe(201)
  const fileId = (up.json() as { items: { id: string }[] }).items[0]!.id
  const res = await client.post('/api/documents-in', registration(o, { fileIds: [fileId] }))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

type Doc = { files: { role: string; textStatus: string; filename: string; fileId: string }[] }

describe('OCR of scans', () => {
  it.skipIf(!available)(
    'reads the scan in the background and adds a searchable copy',
    async () => {
      const doc = await registerScan(o.clients.clerk)
      await extractPendingTexts(t.deps)
      let view = (await o.clients.clerk.get(`/api/documents-in/${doc.id}`)).json() as Doc
      expect(view.files.map((f) => f.textStatus)).toEqual(['scanned'])
      expect(await ocrPendingScans(t.deps, { documentId: doc.id })).toMatchObject({ done: 1, failed: 0 })
      view = (await o.clients.clerk.get(`/api/documents-in/${doc.id}`)).json() as Doc
      expect(view.files.find((f) => f.role === 'main')?.textStatus).toBe('ocr_done')
      const copy = view.files.find((f) => f.role === 'searchable')
      expect(copy?.filename).toBe('cong-van-quet.ocr.pdf')
      const pdf = await o.clients.clerk.get(`/api/files/${copy!.fileId}/content`)
      expect(pdf.statusCode).toBe(200)
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
      const { documentFiles } = await import('../../platform/db/schema.ts')
      const { eq } = await import('drizzle-orm')
      const [row] = await t.database.db
        .select({ text: documentFiles.extractedText })
        .from(documentFiles)
        .where(eq(documentFiles.fileId, view.files.find((f) => f.role === 'main')!.fileId))
      expect(characterAccuracy(knownText(1), row!.text ?? '')).toBeGreaterThan(0.95)
      // Nothing left to read.
      expect(await ocrPendingScans(t.deps, { documentId: doc.id })).toEqual({
        done: 0,
        failed: 0,
        unavailable: 0,
      })
    },
    60_000,
  )

  it.skipIf(!available)(
    'serves a scan read before from its kept read, without Tesseract',
    async () => {
      // The same bytes as the first test's scan, attached to another document.
      const doc = await registerScan(o.clients.clerk)
      await extractPendingTexts(t.deps)
      const missing = { ...t.deps, ocr: createOcrEngine({ tesseractPath: '/nonexistent/tesseract' }) }
      expect(await ocrPendingScans(missing, { documentId: doc.id })).toMatchObject({
        done: 1,
        unavailable: 0,
      })
      const view = (await o.clients.clerk.get(`/api/documents-in/${doc.id}`)).json() as Doc
      expect(view.files.map((f) => [f.role, f.textStatus])).toEqual([
        ['main', 'ocr_done'],
        ['searchable', 'done'],
      ])
    },
    60_000,
  )

  it('without Tesseract the document works and its scan waits as "OCR unavailable"', async () => {
    const doc = await registerScan(o.clients.clerk, unread)
    await extractPendingTexts(t.deps)
    const missing = { ...t.deps, ocr: createOcrEngine({ tesseractPath: '/nonexistent/tesseract' }) }
    expect(await ocrPendingScans(missing, { documentId: doc.id })).toMatchObject({ done: 0, unavailable: 1 })
    const res = await o.clients.clerk.get(`/api/documents-in/${doc.id}`)
    expect(res.statusCode).toBe(200)
    expect((res.json() as Doc).files.map((f) => f.textStatus)).toEqual(['ocr_unavailable'])
  }, 60_000)
})
