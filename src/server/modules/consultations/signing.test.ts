/**
 * A member signs their final answer with their own key (issue 7): PAdES over a PDF of the answer,
 * only by the member, only a final answer, once, before the deadline; a wrong PIN changes nothing
 * but the count and is audited.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ZQuestionInput } from '@common/contracts/consultations'
import {
  createDemoPki,
  demoSignatureImage,
  findSignatureBlock,
  verifyPdf,
  type DemoPki,
} from '../../platform/signing/index.ts'
import { makeUser, TEST_PASSWORD } from '../../test/factories.ts'
import { buildTestApp, signIn, type Client, type TestApp } from '../../test/harness.ts'
import { answerPdf, placeNameOf } from './answer-pdf.ts'
import {
  answers,
  cast,
  clock,
  consultationEvents,
  openConsultation,
  put,
  type Cast,
} from './consultations.test-support.ts'

const PIN = '864213'
let t: TestApp
let pki: DemoPki
beforeAll(async () => {
  t = await buildTestApp({ clock: () => clock.now() })
  pki = await createDemoPki({
    organizationName: 'Ủy ban sông Mê Công Việt Nam',
    people: [{ key: 'member', commonName: 'Trần Văn Khải' }],
    pinFor: () => PIN,
    now: new Date(),
  })
})
afterEach(() => {
  clock.at = null
})
afterAll(async () => t.close())

/** The Standing Office's administrator registers a key for the first member. */
async function withMemberKey(c: Cast): Promise<Client> {
  const admin = await makeUser(t.database.db, {
    roles: ['admin'],
    organizationId: c.officerUser.organizationId,
  })
  const client = await signIn(t.app, admin.username, TEST_PASSWORD)
  const res = await client.post('/api/signing/keys', {
    ownerKind: 'user',
    userId: c.members[0].user.id,
    p12Base64: Buffer.from(pki.people.member!.p12).toString('base64'),
    pin: PIN,
    imageBase64: Buffer.from(demoSignatureImage('Trần Văn Khải')).toString('base64'),
  })
  expect(res.statusCode, res.body).toBe(200)
  return client
}

function pdfText(bytes: Buffer): string {
  const file = path.join(os.tmpdir(), `answer-${process.pid}-${Date.now()}.pdf`)
  fs.writeFileSync(file, bytes)
  try {
    return execFileSync('pdftotext', ['-layout', file, '-']).toString()
  } finally {
    fs.rmSync(file, { force: true })
  }
}

