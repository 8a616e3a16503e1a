/** `npm run digitise -- <folder> --user <username>`: a folder of scans becomes one batch, read, ready to confirm. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TScanBatchPage, TScanBatch } from '@common/contracts/digitisation'
import { events } from '../../platform/db/schema.ts'
import { textPagePdf } from '../../platform/ocr/test-fixtures.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { office, type Office } from '../documents-in/documents-in.test-support.ts'
import { runDigitiseCli, sniffScanType } from './cli.ts'
import { letterText } from './digitisation.test-support.ts'

let t: TestApp
let o: Office
let folder: string
beforeAll(async () => {
  t = await buildTestApp()
  o = await office(t)
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'digitise-cli-'))
  fs.writeFileSync(
    path.join(folder, 'cv-2.pdf'),
    await textPagePdf(letterText({ number: '77/SNN-TL', subject: 'báo cáo mực nước sông Tiền' })),
  )
  fs.writeFileSync(
    path.join(folder, 'cv-10.pdf'),
    await textPagePdf(letterText({ number: '78/SNN-TL', subject: 'kế hoạch nạo vét kênh rạch' })),
  )
  fs.writeFileSync(path.join(folder, 'ghi-chu.xlsx'), 'not a scan')
}, 60_000)
afterAll(async () => {
  await t?.close()
  if (folder) fs.rmSync(folder, { recursive: true, force: true })
})

function io() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } }
}

describe('npm run digitise', () => {
  it('turns the scans of a folder into a batch of the user, read and ready to confirm', async () => {
    const run = io()
    const code = await runDigitiseCli(
      [folder, '--user', o.people.clerk.username, '--register', 'VBD', '--title', 'Thư mục quét'],
      run.io,
      t.deps,
    )
    expect(code, run.err.join('\n')).toBe(0)
    expect(run.err).toEqual([expect.stringContaining('skipped ghi-chu.xlsx')])
    const page = (
      await o.clients.clerk.get('/api/digitisation/batches?pageSize=200')
    ).json() as TScanBatchPage
    const summary = page.items.find((b) => b.title === 'Thư mục quét')!
    expect(summary).toMatchObject({ registerId: o.register.id, isRead: true, counts: { total: 2, ready: 2 } })
    const batch = (await o.clients.clerk.get(`/api/digitisation/batches/${summary.id}`)).json() as TScanBatch
    // In the folder's natural order (2 before 10), each with its number read.
    expect(batch.items.map((i) => [i.filename, i.method, i.fields?.numberAndNotation])).toEqual([
      ['cv-2.pdf', 'text', '77/SNN-TL'],
      ['cv-10.pdf', 'text', '78/SNN-TL'],
    ])
    expect(run.out.join('\n')).toContain('77/SNN-TL')
    const uploaded = await t.database.db
      .select({ actorId: events.actorId })
      .from(events)
      .where(and(eq(events.action, 'file.uploaded'), eq(events.targetId, batch.items[0]!.fileId)))
    expect(uploaded).toEqual([{ actorId: o.people.clerk.id }])
  })

  it('says what is wrong with its arguments', async () => {
    const run = io()
    expect(await runDigitiseCli([folder], run.io, t.deps)).toBe(1)
    expect(run.err[0]).toMatch(/^usage:/)
    expect(await runDigitiseCli([folder, '--user', 'nobody.here'], run.io, t.deps)).toBe(1)
    expect(run.err[1]).toMatch(/no active user/)
    const specialist = await runDigitiseCli([folder, '--user', o.people.specialist.username], run.io, t.deps)
    expect(specialist).toBe(1)
    expect(run.err.at(-1)).toMatch(/Only clerks/)
  })

  it('knows scans by their first bytes', () => {
    expect(sniffScanType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf')
    expect(sniffScanType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffScanType(Buffer.from('II*\0abcd', 'latin1'))).toBe('image/tiff')
    expect(sniffScanType(Buffer.from('hello'))).toBeNull()
  })
})
