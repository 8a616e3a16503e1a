import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import {
  answers,
  cast,
  clock,
  consultationEvents,
  form,
  HOUR,
  notificationsOf,
  openConsultation,
  put,
} from './consultations.test-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => clock.now() })
})
afterEach(() => {
  clock.at = null
})
afterAll(async () => t.close())

describe('consultation life cycle', () => {
  it('drafts, submits to a leader, approves (launch), extends, closes; every step audited; participants notified', async () => {
    const c = await cast(t)
    const created = await c.officer.post('/api/consultations', form(c))
    expect(created.statusCode, created.body).toBe(201)
    const body = created.json()
    expect(body).toMatchObject({
      state: 'draft',
      silenceRule: 'agree',
      reminderHours: [72, 24],
      abilities: { edit: true, submit: true, approve: false, answer: false },
      counts: { participants: 3, answered: 0 },
    })
    expect(body.participants.map((p: { id: string }) => p.id)).toEqual(c.members.map((m) => m.user.id))
    const id = body.id as string

    // Members do not see a draft.
    expect((await c.members[0].client.get(`/api/consultations/${id}`)).statusCode).toBe(404)

    const edited = await c.officer.patch(
      `/api/consultations/${id}`,
      form(c, { title: 'Lấy ý kiến dự thảo đã sửa' }),
    )
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json().title).toBe('Lấy ý kiến dự thảo đã sửa')

    // The approver must be a leader.
    const wrong = await c.officer.post(`/api/consultations/${id}/submit`, {
      approverId: c.members[0].user.id,
    })
    expect(wrong.statusCode).toBe(400)
    const submitted = await c.officer.post(`/api/consultations/${id}/submit`, { approverId: c.leaderUser.id })
    expect(submitted.json()).toMatchObject({ state: 'submitted', approver: { id: c.leaderUser.id } })
    // Only that leader decides; the creator cannot edit any more.
    expect((await c.officer.post(`/api/consultations/${id}/approve`, {})).statusCode).toBe(403)
    expect((await c.officer.patch(`/api/consultations/${id}`, form(c))).statusCode).toBe(409)

    const returned = await c.leader.post(`/api/consultations/${id}/return`, { reason: 'Bổ sung tài liệu' })
    expect(returned.json().state).toBe('draft')
    await c.officer.post(`/api/consultations/${id}/submit`, { approverId: c.leaderUser.id })
    const approved = await c.leader.post(`/api/consultations/${id}/approve`, { note: 'Đồng ý' })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ state: 'open' })
    expect(approved.json().launchedAt).not.toBeNull()

    const seen = await c.members[0].client.get(`/api/consultations/${id}`)
    expect(seen.statusCode).toBe(200)
    expect(seen.json()).toMatchObject({
      abilities: { answer: true, viewProgress: false, viewSummary: false },
    })
    expect(seen.json().answerFor).toEqual([
      expect.objectContaining({ id: c.members[0].user.id, responseState: 'none' }),
    ])

    // Extend: later than the current deadline and in the future.
    const current = new Date(approved.json().deadline).getTime()
    const earlier = await c.officer.post(`/api/consultations/${id}/extend`, {
      deadline: new Date(current - HOUR).toISOString(),
      reason: 'Thử',
    })
    expect(earlier.statusCode).toBe(400)
    const later = new Date(current + 48 * HOUR).toISOString()
    const extended = await c.officer.post(`/api/consultations/${id}/extend`, {
      deadline: later,
      reason: 'Các tỉnh xin thêm thời gian',
    })
    expect(extended.statusCode, extended.body).toBe(200)
    expect(extended.json().deadline).toBe(later)
    expect(extended.json().extensions).toEqual([
      expect.objectContaining({ to: later, reason: 'Các tỉnh xin thêm thời gian' }),
    ])
    // Members cannot run it.
    expect((await c.members[0].client.post(`/api/consultations/${id}/close`, {})).statusCode).toBe(403)

    const closed = await c.officer.post(`/api/consultations/${id}/close`, { reason: 'Đủ ý kiến' })
    expect(closed.json()).toMatchObject({ state: 'closed', abilities: { editDispositions: true } })

    expect((await consultationEvents(t, id)).map((e) => e.action)).toEqual([
      'consultation.created',
      'consultation.updated',
      'consultation.submitted',
      'consultation.returned',
      'consultation.submitted',
      'consultation.approved',
      'consultation.launched',
      'consultation.extended',
      'consultation.closed',
    ])

    await t.dispatch()
    const kinds = async (userId: string) => (await notificationsOf(t, userId)).map((n) => n.kind).sort()
    expect(await kinds(c.leaderUser.id)).toEqual(['consultation.toApprove', 'consultation.toApprove'])
    expect(await kinds(c.officerUser.id)).toEqual(['consultation.returned'])
    const launched = ['consultation.closed', 'consultation.extended', 'consultation.launched']
    expect(await kinds(c.members[1].user.id)).toEqual(launched)
    expect(await kinds(c.members[1].focal.id)).toEqual(launched)
  })

  it('cancels with a reason; lists by box', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    const mine = (await c.members[2].client.get('/api/consultations?box=to_answer')).json()
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(id)
    expect(mine.items.find((i: { id: string }) => i.id === id)).toMatchObject({ myResponseState: 'none' })
    const focalRes = await c.members[2].focalClient.get('/api/consultations?box=to_answer')
    expect(focalRes.statusCode, focalRes.body).toBe(200)
    const focal = focalRes.json()
    expect(focal.items.map((i: { id: string }) => i.id)).toContain(id)
    const managed = (await c.officer.get('/api/consultations?box=managed')).json()
    expect(managed.items.map((i: { id: string }) => i.id)).toContain(id)
    expect(
      (await c.outsider.get('/api/consultations?box=to_answer'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(id)
    expect((await c.outsider.get(`/api/consultations/${id}`)).statusCode).toBe(404)

    expect((await c.officer.post(`/api/consultations/${id}/cancel`, {})).statusCode).toBe(400)
    const cancelled = await c.officer.post(`/api/consultations/${id}/cancel`, { reason: 'Trùng nội dung' })
    expect(cancelled.json().state).toBe('cancelled')
    const answer = await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    expect(answer.statusCode).toBe(404)
  })

  it('refuses creating for non-officers and a deadline in the past', async () => {
    const c = await cast(t)
    expect((await c.members[0].client.post('/api/consultations', form(c))).statusCode).toBe(403)
    const past = await c.officer.post(
      '/api/consultations',
      form(c, { deadline: new Date(Date.now() - HOUR).toISOString() }),
    )
    expect(past.statusCode).toBe(400)
    const notMember = await c.officer.post(
      '/api/consultations',
      form(c, { participantIds: [c.leaderUser.id] }),
    )
    expect(notMember.statusCode).toBe(400)
    const groups = (await c.officer.get('/api/consultations/participant-groups')).json()
    expect(groups.members.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining(c.members.map((m) => m.user.id)),
    )
    expect(groups.groups.map((g: { key: string }) => g.key)).toEqual([
      'all',
      'ministries',
      'provinces',
      'mekong-delta',
      'sesan-srepok',
    ])
  })
})

