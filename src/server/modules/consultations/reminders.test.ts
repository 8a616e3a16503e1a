import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { consultationReminders } from '../../platform/db/schema.ts'
import { appendEvent } from '../../platform/events/record.ts'
import { pdfBytes, multipartBody } from '../../test/file-fixtures.ts'
import { buildTestApp, type Client, type TestApp } from '../../test/harness.ts'
import {
  answers,
  cast,
  clock,
  consultationEvents,
  HOUR,
  notificationsOf,
  openConsultation,
  put,
} from './consultations.test-support.ts'
import { sendDueReminders } from './index.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => clock.now() })
})
afterEach(() => {
  clock.at = null
})
afterAll(async () => t.close())

const reminderKinds = async (userId: string) =>
  (await notificationsOf(t, userId)).filter((n) => n.kind === 'consultation.reminder')

describe('reminders', () => {
  it('an officer reminds now those who have not answered, with a word; at most once an hour', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    const url = `/api/consultations/${id}/remind`

    // Members, and officers of nothing, may not.
    expect((await c.members[1].client.post(url, {})).statusCode).toBe(403)
    const now = Date.now()
    clock.at = new Date(now)
    const sent = await c.officer.post(url, { message: 'Đề nghị gửi ý kiến trước thứ Sáu' })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toEqual({ reminded: 2, at: new Date(now).toISOString() })
    const withMessage = async (userId: string) =>
      (await notificationsOf(t, userId)).filter((n) => n.kind === 'consultation.reminderWithMessage')
    expect(await withMessage(c.members[0].user.id)).toHaveLength(0)
    expect(await withMessage(c.members[0].focal.id)).toHaveLength(0)
    for (const m of [c.members[1], c.members[2]]) {
      const [n] = await withMessage(m.user.id)
      expect(n?.data).toMatchObject({
        message: 'Đề nghị gửi ý kiến trước thứ Sáu',
        memberName: m.user.fullName,
      })
      expect(await withMessage(m.focal.id)).toHaveLength(1)
    }
    // The progress shows when each was reminded; the audit log says it was by hand.
    const progress = (await c.officer.get(`/api/consultations/${id}/progress`)).json()
    const remindedAt = (memberId: string) =>
      progress.rows.find((r: { member: { id: string } }) => r.member.id === memberId).lastRemindedAt
    expect(remindedAt(c.members[1].user.id)).toBe(new Date(now).toISOString())
    expect(remindedAt(c.members[0].user.id)).toBeNull()
    const event = (await consultationEvents(t, id)).find((e) => e.action === 'consultation.reminded')
    expect(event?.actorId).toBe(c.officerUser.id)
    expect(event?.data).toMatchObject({
      manual: true,
      memberIds: [c.members[1].user.id, c.members[2].user.id],
    })

    // Again within the hour: refused, nothing sent; after the hour, sent again without a word.
    clock.at = new Date(now + 59 * 60_000)
    const again = await c.officer.post(url, {})
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('CONSULTATION_REMINDED_RECENTLY')
    clock.at = new Date(now + 61 * 60_000)
    expect((await c.officer.post(url, {})).json().reminded).toBe(2)
    expect(await reminderKinds(c.members[2].user.id)).toHaveLength(1)

    // Once everyone answered, there is nobody to remind.
    clock.at = null
    await put(c.members[1].client, id, { answers: answers(), intent: 'submit' })
    await put(c.members[2].client, id, { answers: answers(), intent: 'submit' })
    clock.at = new Date(now + 62 * 60_000)
    const nobody = await c.officer.post(url, {})
    expect(nobody.statusCode).toBe(409)
    expect(nobody.json().error.code).toBe('CONSULTATION_NOBODY_TO_REMIND')
  })

  it('reminds, at each mark, only those who have not answered (and their focal points), once per mark', async () => {
    const c = await cast(t)
    const deadline = new Date(Date.now() + 100 * HOUR)
    const id = await openConsultation(c, { deadline: deadline.toISOString(), reminderHours: [72, 24] })
    await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    // A focal point's draft awaiting the member is not an answer yet.
    await put(c.members[1].focalClient, id, {
      memberId: c.members[1].user.id,
      answers: answers(),
      intent: 'submit',
    })

    // Before the first mark: nothing.
    await sendDueReminders(t.database.db, new Date(deadline.getTime() - 73 * HOUR))
    expect(await reminderKinds(c.members[1].user.id)).toHaveLength(0)

    // The 72-hour mark: the two who have not answered and their focal points; run twice, sent once.
    const at72 = new Date(deadline.getTime() - 71 * HOUR)
    await sendDueReminders(t.database.db, at72)
    await sendDueReminders(t.database.db, at72)
    expect(await reminderKinds(c.members[0].user.id)).toHaveLength(0)
    expect(await reminderKinds(c.members[0].focal.id)).toHaveLength(0)
    for (const m of [c.members[1], c.members[2]]) {
      expect(await reminderKinds(m.user.id)).toHaveLength(1)
      expect(await reminderKinds(m.focal.id)).toHaveLength(1)
    }

    // Member 2 answers; at the 24-hour mark only member 3 is reminded again.
    await put(c.members[1].client, id, { answers: answers(), intent: 'submit' })
    await sendDueReminders(t.database.db, new Date(deadline.getTime() - 23 * HOUR))
    await sendDueReminders(t.database.db, new Date(deadline.getTime() - 22 * HOUR))
    expect(await reminderKinds(c.members[1].user.id)).toHaveLength(1)
    expect(await reminderKinds(c.members[2].user.id)).toHaveLength(2)

    // After the deadline: no more.
    await sendDueReminders(t.database.db, new Date(deadline.getTime() + HOUR))
    expect(await reminderKinds(c.members[2].user.id)).toHaveLength(2)

    const rows = await t.database.db
      .select()
      .from(consultationReminders)
      .where(eq(consultationReminders.consultationId, id))
    expect(
      rows.map((r) => `${r.memberId === c.members[2].user.id ? 'm3' : 'm2'}:${r.markHours}`).sort(),
    ).toEqual(['m2:72', 'm3:24', 'm3:72'])
    const reminded = (await consultationEvents(t, id)).filter((e) => e.action === 'consultation.reminded')
    expect(reminded).toHaveLength(2)
    expect(reminded[0]!.actorId).toBeNull()

    const progress = (await c.officer.get(`/api/consultations/${id}/progress`)).json()
    const row = progress.rows.find((r: { member: { id: string } }) => r.member.id === c.members[2].user.id)
    expect(row.lastRemindedAt).not.toBeNull()
  })

  it('skips marks that fell before the launch', async () => {
    const c = await cast(t)
    const deadline = new Date(Date.now() + 10 * HOUR)
    const id = await openConsultation(c, { deadline: deadline.toISOString(), reminderHours: [72, 24] })
    await sendDueReminders(t.database.db, new Date(deadline.getTime() - 5 * HOUR))
    expect(await reminderKinds(c.members[0].user.id)).toHaveLength(0)
    expect((await consultationEvents(t, id)).some((e) => e.action === 'consultation.reminded')).toBe(false)
  })
})

