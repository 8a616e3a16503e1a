/**
 * Drafting and the clerk's side through the API: return with comments and a new version, the
 * diff of two versions, lists and counts, a configured approval chain, the format check that
 * blocks numbering, cancelling a number (recorded, never reused), the PIN lock, trusted roots and
 * the outgoing register export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TOutgoingDocument } from '@common/contracts/documents-out'
import type { DemoPki } from '../../platform/signing/index.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { vnDate } from './dates.ts'
import {
  approved,
  draftReply,
  letterPdf,
  makePki,
  office,
  PIN,
  SEAL_PIN,
  uploadFile,
  type Office,
} from './documents-out.test-support.ts'

let t: TestApp
let pki: DemoPki
let o: Office

beforeAll(async () => {
  t = await buildTestApp()
  pki = await makePki()
  o = await office(t, pki)
}, 60_000)
afterAll(async () => t.close())

const post = (
  client: Office['clients'][keyof Office['clients']],
  id: string,
  action: string,
  body: unknown = {},
) => client.post(`/api/documents-out/${id}/${action}`, body)
const get = async (id: string) =>
  (await o.clients.clerk.get(`/api/documents-out/${id}`)).json() as TOutgoingDocument

describe('review', () => {
  it('a return with comments, a new version, the diff, and the draft back in the chain', async () => {
    const draft = await draftReply(o)
    await post(o.clients.specialist, draft.id, 'submit', {})
    // A reviewer may comment and edit on their step; others may not.
    expect((await post(o.clients.receiver, draft.id, 'approve', {})).statusCode).toBe(404)
    expect((await post(o.clients.head, draft.id, 'comments', { body: 'Sửa đoạn 2' })).statusCode).toBe(200)
    const returned = await post(o.clients.head, draft.id, 'return', { reason: 'Bổ sung số liệu năm 2026' })
    expect(returned.json()).toMatchObject({ state: 'returned', abilities: { submit: false, approve: false } })
    const fileId = await uploadFile(
      o.clients.specialist,
      'tra-loi-v2.pdf',
      await (
        await import('../../test/factories.ts')
      ).makeOutgoingPdf({
        notation: 'UBMC-KHTH',
        subject: 'Trả lời góp ý kế hoạch thích ứng biến đổi khí hậu năm 2026',
        signerTitle: 'CHỦ TỊCH',
        signerName: o.people.leader.fullName,
      }),
      'application/pdf',
    )
    const v2 = (
      await post(o.clients.specialist, draft.id, 'versions', { fileId, note: 'Bổ sung số liệu' })
    ).json() as TOutgoingDocument
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2])
    expect(v2.comments.map((c) => [c.kind, c.version])).toEqual([
      ['comment', 1],
      ['return', 1],
    ])
    const diff = await o.clients.specialist.get(
      `/api/documents-out/${draft.id}/diff?from=${v2.versions[0]!.id}&to=${v2.versions[1]!.id}`,
    )
    expect(diff.statusCode).toBe(200)
    expect(diff.json()).toMatchObject({ fromVersion: 1, toVersion: 2, isComplete: true, addedWords: 2 })
    expect(
      diff
        .json()
        .segments.filter((s: { kind: string }) => s.kind === 'added')
        .map((s: { text: string }) => s.text.trim()),
    ).toEqual(['năm 2026'])
    const again = await post(o.clients.specialist, draft.id, 'submit', {})
    expect(again.json().steps.filter((s: { state: string }) => s.state === 'pending')).toHaveLength(1)
  }, 30_000)

  it('lists and counts by tab, each person seeing only their share', async () => {
    const draft = await draftReply(o)
    await post(o.clients.specialist, draft.id, 'submit', {})
    const mine = (await o.clients.specialist.get('/api/documents-out?tab=mine')).json()
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(draft.id)
    const review = (await o.clients.head.get('/api/documents-out?tab=to_review')).json()
    expect(review.items.map((r: { id: string }) => r.id)).toContain(draft.id)
    expect((await o.clients.head.get('/api/documents-out/counts')).json().to_review).toBeGreaterThanOrEqual(1)
    const stranger = (await o.clients.receiver.get('/api/documents-out?tab=all')).json()
    expect(stranger.items.map((r: { id: string }) => r.id)).not.toContain(draft.id)
  }, 30_000)

  it('a chain configured for a type is followed', async () => {
    const put = await o.clients.admin.request({
      method: 'PUT',
      url: '/api/approval-chains/TB',
      payload: { steps: [{ kind: 'user', userId: o.people.leader2.id }, { kind: 'signer' }] },
    })
    expect(put.statusCode).toBe(200)
    const draft = await draftReply(o, { documentType: 'TB' })
    const submitted = (await post(o.clients.specialist, draft.id, 'submit', {})).json() as TOutgoingDocument
    expect(submitted.steps.map((s) => [s.kind, s.assigneeUserId])).toEqual([
      ['user', o.people.leader2.id],
      ['signer', o.people.leader.id],
    ])
  }, 30_000)
})

describe('the clerk', () => {
  it('the format check blocks numbering when required parts are missing', async () => {
    const draft = await draftReply(o)
    const bad = await uploadFile(
      o.clients.specialist,
      'thieu.pdf',
      await letterPdf(o, ['nationalTitle', 'recipients']),
      'application/pdf',
    )
    await post(o.clients.specialist, draft.id, 'versions', { fileId: bad })
    await approved(o, draft)
    const check = (await post(o.clients.clerk, draft.id, 'format-check', {})).json()
    expect(check.hasBlockingProblems).toBe(true)
    expect(check.problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['NATIONAL_TITLE_MISSING', 'RECIPIENTS_BLOCK_MISSING']),
    )
    const number = await post(o.clients.clerk, draft.id, 'number', { registerId: o.registers.outgoing.id })
    expect(number.statusCode).toBe(422)
    expect(number.json().error.code).toBe('FORMAT_CHECK_FAILED')
    expect((await get(draft.id)).numberAndNotation).toBeNull()
  }, 30_000)

  it('a cancelled number is recorded and never given again; the register prints it', async () => {
    const a = await approved(o, await draftReply(o))
    const b = await approved(o, await draftReply(o))
    const first = (
      await post(o.clients.clerk, a.id, 'number', { registerId: o.registers.outgoing.id })
    ).json()
    const cancelled = await post(o.clients.clerk, a.id, 'cancel-number', { reason: 'Văn bản phải sửa lại' })
    expect(cancelled.json().numberAndNotation).toBeNull()
    const second = (
      await post(o.clients.clerk, b.id, 'number', { registerId: o.registers.outgoing.id })
    ).json()
    const again = (
      await post(o.clients.clerk, a.id, 'number', { registerId: o.registers.outgoing.id })
    ).json()
    const n = (s: string) => Number(s.split('/')[0])
    expect(n(second.numberAndNotation)).toBe(n(first.numberAndNotation) + 1)
    expect(n(again.numberAndNotation)).toBe(n(first.numberAndNotation) + 2)
    // The register's dates are Hà Nội dates (from 17:00 UTC it is already tomorrow there).
    const today = vnDate(new Date())
    const xlsx = await o.clients.clerk.get(
      `/api/documents-out/registers/${o.registers.outgoing.id}/export?from=${today}&to=${today}&format=xlsx`,
    )
    expect(xlsx.statusCode).toBe(200)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String)
    expect(cells.some((c) => c.startsWith('Hủy số: Văn bản phải sửa lại'))).toBe(true)
    expect(cells).toContain(first.numberAndNotation)
    const pdf = await o.clients.clerk.get(
      `/api/documents-out/registers/${o.registers.outgoing.id}/export?from=${today}&to=${today}&format=pdf`,
    )
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  }, 60_000)

  it('five wrong PINs lock signing for 15 minutes, even with the right PIN', async () => {
    const doc = await approved(o, await draftReply(o, { signerId: o.people.leader2.id }))
    const codes = []
    for (let i = 0; i < 5; i++)
      codes.push((await post(o.clients.leader2, doc.id, 'sign', { pin: '999999' })).json().error.code)
    expect(codes).toEqual(['WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'PIN_LOCKED'])
    const right = await post(o.clients.leader2, doc.id, 'sign', { pin: PIN })
    expect(right.statusCode).toBe(423)
    expect(right.json().error.code).toBe('PIN_LOCKED')
    expect((await o.clients.leader2.get('/api/signing/me')).json()).toMatchObject({
      hasKey: true,
      lockedUntil: expect.any(String),
    })
    expect((await get(doc.id)).state).toBe('approved')
  }, 30_000)
})

describe('trusted roots', () => {
  it('a signature chains to a configured root only while the root is active', async () => {
    const doc = await approved(o, await draftReply(o))
    const signed = (await post(o.clients.leader, doc.id, 'sign', { pin: PIN })).json() as TOutgoingDocument
    const fileId = signed.signedFiles[0]!.fileId
    const before = (await o.clients.leader.post('/api/signatures/verify', { fileId })).json()
    expect(before.signatures[0].problems).toContain('untrusted_chain')
    const root = (
      await o.clients.admin.post('/api/signing/trusted-roots', {
        name: 'CA',
        certificate: pki.rootCertificatePem,
      })
    ).json()
    expect((await o.clients.leader.post('/api/signatures/verify', { fileId })).json().isValid).toBe(true)
    await o.clients.admin.patch(`/api/signing/trusted-roots/${root.id}`, { isActive: false })
    expect((await o.clients.leader.post('/api/signatures/verify', { fileId })).json().isValid).toBe(false)
    // Issuing with the seal's wrong PIN is refused and changes nothing.
    const wrong = await post(o.clients.clerk, doc.id, 'issue', {
      registerId: o.registers.outgoing.id,
      sealPin: '000000',
    })
    expect(wrong.json().error.code).toBe('WRONG_PIN')
    expect(await get(doc.id)).toMatchObject({ state: 'signed', numberAndNotation: null })
    const ok = await post(o.clients.clerk, doc.id, 'issue', {
      registerId: o.registers.outgoing.id,
      sealPin: SEAL_PIN,
    })
    expect(ok.json().state).toBe('issued')
  }, 30_000)
})

describe('signing keys', () => {
  it('an expired certificate is refused with a clear code, and nothing is stored', async () => {
    const old = await makePki(new Date(Date.now() - 5 * 365 * 86_400_000))
    const before = (await o.clients.admin.get('/api/signing/keys')).json().items.length
    const res = await o.clients.admin.post('/api/signing/keys', {
      ownerKind: 'user',
      userId: o.people.chief.id,
      p12Base64: Buffer.from(old.people.leader!.p12).toString('base64'),
      pin: PIN,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('CERTIFICATE_EXPIRED')
    expect((await o.clients.admin.get('/api/signing/keys')).json().items).toHaveLength(before)
    const wrongPin = await o.clients.admin.post('/api/signing/keys', {
      ownerKind: 'user',
      userId: o.people.chief.id,
      p12Base64: Buffer.from(pki.people.leader!.p12).toString('base64'),
      pin: '111111',
    })
    expect(wrongPin.json().error.code).toBe('WRONG_PIN')
  }, 60_000)
})