describe('answering', () => {
  it('validates each mechanism and names the question', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    const client = c.members[0].client
    const cases: [unknown[], RegExp][] = [
      [[{ questionKey: 'zz', text: 'x' }], /zz/],
      [[{ questionKey: 'q1', vote: 'approve' }], /Ý kiến chung về dự thảo/],
      [[{ questionKey: 'q4', choice: 'C' }], /Phương án ưu tiên.*C/],
      [[{ questionKey: 'q5', choices: ['Nước', 'Biển'] }], /Biển/],
      [[{ questionKey: 'q7', number: 101 }], /Kinh phí đề xuất.*100/],
      [[{ questionKey: 'q3', sectionComments: [{ sectionKey: 'dieu-9', comment: 'x' }] }], /dieu-9/],
    ]
    for (const [given, message] of cases) {
      const res = await put(client, id, { answers: given, intent: 'save' })
      expect(res.statusCode, JSON.stringify(given)).toBe(400)
      expect(res.json().error.message).toMatch(message)
    }
    // A draft may be incomplete; a submission may not.
    const draft = await put(client, id, {
      answers: [{ questionKey: 'q1', opinion: 'agree' }],
      intent: 'save',
    })
    expect(draft.statusCode, draft.body).toBe(200)
    expect(draft.json()).toMatchObject({ state: 'draft', receiptNumber: null })
    const incomplete = await put(client, id, {
      answers: [{ questionKey: 'q1', opinion: 'agree' }],
      intent: 'submit',
    })
    expect(incomplete.statusCode).toBe(400)
    expect(incomplete.json().error.message).toMatch(/Thông qua dự thảo.*bắt buộc/)
    const ok = await put(client, id, { answers: answers(), intent: 'submit' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      state: 'submitted',
      onBehalf: false,
      submittedBy: { id: c.members[0].user.id },
    })
    expect(ok.json().receiptNumber).toMatch(/^YK-\d{4}-\d{6}$/)

    const receipt = await client.get(`/api/consultations/${id}/responses/${ok.json().id}/receipt`)
    expect(receipt.statusCode).toBe(200)
    expect(receipt.json()).toMatchObject({ receiptNumber: ok.json().receiptNumber, final: false })
    expect(receipt.json().digest).toMatch(/^[0-9a-f]{64}$/)
    // Another member may not read it.
    expect(
      (await c.members[1].client.get(`/api/consultations/${id}/responses/${ok.json().id}/receipt`))
        .statusCode,
    ).toBe(404)
  })

  it('accepts an answer one second before the deadline and refuses one second after', async () => {
    const c = await cast(t)
    const deadline = new Date(Date.now() + 10 * 60_000)
    deadline.setMilliseconds(0)
    const id = await openConsultation(c, { deadline: deadline.toISOString() })
    clock.at = new Date(deadline.getTime() - 1000)
    const before = await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    expect(before.statusCode, before.body).toBe(200)
    clock.at = new Date(deadline.getTime() + 1000)
    const after = await put(c.members[1].client, id, { answers: answers(), intent: 'submit' })
    expect(after.statusCode).toBe(409)
    expect(after.json().error).toMatchObject({ code: 'CONSULTATION_DEADLINE_PASSED' })
    expect(after.json().error.message).toMatch(/hết hạn/)
    // Nor can the one who answered revise it.
    const revise = await put(c.members[0].client, id, { answers: answers('disagree'), intent: 'submit' })
    expect(revise.statusCode).toBe(409)
    clock.at = deadline
    expect((await put(c.members[1].client, id, { answers: answers(), intent: 'save' })).statusCode).toBe(409)
    const seen = (await c.members[1].client.get(`/api/consultations/${id}`)).json()
    expect(seen).toMatchObject({ pastDeadline: true, abilities: { answer: false } })
  })

  it('revises a submitted answer until the deadline; a final answer is locked', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    const client = c.members[0].client
    const first = await put(client, id, { answers: answers(), intent: 'submit' })
    const second = await put(client, id, { answers: answers('disagree'), intent: 'submit' })
    expect(second.statusCode, second.body).toBe(200)
    expect(second.json().answers[0]).toMatchObject({ opinion: 'disagree' })
    expect(second.json().receiptNumber).not.toBe(first.json().receiptNumber)
    const final = await put(client, id, { answers: answers(), intent: 'final' })
    expect(final.json()).toMatchObject({ state: 'final', abilities: { edit: false, submit: false } })
    const locked = await put(client, id, { answers: answers('disagree'), intent: 'submit' })
    expect(locked.statusCode).toBe(409)
    expect(locked.json().error.code).toBe('CONSULTATION_ANSWER_FINAL')
  })

  it('a focal point drafts; the member confirms', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    const m = c.members[1]
    const mine = await m.focalClient.get(`/api/consultations/${id}/responses/mine?memberId=${m.user.id}`)
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json()).toMatchObject({ state: 'none', abilities: { edit: true, confirm: false } })
    // Not for a member of another organization.
    const other = await put(m.focalClient, id, {
      memberId: c.members[0].user.id,
      answers: answers(),
      intent: 'save',
    })
    expect(other.statusCode).toBe(404)

    const sent = await put(m.focalClient, id, { memberId: m.user.id, answers: answers(), intent: 'submit' })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toMatchObject({
      state: 'awaiting_member',
      draftedBy: { id: m.focal.id },
      receiptNumber: null,
    })
    await t.dispatch()
    expect((await notificationsOf(t, m.user.id)).map((n) => n.kind)).toContain(
      'consultation.awaitingConfirmation',
    )

    const seen = await m.client.get(`/api/consultations/${id}/responses/mine`)
    expect(seen.json()).toMatchObject({ state: 'awaiting_member', abilities: { confirm: true } })
    // Only the member confirms.
    const responseId = seen.json().id as string
    expect(
      (await m.focalClient.post(`/api/consultations/${id}/responses/${responseId}/confirm`, {})).statusCode,
    ).toBe(404)
    const confirmed = await m.client.post(`/api/consultations/${id}/responses/${responseId}/confirm`, {
      final: true,
    })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(confirmed.json()).toMatchObject({
      state: 'final',
      onBehalf: false,
      draftedBy: { id: m.focal.id },
      submittedBy: { id: m.user.id },
    })
    await t.dispatch()
    expect((await notificationsOf(t, c.officerUser.id)).map((n) => n.kind)).toContain('consultation.answered')
  })

  it('a focal point without a delegation cannot replace the member’s submitted answer; a submitted answer is not saved back to a draft', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    const m = c.members[0]
    expect((await put(m.client, id, { answers: answers(), intent: 'submit' })).statusCode).toBe(200)
    const byFocal = await put(m.focalClient, id, {
      memberId: m.user.id,
      answers: answers('disagree'),
      intent: 'submit',
    })
    expect(byFocal.statusCode).toBe(403)
    const back = await put(m.client, id, { answers: answers(), intent: 'save' })
    expect(back.statusCode).toBe(409)
    const submittedEvent = (await consultationEvents(t, id)).find(
      (e) => e.action === 'consultation.answerSubmitted',
    )!
    expect(submittedEvent.data).toMatchObject({ memberId: m.user.id, answers: expect.any(Array) })
  })

  it('a focal point with a consultation.answer delegation submits on the member’s behalf', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    const m = c.members[2]
    const delegated = await m.client.post('/api/delegations', {
      principalId: m.user.id,
      delegateId: m.focal.id,
      scopes: ['consultation.answer'],
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    })
    expect(delegated.statusCode, delegated.body).toBe(201)
    const sent = await put(m.focalClient, id, { memberId: m.user.id, answers: answers(), intent: 'submit' })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toMatchObject({
      state: 'submitted',
      onBehalf: true,
      submittedBy: { id: m.focal.id },
      member: { id: m.user.id },
    })
    const events = await consultationEvents(t, id)
    const answered = events.find((e) => e.action === 'consultation.answerSubmitted')!
    expect(answered.actorId).toBe(m.focal.id)
    expect(answered.data).toMatchObject({ memberId: m.user.id, onBehalf: true })
    const receipt = await m.client.get(`/api/consultations/${id}/responses/${sent.json().id}/receipt`)
    expect(receipt.json()).toMatchObject({ onBehalf: true, submittedBy: { id: m.focal.id } })
  })
})

