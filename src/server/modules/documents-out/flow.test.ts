/**
 * The outgoing flow end to end through the API, on the real database, blob store and signing:
 * a reply is drafted, approved up the chain (the leader's decision entered by the secretary),
 * signed with the leader's PIN, format-checked, numbered and issued with the seal; the internal
 * unit finds it in its inbox and the partner agency receives the signed PDF by e-mail.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { TOutgoingDocument, TVerificationResult } from '@common/contracts/documents-out'
import type { DemoPki } from '../../platform/signing/index.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/smtp-server.ts'
import { EXTRACT_TEXT_JOB } from '../documents-in/index.ts'
import { deliverPending, processVersions } from './jobs.ts'
import {
  approved,
  draftReply,
  makePki,
  office,
  PIN,
  SEAL_PIN,
  type Office,
} from './documents-out.test-support.ts'
import { multipartBody } from '../../test/file-fixtures.ts'
import { readBlob } from './keys.ts'
import { unsafeFindFile } from '../files/index.ts'

/** pdfsig's report of a PDF (signature validity only: its NSS store does not hold our test root). */
function pdfsig(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfsig-'))
  try {
    fs.writeFileSync(path.join(dir, 'f.pdf'), bytes)
    return spawnSync('pdfsig', [path.join(dir, 'f.pdf')], { encoding: 'utf8' }).stdout
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

let t: TestApp
let smtp: TestSmtpServer
let pki: DemoPki
let o: Office

beforeAll(async () => {
  smtp = await startTestSmtpServer()
  t = await buildTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'eoffice@example.gov.vn' } })
  pki = await makePki()
  o = await office(t, pki)
  const root = await o.clients.admin.post('/api/signing/trusted-roots', {
    name: 'CA thử nghiệm',
    certificate: pki.rootCertificatePem,
  })
  expect(root.statusCode).toBe(200)
  // The admin can download the root again, byte for byte.
  const roots = (await o.clients.admin.get('/api/signing/trusted-roots')).json() as {
    items: { pem: string }[]
  }
  const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '')
  expect(roots.items.map((r) => pemBody(r.pem))).toContain(pemBody(pki.rootCertificatePem))
}, 60_000)
afterAll(async () => {
  await t.close()
  await smtp.close()
})

const post = (
  client: Office['clients'][keyof Office['clients']],
  id: string,
  action: string,
  body: unknown = {},
) => client.post(`/api/documents-out/${id}/${action}`, body)