async function uploadPdf(client: Client): Promise<string> {
  const { payload, headers } = multipartBody([
    { filename: 'du-thao.pdf', content: Buffer.from(pdfBytes()), type: 'application/pdf' },
  ])
  const res = await client.request({ method: 'POST', url: '/api/files', payload, headers })
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`)
  return (res.json() as { items: { id: string }[] }).items[0]!.id
}

describe('materials, letters and the report', () => {
  it('participants read the draft file; outsiders cannot', async () => {
    const c = await cast(t)
    const fileId = await uploadPdf(c.officer)
    const id = await openConsultation(c, { materials: [{ fileId, role: 'draft' }] })
    const seen = (await c.members[0].client.get(`/api/consultations/${id}`)).json()
    expect(seen.materials).toEqual([
      expect.objectContaining({ fileId, role: 'draft', filename: 'du-thao.pdf' }),
    ])
    expect((await c.members[0].client.get(`/api/files/${fileId}/content`)).statusCode).toBe(200)
    expect((await c.outsider.get(`/api/files/${fileId}/content`)).statusCode).toBe(404)
  })

  it('launchOn letter: approved, it opens when the letter is issued', async () => {
    const c = await cast(t)
    const draft = await c.officer.post('/api/documents-out', {
      documentType: 'CV',
      subject: 'V/v lấy ý kiến dự thảo Kế hoạch',
      signerId: c.leaderUser.id,
      signerTitle: 'CHỦ TỊCH',
      recipients: [{ kind: 'organization', organizationId: c.members[0].user.organizationId }],
    })
    expect(draft.statusCode, draft.body).toBe(200)
    const letterId = draft.json().id as string
    const id = await openConsultation(c, { launchOn: 'letter', letterDocumentId: letterId })
    const waiting = (await c.officer.get(`/api/consultations/${id}`)).json()
    expect(waiting).toMatchObject({ state: 'submitted', abilities: { approve: false } })
    expect((await c.members[0].client.get(`/api/consultations/${id}`)).statusCode).toBe(404)

    // The documents-out module records the issue (its own flow is tested there).
    await t.database.db.transaction((tx) =>
      appendEvent(tx, {
        occurredAt: new Date(),
        actorId: c.officerUser.id,
        principalId: c.officerUser.id,
        action: 'documentOut.issued',
        targetType: 'documentOut',
        targetId: letterId,
        ip: null,
        userAgent: null,
        data: { deliveries: [] },
      }),
    )
    await t.dispatch()
    await t.dispatch()
    const open = (await c.members[0].client.get(`/api/consultations/${id}`)).json()
    expect(open.state).toBe('open')
    const launched = (await consultationEvents(t, id)).find((e) => e.action === 'consultation.launched')!
    expect(launched.data).toMatchObject({ how: 'letter', letterDocumentId: letterId })
    expect((await notificationsOf(t, c.members[0].user.id)).map((n) => n.kind)).toContain(
      'consultation.launched',
    )
  })

  it('exports the closed summary as DOCX and PDF; a revised draft fills the revised text', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    await c.officer.post(`/api/consultations/${id}/close`, {})
    const fileId = await uploadPdf(c.officer)
    const revised = await c.officer.post(`/api/consultations/${id}/revised-draft`, {
      fileId,
      sections: [{ sectionKey: 'dieu-2', text: 'Điều 2 đã bổ sung các tỉnh ven biển' }],
    })
    expect(revised.statusCode, revised.body).toBe(200)
    expect(revised.json().materials.map((m: { role: string }) => m.role)).toContain('revised_draft')
    const summary = (await c.officer.get(`/api/consultations/${id}/summary`)).json()
    expect(summary.revisedDraft).toMatchObject({ fileId })
    expect(summary.responseTable[0]).toMatchObject({ revisedText: 'Điều 2 đã bổ sung các tỉnh ven biển' })
    const docx = await c.members[1].client.get(`/api/consultations/${id}/summary.docx`)
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-type']).toContain('wordprocessingml')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect((await c.outsider.get(`/api/consultations/${id}/summary.docx`)).statusCode).toBe(404)
    const pdf = await c.officer.get(`/api/consultations/${id}/summary.pdf`)
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