describe('who sees the answers', () => {
  it('members see neither others’ answers nor their states before closing; officers see all; after closing everyone sees the summary', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    const other = c.members[1].client
    const seen = (await other.get(`/api/consultations/${id}`)).json()
    expect(
      seen.participants.find((p: { id: string }) => p.id === c.members[0].user.id).responseState,
    ).toBeNull()
    expect((await other.get(`/api/consultations/${id}/summary`)).statusCode).toBe(403)
    expect((await other.get(`/api/consultations/${id}/progress`)).statusCode).toBe(403)
    expect(
      (await other.get(`/api/consultations/${id}/responses/mine?memberId=${c.members[0].user.id}`))
        .statusCode,
    ).toBe(404)

    const progress = await c.officer.get(`/api/consultations/${id}/progress`)
    expect(progress.statusCode, progress.body).toBe(200)
    expect(progress.json()).toMatchObject({ participants: 3, answered: 1, notAnswered: 2 })
    const provisional = await c.officer.get(`/api/consultations/${id}/summary`)
    expect(provisional.statusCode, provisional.body).toBe(200)
    expect(provisional.json()).toMatchObject({ final: false, answered: 1 })

    await c.officer.post(`/api/consultations/${id}/close`, {})
    const after = await other.get(`/api/consultations/${id}/summary`)
    expect(after.statusCode, after.body).toBe(200)
    expect(after.json()).toMatchObject({ final: true, answered: 1 })
    expect(after.json().silent).toHaveLength(2)
    expect((await c.outsider.get(`/api/consultations/${id}/summary`)).statusCode).toBe(404)
  })

  it('in an open ballot, participants see each other’s answers while open', async () => {
    const c = await cast(t)
    const id = await openConsultation(c, { openBallot: true })
    await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    const seen = (await c.members[1].client.get(`/api/consultations/${id}`)).json()
    expect(seen.participants.find((p: { id: string }) => p.id === c.members[0].user.id).responseState).toBe(
      'submitted',
    )
    const summary = await c.members[1].client.get(`/api/consultations/${id}/summary`)
    expect(summary.statusCode, summary.body).toBe(200)
    expect(summary.json().opinions.map((o: { member: { id: string } }) => o.member.id)).toContain(
      c.members[0].user.id,
    )
  })
})