describe('signing a final answer', () => {
  it('signs the final answer as a PAdES PDF of its content; a wrong PIN changes nothing; only once', async () => {
    const c = await cast(t)
    await withMemberKey(c)
    const id = await openConsultation(c)
    const member = c.members[0]
    const sent = await put(member.client, id, { answers: answers(), intent: 'submit' })
    expect(sent.statusCode, sent.body).toBe(200)
    // Not final yet: no signing.
    expect(sent.json().abilities.sign).toBe(false)
    const refusedDraft = await member.client.post(
      `/api/consultations/${id}/responses/${sent.json().id}/sign`,
      { pin: PIN },
    )
    expect(refusedDraft.statusCode).toBe(409)
    expect(refusedDraft.json().error.code).toBe('INVALID_TRANSITION')

    const final = await put(member.client, id, { answers: answers(), intent: 'final' })
    expect(final.json()).toMatchObject({ state: 'final', signedFileId: null, abilities: { sign: true } })
    const responseId = final.json().id as string
    const url = `/api/consultations/${id}/responses/${responseId}/sign`

    const wrong = await member.client.post(url, { pin: '000000' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.code).toBe('WRONG_PIN')
    const unchanged = await member.client.get(`/api/consultations/${id}/responses/mine`)
    expect(unchanged.json()).toMatchObject({ signedFileId: null, abilities: { sign: true } })

    const signed = await member.client.post(url, { pin: PIN })
    expect(signed.statusCode, signed.body).toBe(200)
    const fileId = signed.json().signedFileId as string
    expect(fileId).toEqual(expect.any(String))
    expect(signed.json().abilities.sign).toBe(false)

    // The PDF holds the answer and the receipt, and its signature is the member's, valid.
    const content = await member.client.get(`/api/files/${fileId}/content`)
    expect(content.statusCode).toBe(200)
    const bytes = content.rawPayload
    const verification = await verifyPdf(new Uint8Array(bytes), { trustedRoots: [pki.rootCertificateDer] })
    expect(verification).toMatchObject({ isSigned: true, isValid: true })
    expect(verification.signatures[0]).toMatchObject({ signerName: 'Trần Văn Khải' })
    const text = pdfText(bytes).normalize('NFC')
    expect(text).toContain('Ý KIẾN')
    expect(text).toContain('Lấy ý kiến dự thảo Kế hoạch thích ứng biến đổi khí hậu')
    expect(text).toContain('Bổ sung các tỉnh ven biển')
    expect(text).toContain('Tán thành')
    expect(text).toContain(final.json().receiptNumber)
    expect(text).toContain(member.user.fullName)

    // Once only.
    const again = await member.client.post(url, { pin: PIN })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_SIGNED')

    // The officer sees it signed in the progress and may open the signed PDF; an outsider may not.
    const progress = await c.officer.get(`/api/consultations/${id}/progress`)
    const row = progress.json().rows.find((r: { member: { id: string } }) => r.member.id === member.user.id)
    expect(row.signedFileId).toBe(fileId)
    expect((await c.officer.get(`/api/files/${fileId}/content`)).statusCode).toBe(200)
    expect((await c.outsider.get(`/api/files/${fileId}/content`)).statusCode).toBe(404)
    // The summary marks the opinion as signed.
    const summary = (await c.officer.get(`/api/consultations/${id}/summary`)).json()
    const opinion = summary.opinions.find((o: { member: { id: string } }) => o.member.id === member.user.id)
    expect(opinion.signedFileId).toBe(fileId)

    const events = await consultationEvents(t, id)
    const refused = events.find((e) => e.action === 'consultation.answerSigningRefused')
    expect(refused?.data).toMatchObject({ responseId, reason: 'WRONG_PIN' })
    const recorded = events.find((e) => e.action === 'consultation.answerSigned')
    expect(recorded?.actorId).toBe(member.user.id)
    expect(recorded?.data).toMatchObject({
      responseId,
      fileId,
      certificateSerial: pki.people.member!.certificate.serialNumber,
    })
  })

  it('only the member signs, with a key, before the deadline', async () => {
    const c = await cast(t)
    const admin = await withMemberKey(c)
    // Keys are registered for our own people and committee members, not for anyone of another agency.
    const foreign = await admin.post('/api/signing/keys', {
      ownerKind: 'user',
      userId: c.members[0].focal.id,
      p12Base64: Buffer.from(pki.people.member!.p12).toString('base64'),
      pin: PIN,
    })
    expect(foreign.statusCode).toBe(400)
    const deadline = new Date(Date.now() + 10 * 60_000)
    const id = await openConsultation(c, { deadline: deadline.toISOString() })
    const [first, second] = c.members
    const mine = await put(first.client, id, { answers: answers(), intent: 'final' })
    const url = `/api/consultations/${id}/responses/${mine.json().id}/sign`

    // The focal point sees the answer but may not sign it; another member does not see it at all.
    const byFocal = await first.focalClient.post(url, { pin: PIN })
    expect(byFocal.statusCode).toBe(403)
    expect((await second.client.post(url, { pin: PIN })).statusCode).toBe(404)
    const focalView = await first.focalClient.get(
      `/api/consultations/${id}/responses/mine?memberId=${first.user.id}`,
    )
    expect(focalView.json().abilities.sign).toBe(false)

    // A member without a key is not offered signing and is told why.
    const theirs = await put(second.client, id, { answers: answers(), intent: 'final' })
    expect(theirs.json().abilities.sign).toBe(false)
    const noKey = await second.client.post(`/api/consultations/${id}/responses/${theirs.json().id}/sign`, {
      pin: PIN,
    })
    expect(noKey.statusCode).toBe(409)
    expect(noKey.json().error.code).toBe('SIGNING_KEY_MISSING')

    // At the deadline the answer is sealed as it is.
    clock.at = new Date(deadline.getTime() + 1000)
    const late = await first.client.post(url, { pin: PIN })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('CONSULTATION_DEADLINE_PASSED')
    expect((await first.client.get(`/api/consultations/${id}/responses/mine`)).json()).toMatchObject({
      signedFileId: null,
      abilities: { sign: false },
    })
  })
})

describe('placeNameOf', () => {
  it('takes the province or city from the address, Hà Nội for a ministry without one', () => {
    expect(placeNameOf({ address: '2 Hòa Bình, Ninh Kiều, Cần Thơ', kind: 'province' })).toBe('Cần Thơ')
    expect(placeNameOf({ address: '12 Lê Lợi, TP. Long Xuyên, Tỉnh An Giang', kind: 'province' })).toBe(
      'An Giang',
    )
    expect(placeNameOf({ address: '2 Ngọc Hà, Ba Đình, Thành phố Hà Nội', kind: 'ministry' })).toBe('Hà Nội')
    expect(placeNameOf({ address: null, kind: 'ministry' })).toBe('Hà Nội')
    expect(placeNameOf({ address: null, kind: 'province' })).toBeNull()
  })
})

describe('answerPdf', () => {
  it('lays out every answer and a signature block the signer can be placed in', async () => {
    const questions = [
      { key: 'q1', kind: 'opinion', title: 'Ý kiến chung' },
      { key: 'q2', kind: 'number', title: 'Kinh phí', unit: 'tỷ đồng' },
      {
        key: 'q3',
        kind: 'sections',
        title: 'Góp ý theo điều',
        sections: [{ key: 'dieu-1', label: 'Điều 1. Phạm vi' }],
      },
    ].map((q) => ZQuestionInput.parse(q))
    const long = 'Đề nghị bổ sung số liệu quan trắc mặn. '.repeat(120)
    const { pdf, placement } = await answerPdf({
      organizationName: 'Bộ Nông nghiệp và Môi trường',
      placeName: 'Hà Nội',
      consultationTitle: 'Dự thảo Kế hoạch',
      addressee: 'Ủy ban sông Mê Công Việt Nam',
      questions,
      answers: [
        { questionKey: 'q1', opinion: 'agree_with_comments', text: long },
        { questionKey: 'q2', number: 12.5 },
        { questionKey: 'q3', sectionComments: [{ sectionKey: 'dieu-1', comment: 'Làm rõ phạm vi' }] },
      ],
      files: [{ filename: 'bang-so-lieu.xlsx', sha256: 'a'.repeat(64) }],
      memberName: 'Trần Văn Khải',
      signerTitle: 'Ủy viên',
      receiptNumber: 'YK-2026-000007',
      digest: 'b'.repeat(64),
      submittedAt: new Date('2026-12-04T03:00:00Z'),
      submittedByName: null,
    })
    const text = pdfText(Buffer.from(pdf)).normalize('NFC')
    for (const expected of [
      'BỘ NÔNG NGHIỆP VÀ MÔI',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 04 tháng 12 năm 2026',
      'Đồng ý, có góp ý',
      '12,5 tỷ đồng',
      'Điều 1. Phạm vi: Làm rõ phạm vi',
      'bang-so-lieu.xlsx',
      'YK-2026-000007',
    ])
      expect(text).toContain(expected)
    const block = await findSignatureBlock(pdf, { signerName: 'Trần Văn Khải', signerTitle: 'ỦY VIÊN' })
    expect(block).not.toBeNull()
    expect(block!.pageCount).toBeGreaterThan(1) // the long opinion runs onto a second page
    expect(block!.title!.baseline - block!.name.baseline).toBeGreaterThan(60)
    // The placement the layout reports is the one the reader finds.
    expect(placement).toMatchObject({ page: block!.page, pageCount: block!.pageCount })
    expect(placement.name.baseline).toBeCloseTo(block!.name.baseline, 0)
    expect(placement.name.x1).toBeCloseTo(block!.name.x1, 0)
    expect(placement.title!.baseline).toBeCloseTo(block!.title!.baseline, 0)
  })
})
