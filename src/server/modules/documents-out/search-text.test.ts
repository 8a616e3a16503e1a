/**
 * An outgoing document is found by the words of its attachments, not only of its current version
 * (issue 6); the body stays within the index's budget, shared between the letter and attachments.
 */
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TSearchResult } from '@common/contracts/search'
import { makeOutgoingPdf } from '../../test/factories.ts'
import { buildTestApp, type Client, type TestApp } from '../../test/harness.ts'
import { BODY_MAX_CHARS } from '../search/index.ts'
import { outgoingFiles } from '../../platform/db/schema.ts'
import {
  approved,
  draftReply,
  makePki,
  office,
  PIN,
  SEAL_PIN,
  uploadFile,
  type Office,
} from './documents-out.test-support.ts'
import { processVersions } from './jobs.ts'
import { bodyOf, shareBudget } from './search-source.ts'

let t: TestApp
let o: Office

beforeAll(async () => {
  t = await buildTestApp()
  o = await office(t, await makePki())
}, 60_000)
afterAll(async () => {
  await t?.close()
})

/** An appendix whose subject line carries `tag`. */
function appendix(tag: string) {
  return makeOutgoingPdf({
    notation: 'UBMC-KHTH',
    typeName: 'Phụ lục',
    subject: `Danh mục trạm quan trắc ${tag}`,
    signerTitle: 'CHỦ TỊCH',
    signerName: o.people.leader.fullName,
  })
}

async function find(client: Client, q: string) {
  const res = await client.get(`/api/search?${new URLSearchParams({ q })}`)
  expect(res.statusCode, res.body).toBe(200)
  return (res.json() as TSearchResult).items.map((i) => i.id)
}

describe('the text of an outgoing document in search', () => {
  it("holds its attachments' text next to the draft's", async () => {
    const tag = `phuluc${randomBytes(3).toString('hex')}`
    const attachment = await uploadFile(
      o.clients.specialist,
      'phu-luc.pdf',
      await appendix(tag),
      'application/pdf',
    )
    const draft = await draftReply(o, { attachmentFileIds: [attachment] })
    await processVersions(t.deps)
    await t.dispatch()
    expect(await find(o.clients.specialist, tag)).toEqual([draft.id])
    // The draft's own text is still there (only the letter has its "Kính gửi" line).
    expect(await find(o.clients.specialist, `"các đơn vị trực thuộc" ${tag}`)).toEqual([draft.id])
  })
})

describe('once issued', () => {
  it('reads the issued PDF and the attachments; the signed and sealed copies are not read again', async () => {
    const tag = `banhanh${randomBytes(3).toString('hex')}`
    const attachment = await uploadFile(
      o.clients.specialist,
      'phu-luc.pdf',
      await appendix(tag),
      'application/pdf',
    )
    const doc = await approved(o, await draftReply(o, { attachmentFileIds: [attachment] }))
    expect((await o.clients.leader.post(`/api/documents-out/${doc.id}/sign`, { pin: PIN })).statusCode).toBe(
      200,
    )
    const issued = await o.clients.clerk.post(`/api/documents-out/${doc.id}/issue`, {
      registerId: o.registers.outgoing.id,
      sealPin: SEAL_PIN,
    })
    expect(issued.statusCode, issued.body).toBe(200)
    await processVersions(t.deps)
    await t.dispatch()
    const rows = await t.database.db
      .select({
        role: outgoingFiles.role,
        status: outgoingFiles.textStatus,
        text: outgoingFiles.extractedText,
      })
      .from(outgoingFiles)
      .where(eq(outgoingFiles.documentId, doc.id))
    const byRole = Object.fromEntries(rows.map((r) => [r.role, r]))
    expect(byRole.main).toMatchObject({
      status: 'done',
      text: expect.stringContaining('đồng bằng sông Cửu Long'),
    })
    expect(byRole.attachment).toMatchObject({ status: 'done', text: expect.stringContaining(tag) })
    expect(byRole.signed?.status).toBe('not_needed')
    expect(byRole.sealed_attachment?.status).toBe('not_needed')
    // A recipient unit's member finds it by its appendix.
    expect(await find(o.clients.receiver, tag)).toEqual([doc.id])
  }, 60_000)
})

describe('the body budget', () => {
  it('shares characters equally, giving what a short text leaves to the longer ones', () => {
    expect(shareBudget([10, 100, 100], 110)).toEqual([10, 50, 50])
    expect(shareBudget([0, 30], 100)).toEqual([0, 30])
    expect(shareBudget([500, 500], 100)).toEqual([50, 50])
  })

  it('keeps a long letter from hiding its attachments, within the budget', () => {
    const letter = 'a'.repeat(BODY_MAX_CHARS * 2)
    const body = bodyOf(letter, ['PHU LUC 1 ' + 'b'.repeat(30_000), 'PHU LUC 2 ngắn'])!
    expect(body.length).toBeLessThanOrEqual(BODY_MAX_CHARS)
    expect(body).toContain('PHU LUC 1')
    expect(body).toContain('PHU LUC 2 ngắn')
    expect(body.startsWith('a'.repeat(BODY_MAX_CHARS / 2 - 10))).toBe(true)
    expect(bodyOf('thư ngắn', [])).toBe('thư ngắn')
    expect(bodyOf(null, [])).toBeNull()
  })
})