describe('the response table', () => {
  it('the officer records dispositions and a revised draft after closing', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    expect(
      (
        await c.officer.patch(`/api/consultations/${id}/summary/dispositions`, {
          rows: [{ id: 'x', disposition: 'accepted' }],
        })
      ).statusCode,
    ).toBe(409)
    await c.officer.post(`/api/consultations/${id}/close`, {})
    const summary = (await c.officer.get(`/api/consultations/${id}/summary`)).json()
    expect(summary.responseTable).toHaveLength(1)
    const row = summary.responseTable[0]
    const unknown = await c.officer.patch(`/api/consultations/${id}/summary/dispositions`, {
      rows: [{ id: 'nope', disposition: 'accepted' }],
    })
    expect(unknown.statusCode).toBe(400)
    const patched = await c.officer.patch(`/api/consultations/${id}/summary/dispositions`, {
      rows: [{ id: row.id, disposition: 'accepted', explanation: 'Đã bổ sung' }],
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json().responseTable[0]).toMatchObject({
      disposition: 'accepted',
      explanation: 'Đã bổ sung',
    })
    expect(
      (
        await c.members[0].client.patch(`/api/consultations/${id}/summary/dispositions`, {
          rows: [{ id: row.id, disposition: 'noted' }],
        })
      ).statusCode,
    ).toBe(403)
    const events = (await consultationEvents(t, id)).map((e) => e.action)
    expect(events).toContain('consultation.dispositionsUpdated')
  })

  it('the summary goes to the leader as a report draft on a submission slip, once', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    await put(c.members[0].client, id, { answers: answers(), intent: 'submit' })
    const early = await c.officer.post(`/api/consultations/${id}/summary/slip`, { leaderId: c.leaderUser.id })
    expect(early.statusCode).toBe(409)
    await c.officer.post(`/api/consultations/${id}/close`, {})
    const sent = await c.officer.post(`/api/consultations/${id}/summary/slip`, {
      leaderId: c.leaderUser.id,
      note: 'Kính trình Chủ tịch xem xét',
    })
    expect(sent.statusCode, sent.body).toBe(200)
    const documentId = sent.json().summaryDocumentId as string
    expect(documentId).toBeTruthy()
    const draft = await c.leader.get(`/api/documents-out/${documentId}`)
    expect(draft.statusCode, draft.body).toBe(200)
    expect(draft.json()).toMatchObject({ documentType: 'BC' })
    expect(draft.json().subject).toContain('Báo cáo tổng hợp ý kiến')
    const again = await c.officer.post(`/api/consultations/${id}/summary/slip`, { leaderId: c.leaderUser.id })
    expect(again.statusCode).toBe(409)
    expect((await consultationEvents(t, id)).map((e) => e.action)).toContain('consultation.summarySubmitted')
  })

  it('a general comment (disagree, with reasons) is a row the officer can answer too', async () => {
    const c = await cast(t)
    const id = await openConsultation(c)
    await put(c.members[0].client, id, { answers: answers('disagree'), intent: 'submit' })
    await c.officer.post(`/api/consultations/${id}/close`, {})
    const summary = (await c.officer.get(`/api/consultations/${id}/summary`)).json()
    const general = summary.responseTable.find((r: { sectionKey: string | null }) => r.sectionKey === null)
    expect(general).toMatchObject({ questionKey: 'q1', comment: 'Cần bổ sung số liệu' })
    const patched = await c.officer.patch(`/api/consultations/${id}/summary/dispositions`, {
      rows: [{ id: general.id, disposition: 'explained', explanation: 'Số liệu đã có ở Phụ lục 2' }],
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json().responseTable.find((r: { id: string }) => r.id === general.id)).toMatchObject({
      disposition: 'explained',
      explanation: 'Số liệu đã có ở Phụ lục 2',
    })
  })
})
