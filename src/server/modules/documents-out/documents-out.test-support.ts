/**
 * Test support for outgoing documents: an organization laid out like the committee (office with
 * its chief and clerk, a drafting unit, a receiving unit, the leadership with a secretary), a demo
 * PKI installed through the admin API, registers, uploads and a draft reply to an incoming document.
 */
import type { TOutgoingDocument } from '@common/contracts/documents-out'
import type { Role } from '@common/domain'
import { delegations, registers } from '../../platform/db/schema.ts'
import {
  createDemoPki,
  demoSealImage,
  demoSignatureImage,
  type DemoPki,
} from '../../platform/signing/index.ts'
import {
  makeOrganization,
  makeOutgoingPdf,
  makeUnit,
  makeUser,
  TEST_PASSWORD,
  uniq,
} from '../../test/factories.ts'
import { multipartBody } from '../../test/file-fixtures.ts'
import { signIn, type Client, type TestApp } from '../../test/harness.ts'

export const PIN = '246810'
export const SEAL_PIN = '135790'

/** One demo PKI per test file (key generation takes about a second). */
export async function makePki(now = new Date()): Promise<DemoPki> {
  return createDemoPki({
    organizationName: 'Ủy ban sông Mê Công Việt Nam',
    people: [
      { key: 'leader', commonName: 'Nguyễn Văn Đức' },
      { key: 'leader2', commonName: 'Trần Thị Hà' },
      { key: 'organization', commonName: 'Ủy ban sông Mê Công Việt Nam', isOrganization: true },
    ],
    pinFor: (key) => (key === 'organization' ? SEAL_PIN : PIN),
    now,
  })
}

export async function office(
  t: TestApp,
  pki: DemoPki,
  options: { organization?: Awaited<ReturnType<typeof makeOrganization>> } = {},
) {
  const db = t.database.db
  const org = options.organization ?? (await makeOrganization(db, { kind: 'ministry', shortName: 'UBMC' }))
  const partner = await makeOrganization(db, { email: `vanthu.${uniq()}@example.org`, shortName: 'BNNMT' })
  const vp = await makeUnit(db, org.id, { code: 'VP', shortName: 'VP', name: 'Văn phòng' })
  const khth = await makeUnit(db, org.id, {
    code: uniq('K'),
    shortName: 'KHTH',
    name: 'Ban Kế hoạch - Tổng hợp',
  })
  const tnn = await makeUnit(db, org.id, { code: uniq('T'), shortName: 'TNN', name: 'Ban Tài nguyên nước' })
  const leadership = await makeUnit(db, org.id, { code: uniq('L'), shortName: 'LĐUB' })
  const user = (roles: Role[], unitId: string, extra: Record<string, string> = {}) =>
    makeUser(db, { roles, organizationId: org.id, unitId, ...extra })
  const people = {
    clerk: await user(['clerk'], vp.id),
    chief: await user(['leader', 'unit_head'], vp.id, {
      position: 'Chánh Văn phòng',
      fullName: 'Lê Văn Chánh',
    }),
    head: await user(['unit_head'], khth.id),
    specialist: await user(['specialist'], khth.id),
    receiverHead: await user(['unit_head'], tnn.id),
    receiver: await user(['specialist'], tnn.id),
    leader: await user(['leader'], leadership.id, { fullName: 'Nguyễn Văn Đức', position: 'Chủ tịch' }),
    leader2: await user(['leader'], leadership.id, { fullName: 'Trần Thị Hà', position: 'Phó Chủ tịch' }),
    secretary: await user(['secretary'], leadership.id),
    admin: await user(['admin'], vp.id),
  }
  const clients = {} as Record<keyof typeof people, Client>
  for (const [key, p] of Object.entries(people))
    clients[key as keyof typeof people] = await signIn(t.app, p.username, TEST_PASSWORD)
  const [incoming] = await db
    .insert(registers)
    .values({ organizationId: org.id, kind: 'incoming', code: 'VBD', name: 'Sổ văn bản đến' })
    .returning()
  const [outgoing] = await db
    .insert(registers)
    .values({ organizationId: org.id, kind: 'outgoing', code: 'VBDI', name: 'Sổ văn bản đi' })
    .returning()
  await db.insert(delegations).values({
    principalId: people.leader.id,
    delegateId: people.secretary.id,
    scopes: ['documentOut.approve'],
    startsAt: new Date(Date.now() - 60_000),
    endsAt: new Date(Date.now() + 86_400_000),
    createdBy: people.leader.id,
  })
  const keys = [
    {
      ownerKind: 'user',
      userId: people.leader.id,
      p12: pki.people.leader!.p12,
      pin: PIN,
      image: demoSignatureImage(people.leader.fullName),
    },
    {
      ownerKind: 'user',
      userId: people.leader2.id,
      p12: pki.people.leader2!.p12,
      pin: PIN,
      image: demoSignatureImage(people.leader2.fullName),
    },
    {
      ownerKind: 'organization',
      userId: null,
      p12: pki.people.organization!.p12,
      pin: SEAL_PIN,
      image: demoSealImage(org.name),
    },
  ]
  for (const k of keys) {
    const res = await clients.admin.post('/api/signing/keys', {
      ownerKind: k.ownerKind,
      userId: k.userId,
      p12Base64: Buffer.from(k.p12).toString('base64'),
      pin: k.pin,
      imageBase64: Buffer.from(k.image).toString('base64'),
    })
    if (res.statusCode !== 200) throw new Error(`key upload failed: ${res.statusCode} ${res.body}`)
  }
  return {
    org,
    partner,
    units: { vp, khth, tnn, leadership },
    people,
    clients,
    registers: { incoming: incoming!, outgoing: outgoing! },
  }
}
export type Office = Awaited<ReturnType<typeof office>>

