/**
 * A scan is read by Tesseract once (issue 6): what the batch read for the pre-fill is what search
 * gets once the clerk registers it, from the batch or through the ordinary form; the searchable
 * copy is still added. Counted on the OCR engine the jobs are handed.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TScanBatch, TScanItemRegistered } from '@common/contracts/digitisation'
import { documentFiles } from '../../platform/db/schema.ts'
import { createOcrEngine, type OcrEngine } from '../../platform/ocr/index.ts'
import { characterAccuracy } from '../../platform/ocr/test-fixtures.ts'
import { multipartBody } from '../../test/file-fixtures.ts'
import { buildTestApp, type Client, type TestApp } from '../../test/harness.ts'
import { office, registration, type Office } from '../documents-in/documents-in.test-support.ts'
import { extractPendingTexts, ocrPendingScans } from '../documents-in/index.ts'
import { letterJpeg, letterText, scannedLetter } from './digitisation.test-support.ts'
import { readQueuedItems } from './read-job.ts'

const hasTesseract = await createOcrEngine().isAvailable()

/** The real engine, counting the files it is asked to read. */
function countingEngine(): OcrEngine & { reads: number } {
  const engine = createOcrEngine()
  const counted = {
    reads: 0,
    isAvailable: () => engine.isAvailable(),
    ocrPdf: (...args: Parameters<OcrEngine['ocrPdf']>) => {
      counted.reads += 1
      return engine.ocrPdf(...args)
    },
    ocrImage: (...args: Parameters<OcrEngine['ocrImage']>) => {
      counted.reads += 1
      return engine.ocrImage(...args)
    },
  }
  return counted
}

let t: TestApp
let o: Office

beforeAll(async () => {
  t = await buildTestApp()
  o = await office(t)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function upload(client: Client, filename: string, content: Uint8Array, type: string): Promise<string> {
  const { payload, headers } = multipartBody([{ filename, content: Buffer.from(content), type }])
  const res = await client.request({ method: 'POST', url: '/api/files', payload, headers })
  expect(res.statusCode, res.body).toBe(201)
  return (res.json() as { items: { id: string }[] }).items[0]!.id
}

type Doc = { files: { role: string; textStatus: string; filename: string; fileId: string }[] }

async function mainText(fileId: string, documentId: string) {
  const rows = await t.database.db
    .select({ text: documentFiles.extractedText, documentId: documentFiles.documentId })
    .from(documentFiles)
    .where(eq(documentFiles.fileId, fileId))
  return rows.find((r) => r.documentId === documentId)?.text ?? ''
}

describe('a scan read for the batch pre-fill', () => {
  it.skipIf(!hasTesseract)(
    'is not read again once registered, from the batch or the form; search gets its text and copy',
    async () => {
      const ocr = countingEngine()
      const pdfFacts = { number: '301/UBND-KT', subject: 'kế hoạch quan trắc mặn mùa khô' }
      const jpgFacts = { number: '302/UBND-KT', subject: 'báo cáo lưu lượng sông Tiền' }
      const scan = await upload(
        o.clients.clerk,
        'cv-301.pdf',
        await scannedLetter(pdfFacts),
        'application/pdf',
      )
      const photo = await upload(o.clients.clerk, 'cv-302.jpg', await letterJpeg(jpgFacts), 'image/jpeg')
      const created = await o.clients.clerk.post('/api/digitisation/batches', {
        fileIds: [scan, photo],
        registerId: o.register.id,
      })
      expect(created.statusCode, created.body).toBe(201)
      const batch = created.json() as TScanBatch
      expect(await readQueuedItems({ ...t.deps, ocr }, { batchIds: [batch.id] })).toMatchObject({ read: 2 })
      expect(ocr.reads).toBe(2)

      // The PDF is confirmed in the batch, the photo registered through the ordinary form.
      const confirmed = await o.clients.clerk.post(
        `/api/digitisation/items/${batch.items[0]!.id}/register`,
        registration(o, { subject: pdfFacts.subject }),
      )
      expect(confirmed.statusCode, confirmed.body).toBe(201)
      const pdfDoc = (confirmed.json() as TScanItemRegistered).documentId
      const form = await o.clients.clerk.post(
        '/api/documents-in',
        registration(o, { subject: jpgFacts.subject, fileIds: [photo] }),
      )
      expect(form.statusCode, form.body).toBe(201)
      const jpgDoc = (form.json() as { id: string }).id

      await extractPendingTexts(t.deps)
      for (const id of [pdfDoc, jpgDoc])
        expect(await ocrPendingScans({ ...t.deps, ocr }, { documentId: id })).toMatchObject({ done: 1 })
      // Two files, two reads: none at registration.
      expect(ocr.reads).toBe(2)

      const pdfView = (await o.clients.clerk.get(`/api/documents-in/${pdfDoc}`)).json() as Doc
      expect(pdfView.files.find((f) => f.role === 'main')?.textStatus).toBe('ocr_done')
      const copy = pdfView.files.find((f) => f.role === 'searchable')
      expect(copy?.filename).toBe('cv-301.ocr.pdf')
      const pdf = await o.clients.clerk.get(`/api/files/${copy!.fileId}/content`)
      expect(pdf.statusCode).toBe(200)
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
      expect(characterAccuracy(letterText(pdfFacts), await mainText(scan, pdfDoc))).toBeGreaterThan(0.9)

      const jpgView = (await o.clients.clerk.get(`/api/documents-in/${jpgDoc}`)).json() as Doc
      expect(jpgView.files.map((f) => [f.role, f.textStatus])).toEqual([['main', 'ocr_done']])
      expect(characterAccuracy(letterText(jpgFacts), await mainText(photo, jpgDoc))).toBeGreaterThan(0.9)

      // And search finds the scan by words of its body.
      await t.dispatch()
      const found = await o.clients.clerk.get(
        `/api/search?${new URLSearchParams({ q: '"phối hợp thực hiện"' })}`,
      )
      expect(found.statusCode, found.body).toBe(200)
      const ids = (found.json() as { items: { id: string }[] }).items.map((i) => i.id)
      expect(ids).toEqual(expect.arrayContaining([pdfDoc, jpgDoc]))
    },
    180_000,
  )
})
