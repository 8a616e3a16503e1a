/** Test support for incoming documents: an office with every role signed in, a register, uploads, registrations. */
import { randomBytes } from 'node:crypto'
import type { TIncomingDocument } from '@common/contracts/documents-in'
import type { Role } from '@common/domain'
import { registers } from '../../platform/db/schema.ts'
import { makeOrganization, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories.ts'
import { signIn, type Client, type TestApp } from '../../test/harness.ts'
import { multipartBody, pdfBytes } from '../../test/file-fixtures.ts'

type Person = Awaited<ReturnType<typeof makeUser>>

/**
 * A fresh organization: the office (clerk), the leadership (leader, secretary), unit A (head and two
 * specialists), unit B (one specialist), an administrator, and a focal point of a member agency.
 */
export async function office(t: TestApp) {
  const db = t.database.db
  const org = await makeOrganization(db, { kind: 'own' })
  const member = await makeOrganization(db)
  const [officeUnit, leadership, unitA, unitB] = [
    await makeUnit(db, org.id),
    await makeUnit(db, org.id),
    await makeUnit(db, org.id),
    await makeUnit(db, org.id),
  ]
  const user = (roles: Role[], unitId: string | null, organizationId = org.id) =>
    makeUser(db, { roles, organizationId, unitId })
  const people = {
    clerk: await user(['clerk'], officeUnit.id),
    leader: await user(['leader'], leadership.id),
    secretary: await user(['secretary'], leadership.id),
    head: await user(['unit_head'], unitA.id),
    specialist: await user(['specialist'], unitA.id),
    specialist2: await user(['specialist'], unitA.id),
    other: await user(['specialist'], unitB.id),
    admin: await user(['admin'], officeUnit.id),
    focal: await user(['focal_point'], null, member.id),
  }
  const clients = {} as Record<keyof typeof people, Client>
  for (const [key, p] of Object.entries(people) as [keyof typeof people, Person][])
    clients[key] = await signIn(t.app, p.username, TEST_PASSWORD)
  const [register] = await db
    .insert(registers)
    .values({ organizationId: org.id, kind: 'incoming', code: 'VBD', name: 'Sổ văn bản đến' })
    .returning()
  return {
    org,
    member,
    units: { officeUnit, leadership, unitA, unitB },
    people,
    clients,
    register: register!,
  }
}
export type Office = Awaited<ReturnType<typeof office>>

/** Upload one small PDF through the API; returns its file id. */
export async function uploadPdf(
  client: Client,
  text = `Cong van ${randomBytes(4).toString('hex')}`,
): Promise<string> {
  const { payload, headers } = multipartBody([
    { filename: 'cong-van.pdf', content: pdfBytes(text), type: 'application/pdf' },
  ])
  const res = await client.request({ method: 'POST', url: '/api/files', payload, headers })
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`)
  return (res.json() as { items: { id: string }[] }).items[0]!.id
}

/** A valid registration body; every call a different number and notation. */
export function registration(o: Office, overrides: Record<string, unknown> = {}) {
  return {
    registerId: o.register.id,
    senderOrganizationId: o.member.id,
    numberAndNotation: `${Math.floor(Math.random() * 9000) + 100}/${randomBytes(2).toString('hex').toUpperCase()}-BNNMT`,
    issueDate: '2026-03-02',
    documentType: 'CV',
    subject: 'V/v góp ý dự thảo kế hoạch thích ứng biến đổi khí hậu vùng đồng bằng sông Cửu Long',
    ...overrides,
  }
}

/** Register through the API as the clerk and return the document. */
export async function registerDocument(o: Office, overrides: Record<string, unknown> = {}) {
  const res = await o.clients.clerk.post('/api/documents-in', registration(o, overrides))
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`)
  return res.json() as TIncomingDocument
}

/** Register and submit to the leader, then assign: unit A leads, specialist2 cooperates, the focal point is informed. */
export async function assignedDocument(o: Office, overrides: Record<string, unknown> = {}) {
  const doc = await registerDocument(o, overrides)
  const submitted = await o.clients.clerk.post(`/api/documents-in/${doc.id}/submit`, {
    leaderId: o.people.leader.id,
  })
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`)
  const res = await o.clients.leader.post(`/api/documents-in/${doc.id}/assign`, {
    directive: 'Ban A chủ trì tham mưu trả lời; ông B phối hợp.',
    lead: { unitId: o.units.unitA.id, deadline: { workingDays: 5 } },
    cooperating: [{ userId: o.people.other.id, deadline: { workingDays: 3 } }],
    information: [{ userId: o.people.focal.id }],
  })
  if (res.statusCode !== 200) throw new Error(`assign failed: ${res.body}`)
  return res.json() as TIncomingDocument
}