describe('draft → approve → sign → number → issue', () => {
  it('a reply climbs the chain, is signed, numbered, issued and delivered', async () => {
    const draft = await draftReply(o)
    expect(draft.state).toBe('draft')
    expect(draft.versions).toHaveLength(1)
    expect(draft.links.map((l) => l.relation)).toEqual(['reply_to'])
    // The incoming document shows its reply.
    const replyTo = draft.links[0]!.id
    const replies = await o.clients.clerk.get(`/api/documents-out/replies-to/${replyTo}`)
    expect(replies.json().items.map((r: { id: string }) => r.id)).toEqual([draft.id])

    const doc = await approved(o, draft)
    expect(doc.state).toBe('approved')
    expect(doc.steps.map((s) => [s.kind, s.state])).toEqual([
      ['unit_head', 'approved'],
      ['office_chief', 'approved'],
      ['signer', 'approved'],
    ])
    // The secretary entered the leader's decision: the slip records both.
    expect(doc.slips).toHaveLength(1)
    expect(doc.slips[0]).toMatchObject({
      proposal: 'Kính trình Chủ tịch ký ban hành',
      decision: 'approve',
      decidedByName: o.people.secretary.fullName,
      decidedForName: o.people.leader.fullName,
    })

    // A wrong PIN is refused and changes nothing.
    const wrong = await post(o.clients.leader, doc.id, 'sign', { pin: '000000' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.code).toBe('WRONG_PIN')
    const unchanged = (await o.clients.leader.get(`/api/documents-out/${doc.id}`)).json() as TOutgoingDocument
    expect(unchanged.state).toBe('approved')
    expect(unchanged.signatures).toEqual([])

    const signed = await post(o.clients.leader, doc.id, 'sign', { pin: PIN })
    expect(signed.statusCode).toBe(200)
    expect(signed.json().state).toBe('signed')
    const twice = await post(o.clients.leader, doc.id, 'sign', { pin: PIN })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('ALREADY_SIGNED')

    const check = await post(o.clients.clerk, doc.id, 'format-check', { registerId: o.registers.outgoing.id })
    expect(check.statusCode).toBe(200)
    expect(check.json().problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([])
    expect(check.json().notation).toBe('UBMC-KHTH')

    // A running worker: the jobs the request queues are recorded, not run.
    const healthy = vi.spyOn(t.deps.jobs, 'isHealthy').mockResolvedValue(true)
    const send = vi.spyOn(t.deps.jobs, 'send').mockResolvedValue(null)
    const issued = await post(o.clients.clerk, doc.id, 'issue', {
      registerId: o.registers.outgoing.id,
      sealPin: SEAL_PIN,
    })
    expect(issued.statusCode).toBe(200)
    // The internal copy's files are read for search right away, as after any registration.
    await vi.waitFor(() => expect(send.mock.calls.map((c) => c[0])).toContain(EXTRACT_TEXT_JOB))
    healthy.mockRestore()
    send.mockRestore()
    const out = issued.json() as TOutgoingDocument
    expect(out.state).toBe('issued')
    expect(out.numberAndNotation).toBe('01/UBMC-KHTH')
    expect(out.signatures.map((s) => s.kind).sort()).toEqual(['approval', 'seal'])
    const unit = out.recipients.find((r) => r.kind === 'unit')!
    expect(unit.deliveryState).toBe('received')
    expect(out.recipients.find((r) => r.kind === 'organization')!.deliveryState).toBe('pending')

    // The receiving unit's head finds it in the inbox, without re-typing.
    const inbox = await o.clients.receiverHead.get('/api/inbox?tab=to_process')
    const row = inbox.json().items.find((r: { id: string }) => r.id === unit.incomingDocumentId)
    expect(row).toMatchObject({ numberAndNotation: '01/UBMC-KHTH', subject: out.subject })

    // The partner agency gets the signed PDF by e-mail.
    expect(await deliverPending(t.deps, doc.id)).toBe(1)
    const [mail] = await smtp.waitFor(1)
    expect(mail!.to).toEqual([o.partner.email])
    expect(mail!.attachments[0]!.contentType).toBe('application/pdf')
    const after = (await o.clients.clerk.get(`/api/documents-out/${doc.id}`)).json() as TOutgoingDocument
    expect(after.recipients.find((r) => r.kind === 'organization')!.deliveryState).toBe('sent')

    // The issued PDF verifies: two valid signatures, the leader's and the organization's.
    const issuedFile = out.signedFiles.find((f) => f.role === 'main')!
    const verified = await o.clients.receiverHead.post('/api/signatures/verify', {
      fileId: issuedFile.fileId,
    })
    expect(verified.statusCode).toBe(200)
    const v = verified.json() as TVerificationResult
    expect(v.isValid).toBe(true)
    expect(v.signatures.map((s) => s.signerName)).toEqual([
      o.people.leader.fullName,
      'Ủy ban sông Mê Công Việt Nam',
    ])
    // The mailed bytes are the issued file.
    const file = await unsafeFindFile(t.database.db, issuedFile.fileId)
    const issuedBytes = Buffer.from(await readBlob(t.deps.blobs, file!.sha256))
    expect(Buffer.compare(issuedBytes, mail!.attachments[0]!.content)).toBe(0)
    // An independent check: poppler's pdfsig finds both signatures valid.
    expect(pdfsig(issuedBytes).match(/Signature is Valid/g)).toHaveLength(2)

    // Each step told the next person: the signer to sign, the receiving unit's head of the new document.
    await t.dispatch()
    const kinds = async (c: Office['clients'][keyof Office['clients']]) =>
      (await c.get('/api/notifications'))
        .json()
        .items.map((n: { kind: string; data: { documentId: string } }) => n.kind)
    expect(await kinds(o.clients.leader)).toEqual(
      expect.arrayContaining(['documentOut.toSign', 'documentOut.issued']),
    )
    expect(await kinds(o.clients.receiverHead)).toContain('documentOut.received')
    expect(await kinds(o.clients.head)).toContain('documentOut.toReview')

    // Recall: the internal copy leaves the inbox.
    const recalled = await post(o.clients.clerk, doc.id, 'recall', { reason: 'Sai nội dung phụ lục' })
    expect(recalled.json().state).toBe('recalled')
    const inbox2 = await o.clients.receiverHead.get('/api/inbox?tab=to_process')
    expect(inbox2.json().items.find((r: { id: string }) => r.id === unit.incomingDocumentId)).toBeUndefined()
    const replacement = await post(o.clients.clerk, doc.id, 'replace', {
      reason: 'Thay thế văn bản bị thu hồi',
    })
    expect(replacement.statusCode).toBe(200)
    expect(replacement.json()).toMatchObject({
      state: 'draft',
      links: [{ id: doc.id, relation: 'replaces' }],
    })
  }, 60_000)
})

describe('refusals', () => {
  it('numbering or issuing before approval and signing is refused, with nothing changed', async () => {
    const draft = await draftReply(o)
    await post(o.clients.specialist, draft.id, 'submit', {})
    const number = await post(o.clients.clerk, draft.id, 'number', { registerId: o.registers.outgoing.id })
    expect(number.statusCode).toBe(409)
    expect(number.json().error.code).toBe('DOCUMENT_NOT_APPROVED')
    const issue = await post(o.clients.clerk, draft.id, 'issue', {
      registerId: o.registers.outgoing.id,
      sealPin: SEAL_PIN,
    })
    expect(issue.statusCode).toBe(409)
    expect(issue.json().error.code).toBe('DOCUMENT_NOT_SIGNED')
    const doc = (await o.clients.clerk.get(`/api/documents-out/${draft.id}`)).json() as TOutgoingDocument
    expect(doc).toMatchObject({ state: 'in_review', numberAndNotation: null })
  })

  it('a DOCX without its PDF cannot be signed', async () => {
    const { docxBytes } = await import('../../test/file-fixtures.ts')
    const { uploadFile } = await import('./documents-out.test-support.ts')
    const draft = await draftReply(o)
    const docx = await uploadFile(
      o.clients.specialist,
      'ban-moi.docx',
      docxBytes(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    await post(o.clients.specialist, draft.id, 'versions', { fileId: docx })
    // No LibreOffice in this test's converter: the version says so.
    await t.database.db.execute(
      (await import('drizzle-orm'))
        .sql`UPDATE draft_versions SET conversion_status = 'unavailable' WHERE file_id = ${docx}`,
    )
    const doc = await approved(o, draft)
    const sign = await post(o.clients.leader, doc.id, 'sign', { pin: PIN })
    expect(sign.statusCode).toBe(422)
    expect(sign.json().error.code).toBe('NOT_A_PDF')
  }, 30_000)

  it('a tampered PDF fails verification with a reason', async () => {
    const doc = await approved(o, await draftReply(o))
    const signed = (await post(o.clients.leader, doc.id, 'sign', { pin: PIN })).json() as TOutgoingDocument
    const file = await unsafeFindFile(t.database.db, signed.signedFiles[0]!.fileId)
    const bytes = Buffer.from(await readBlob(t.deps.blobs, file!.sha256))
    // Change one character of the page content, inside the signed byte range.
    const at = bytes.indexOf('Nội dung') > 0 ? bytes.indexOf('Nội dung') : 400
    bytes[at + 2] = bytes[at + 2]! ^ 0x01
    const { payload, headers } = multipartBody([
      { name: 'file', filename: 'sua.pdf', content: bytes, type: 'application/pdf' },
    ])
    const res = await o.clients.receiver.request({
      method: 'POST',
      url: '/api/signatures/verify-upload',
      payload,
      headers,
    })
    expect(res.statusCode).toBe(200)
    const v = res.json() as TVerificationResult
    expect(v.isSigned).toBe(true)
    expect(v.isValid).toBe(false)
    expect(v.signatures[0]!.problems).toContain('digest_mismatch')
    expect(v.signatures[0]!.problemMessages[0]).toMatch(/thay đổi/)
  }, 30_000)

  it('a DOCX version is converted to the PDF that gets signed, or says LibreOffice is missing', async () => {
    const { docxBytes } = await import('../../test/file-fixtures.ts')
    const { uploadFile } = await import('./documents-out.test-support.ts')
    const draft = await draftReply(o)
    const docx = await uploadFile(
      o.clients.specialist,
      'du-thao.docx',
      docxBytes(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    const added = (
      await post(o.clients.specialist, draft.id, 'versions', { fileId: docx })
    ).json() as TOutgoingDocument
    expect(added.versions[1]).toMatchObject({ conversionStatus: 'pending', pdfFileId: null })
    await processVersions(t.deps, draft.id)
    const after = (
      await o.clients.specialist.get(`/api/documents-out/${draft.id}`)
    ).json() as TOutgoingDocument
    if (await t.deps.converter.isAvailable()) {
      expect(after.versions[1]).toMatchObject({ conversionStatus: 'done', pdfFileId: expect.any(String) })
    } else {
      expect(after.versions[1]).toMatchObject({ conversionStatus: 'unavailable', pdfFileId: null })
    }
  }, 60_000)
})