export async function uploadFile(
  client: Client,
  filename: string,
  content: Uint8Array,
  type: string,
): Promise<string> {
  const { payload, headers } = multipartBody([{ filename, content: Buffer.from(content), type }])
  const res = await client.request({ method: 'POST', url: '/api/files', payload, headers })
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { items: { id: string }[] }).items[0]!.id
}

/** The PDF of a letter (Công văn) of the drafting unit, signed by the leader. */
export async function letterPdf(o: Office, omit: Parameters<typeof makeOutgoingPdf>[0]['omit'] = []) {
  return makeOutgoingPdf({
    notation: 'UBMC-KHTH',
    subject: 'Trả lời góp ý kế hoạch thích ứng biến đổi khí hậu',
    signerTitle: 'CHỦ TỊCH',
    signerName: o.people.leader.fullName,
    omit,
  })
}

/** An incoming document registered by the clerk, to reply to. */
export async function incomingDocument(o: Office): Promise<string> {
  const res = await o.clients.clerk.post('/api/documents-in', {
    registerId: o.registers.incoming.id,
    senderOrganizationId: o.partner.id,
    numberAndNotation: `${Math.floor(Math.random() * 900) + 100}/BNNMT-KH`,
    issueDate: '2026-03-02',
    documentType: 'CV',
    subject: 'V/v góp ý dự thảo kế hoạch thích ứng biến đổi khí hậu',
  })
  if (res.statusCode !== 200 && res.statusCode !== 201)
    throw new Error(`registration failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { id: string }).id
}

/** A draft reply with a PDF main file and two recipients: the receiving unit and the partner agency. */
export async function draftReply(o: Office, extra: Record<string, unknown> = {}): Promise<TOutgoingDocument> {
  const replyTo = await incomingDocument(o)
  const mainFileId = await uploadFile(
    o.clients.specialist,
    'tra-loi.pdf',
    await letterPdf(o),
    'application/pdf',
  )
  const res = await o.clients.specialist.post('/api/documents-out', {
    documentType: 'CV',
    subject: 'Trả lời góp ý kế hoạch thích ứng biến đổi khí hậu',
    signerId: o.people.leader.id,
    signerTitle: 'CHỦ TỊCH',
    recipients: [
      { kind: 'unit', unitId: o.units.tnn.id },
      { kind: 'organization', organizationId: o.partner.id },
    ],
    replyToDocumentId: replyTo,
    mainFileId,
    ...extra,
  })
  if (res.statusCode !== 200) throw new Error(`draft failed: ${res.statusCode} ${res.body}`)
  return res.json() as TOutgoingDocument
}

/** Submit and approve up the whole chain; the first leader's step is entered by their secretary. */
export async function approved(o: Office, doc: TOutgoingDocument): Promise<TOutgoingDocument> {
  const leaderStep: [Client, Record<string, unknown>] =
    doc.signerId === o.people.leader.id
      ? [o.clients.secretary, { onBehalfOf: o.people.leader.id, comment: 'Đồng ý' }]
      : [o.clients.leader2, { comment: 'Đồng ý' }]
  const steps: [Client, Record<string, unknown>][] = [
    [o.clients.specialist, { note: 'Kính trình' }],
    [o.clients.head, {}],
    [o.clients.chief, { proposal: 'Kính trình Chủ tịch ký ban hành' }],
    leaderStep,
  ]
  let last = doc
  for (const [i, [client, body]] of steps.entries()) {
    const res = await client.post(`/api/documents-out/${doc.id}/${i === 0 ? 'submit' : 'approve'}`, body)
    if (res.statusCode !== 200) throw new Error(`step ${i} failed: ${res.statusCode} ${res.body}`)
    last = res.json() as TOutgoingDocument
  }
  return last
}
