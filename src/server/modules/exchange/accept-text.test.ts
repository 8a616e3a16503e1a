/**
 * Accepting a package received from another agency registers an incoming document: like any
 * registration it queues the text extraction of its files, so the letter and its appendix are
 * found by their words in search.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TReceivedPackage } from '@common/contracts/exchange'
import type { TSearchResult } from '@common/contracts/search'
import { organizations } from '../../platform/db/schema.ts'
import { pdfBytes } from '../../test/file-fixtures.ts'
import { makePki } from '../documents-out/documents-out.test-support.ts'
import { EXTRACT_TEXT_JOB, extractPendingTexts } from '../documents-in/index.ts'
import { startAgency, type Agency } from './exchange.test-support.ts'
import { buildSamplePackage, sampleSender, type SampleSender } from './sample.ts'

let b: Agency
let sender: SampleSender

beforeAll(async () => {
  b = await startAgency(await makePki(), {
    code: '000.00.00.H42',
    name: 'Ủy ban nhân dân tỉnh Hà Tĩnh',
    shortName: 'UBHT',
  })
  sender = await sampleSender('000.00.00.G14', 'Bộ Tài nguyên và Môi trường')
  await b.t.database.db
    .insert(organizations)
    .values({ code: sender.code, name: sender.name, kind: 'ministry', certificatePem: sender.certificatePem })
}, 120_000)
afterAll(async () => {
  vi.restoreAllMocks()
  await b?.t.close()
})

describe('accepting a received document', () => {
  it('queues the text extraction of its files, and search then finds their words', async () => {
    const tag = `phuluc${randomBytes(3).toString('hex')}`
    const bytes = await buildSamplePackage({
      sender,
      to: { code: b.code, name: b.name },
      number: '77',
      notation: 'BTNMT-TNN',
      issueDate: '2026-12-01',
      subject: 'Cung cấp số liệu mực nước sông Lam',
      extraAttachment: { name: 'phu-luc.pdf', contentType: 'application/pdf', data: pdfBytes(`Bang ${tag}`) },
    })
    const res = await fetch(`${b.url}/api/exchange/peer/packages`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-edxml-from': sender.code },
      body: Buffer.from(bytes),
    })
    expect(res.status).toBe(202)
    const { id } = (await res.json()) as { id: string }

    // A running worker: the jobs the request queues are recorded, not run.
    vi.spyOn(b.t.deps.jobs, 'isHealthy').mockResolvedValue(true)
    const send = vi.spyOn(b.t.deps.jobs, 'send').mockResolvedValue(null)
    const accept = await b.o.clients.clerk.post(`/api/exchange/received/${id}/accept`, {
      registerId: b.o.registers.incoming.id,
    })
    expect(accept.statusCode, accept.body).toBe(200)
    const incomingId = (accept.json() as TReceivedPackage).incomingDocumentId!
    await vi.waitFor(() => expect(send.mock.calls.map((c) => c[0])).toContain(EXTRACT_TEXT_JOB))

    // What that job does: the letter and the appendix are read, and the index takes them in.
    expect(await extractPendingTexts(b.t.deps)).toBe(2)
    await b.t.dispatch()
    const found = await b.o.clients.clerk.get(`/api/search?${new URLSearchParams({ q: tag })}`)
    expect(found.statusCode, found.body).toBe(200)
    expect((found.json() as TSearchResult).items.map((i) => i.id)).toEqual([incomingId])
  }, 60_000)
})
