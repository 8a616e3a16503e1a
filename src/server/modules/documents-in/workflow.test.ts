/** Routing and processing end to end through the API: submit, assign, re-assign, handle, complete; delegation; return; deadlines. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { delegations, notifications } from '../../platform/db/schema.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import {
  assignedDocument,
  office,
  registerDocument,
  uploadPdf,
  type Office,
} from './documents-in.test-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

type Doc = {
  id: string
  state: string
  assignments: {
    id: string
    role: string
    state: string
    assigneeUserId: string | null
    assigneeUnitId: string | null
    parentId: string | null
    dueDate: string | null
    assignedForName: string | null
    assignedByName: string
  }[]
}

const byRole = (doc: Doc, role: string, parentId: string | null = null) =>
  doc.assignments.find((a) => a.role === role && a.parentId === parentId)!

async function kindsFor(userId: string) {
  await t.dispatch()
  const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, userId))
  return rows.map((r) => r.kind).sort()
}

async function delegate(o: Office) {
  await t.database.db.insert(delegations).values({
    principalId: o.people.leader.id,
    delegateId: o.people.secretary.id,
    scopes: ['documentIn.direct'],
    startsAt: new Date(Date.now() - 60_000),
    endsAt: new Date(Date.now() + 86_400_000),
    createdBy: o.people.leader.id,
  })
}

describe('the whole flow', () => {
  it('clerk submits, the leader assigns, the unit head re-assigns, the specialist starts, notes, completes: the document is completed', async () => {
    const o = await office(t)
    const doc = await registerDocument(o)
    const submitted = await o.clients.clerk.post(`/api/documents-in/${doc.id}/submit`, {
      leaderId: o.people.leader.id,
      note: 'Kính trình anh xem xét',
    })
    expect(submitted.json()).toMatchObject({ state: 'submitted', abilities: { submit: false } })
    expect((await o.clients.leader.get(`/api/documents-in/${doc.id}`)).json().abilities).toMatchObject({
      assign: true,
      returnIt: true,
    })

    const assigned: Doc = (
      await o.clients.leader.post(`/api/documents-in/${doc.id}/assign`, {
        directive: 'Ban A chủ trì, đồng chí B phối hợp.',
        lead: { unitId: o.units.unitA.id, deadline: { date: '2099-01-15' } },
        cooperating: [{ userId: o.people.other.id, deadline: { workingDays: 3 } }],
        information: [{ userId: o.people.focal.id }],
      })
    ).json()
    expect(assigned.state).toBe('assigned')
    expect(byRole(assigned, 'review').state).toBe('completed')
    expect(byRole(assigned, 'lead')).toMatchObject({
      assigneeUnitId: o.units.unitA.id,
      dueDate: '2099-01-15',
      state: 'pending',
      assignedForName: null,
    })
    expect(byRole(assigned, 'cooperating').dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(await kindsFor(o.people.head.id)).toEqual(['documentIn.assigned'])
    expect(await kindsFor(o.people.leader.id)).toEqual(['documentIn.submitted'])

    const unitLead = byRole(assigned, 'lead')
    const reassigned: Doc = (
      await o.clients.head.post(`/api/documents-in/${doc.id}/reassign`, {
        assignmentId: unitLead.id,
        directive: 'Giao đồng chí C xử lý',
        lead: { userId: o.people.specialist.id },
        cooperating: [{ userId: o.people.specialist2.id }],
      })
    ).json()
    const personLead = byRole(reassigned, 'lead', unitLead.id)
    expect(personLead).toMatchObject({
      assigneeUserId: o.people.specialist.id,
      dueDate: '2099-01-15',
      state: 'pending',
    })
    const outsider = await o.clients.head.post(`/api/documents-in/${doc.id}/reassign`, {
      assignmentId: unitLead.id,
      lead: { userId: o.people.other.id },
    })
    expect(outsider.statusCode).toBe(400)

    const s = o.clients.specialist
    expect(
      (await s.post(`/api/documents-in/${doc.id}/start`, { assignmentId: personLead.id })).json().state,
    ).toBe('in_progress')
    const fileId = await uploadPdf(s)
    const noted = await s.post(`/api/documents-in/${doc.id}/notes`, {
      assignmentId: personLead.id,
      body: 'Đã dự thảo văn bản trả lời',
      fileIds: [fileId],
    })
    expect(noted.statusCode, noted.body).toBe(200)
    expect(noted.json().files).toContainEqual(expect.objectContaining({ fileId, role: 'processing' }))
    const stranger = await o.clients.specialist2.post(`/api/documents-in/${doc.id}/complete`, {
      assignmentId: personLead.id,
      result: 'Không phải việc của tôi',
    })
    expect(stranger.statusCode).toBe(403)
    const done: Doc & { completedAt: string | null } = (
      await s.post(`/api/documents-in/${doc.id}/complete`, {
        assignmentId: personLead.id,
        result: 'Đã trả lời bằng công văn 45/UBMC-VP',
      })
    ).json()
    expect(done.state).toBe('completed')
    expect(done.completedAt).not.toBeNull()
    expect(byRole(done, 'lead').state).toBe('completed')

    const timeline = (await o.clients.clerk.get(`/api/documents-in/${doc.id}/timeline`)).json()
    expect(timeline.items.map((i: { action: string }) => i.action)).toEqual([
      'documentIn.registered',
      'documentIn.submitted',
      'documentIn.assigned',
      'documentIn.reassigned',
      'documentIn.started',
      'documentIn.noteAdded',
      'documentIn.assignmentCompleted',
      'documentIn.completed',
    ])
    expect(timeline.reads.map((r: { userId: string }) => r.userId)).toContain(o.people.leader.id)
    expect(await kindsFor(o.people.clerk.id)).toContain('documentIn.completed')
    expect(await kindsFor(o.people.leader.id)).toContain('documentIn.completed')
  })
})

describe('a secretary records the leader’s decision', () => {
  it('is refused without a delegation and shown as "entered by X for Y" with one', async () => {
    const o = await office(t)
    const doc = await registerDocument(o)
    await o.clients.clerk.post(`/api/documents-in/${doc.id}/submit`, { leaderId: o.people.leader.id })
    const body = {
      directive: 'Ý kiến của lãnh đạo trên phiếu giấy',
      lead: { userId: o.people.specialist.id },
      onBehalfOf: o.people.leader.id,
    }
    const refused = await o.clients.secretary.post(`/api/documents-in/${doc.id}/assign`, body)
    expect(refused.statusCode).toBe(403)
    expect((await o.clients.secretary.get(`/api/documents-in/${doc.id}`)).statusCode).toBe(404)

    await delegate(o)
    const seen = (await o.clients.secretary.get(`/api/documents-in/${doc.id}`)).json()
    expect(seen.abilities.assign).toBe(true)
    const res = await o.clients.secretary.post(`/api/documents-in/${doc.id}/assign`, body)
    expect(res.statusCode, res.body).toBe(200)
    expect(byRole(res.json(), 'lead')).toMatchObject({
      assignedByName: o.people.secretary.fullName,
      assignedForName: o.people.leader.fullName,
    })
    const timeline = (await o.clients.leader.get(`/api/documents-in/${doc.id}/timeline`)).json()
    const entry = timeline.items.find((i: { action: string }) => i.action === 'documentIn.assigned')
    expect(entry).toMatchObject({
      actorName: o.people.secretary.fullName,
      principalName: o.people.leader.fullName,
      text: body.directive,
    })
    expect(entry.data).toMatchObject({
      isOnBehalf: true,
      enteredById: o.people.secretary.id,
      leaderId: o.people.leader.id,
    })
  })
})

describe('return and deadlines', () => {
  it('a returned lead goes back to the leader for review; a cooperating one asks for and gets a new deadline', async () => {
    const o = await office(t)
    const doc: Doc = await assignedDocument(o)
    const coop = byRole(doc, 'cooperating')
    const asked = await o.clients.other.post(`/api/documents-in/${doc.id}/request-extension`, {
      assignmentId: coop.id,
      proposedDate: '2099-02-01',
      reason: 'Cần thêm số liệu từ tỉnh',
    })
    expect(asked.statusCode, asked.body).toBe(200)
    expect(await kindsFor(o.people.leader.id)).toContain('documentIn.extensionRequested')
    const denied = await o.clients.other.post(`/api/documents-in/${doc.id}/extend`, {
      assignmentId: coop.id,
      deadline: { date: '2099-02-01' },
    })
    expect(denied.statusCode).toBe(403)
    const extended: Doc = (
      await o.clients.leader.post(`/api/documents-in/${doc.id}/extend`, {
        assignmentId: coop.id,
        deadline: { date: '2099-02-01' },
        reason: 'Đồng ý',
      })
    ).json()
    expect(byRole(extended, 'cooperating').dueDate).toBe('2099-02-01')
    expect(await kindsFor(o.people.other.id)).toContain('documentIn.deadlineExtended')

    const lead = byRole(doc, 'lead')
    const short = await o.clients.head.post(`/api/documents-in/${doc.id}/return`, {
      assignmentId: lead.id,
      reason: 'x',
    })
    expect(short.statusCode).toBe(400)
    const returned: Doc = (
      await o.clients.head.post(`/api/documents-in/${doc.id}/return`, {
        assignmentId: lead.id,
        reason: 'Không thuộc chức năng của Ban A',
      })
    ).json()
    expect(returned.state).toBe('submitted')
    expect(byRole(returned, 'lead').state).toBe('returned')
    expect(returned.assignments.filter((a) => a.role === 'review' && a.state === 'pending')).toEqual([
      expect.objectContaining({ assigneeUserId: o.people.leader.id }),
    ])
    expect(await kindsFor(o.people.leader.id)).toContain('documentIn.returned')
    const again = await o.clients.leader.post(`/api/documents-in/${doc.id}/assign`, {
      directive: 'Ban B chủ trì',
      lead: { unitId: o.units.unitB.id },
    })
    expect(again.json().state).toBe('assigned')
  })

  it('refuses a deadline in the past and a transition from the wrong state', async () => {
    const o = await office(t)
    const doc = await registerDocument(o)
    await o.clients.clerk.post(`/api/documents-in/${doc.id}/submit`, { leaderId: o.people.leader.id })
    const past = await o.clients.leader.post(`/api/documents-in/${doc.id}/assign`, {
      directive: 'Xử lý',
      lead: { userId: o.people.specialist.id, deadline: { date: '2000-01-01' } },
    })
    expect(past.statusCode).toBe(400)
    expect(past.json().error.details).toEqual([expect.objectContaining({ path: 'lead.deadline' })])
    const twice = await o.clients.clerk.post(`/api/documents-in/${doc.id}/submit`, {
      leaderId: o.people.leader.id,
    })
    expect(twice.statusCode).toBe(403)
    const notLeader = await o.clients.clerk.post(`/api/documents-in/${doc.id}/assign`, {
      directive: 'Xử lý',
      lead: { userId: o.people.specialist.id },
    })
    expect(notLeader.statusCode).toBe(403)
  })
})

describe('files of a document', () => {
  it('are readable by whoever sees the document, and by nobody else', async () => {
    const o = await office(t)
    const fileId = await uploadPdf(o.clients.clerk)
    const doc = await registerDocument(o, { fileIds: [fileId] })
    expect((await o.clients.specialist.get(`/api/files/${fileId}`)).statusCode).toBe(404)
    expect((await o.clients.focal.get(`/api/files/${fileId}`)).statusCode).toBe(404)
    await o.clients.clerk.post(`/api/documents-in/${doc.id}/submit`, { leaderId: o.people.leader.id })
    await o.clients.leader.post(`/api/documents-in/${doc.id}/assign`, {
      directive: 'Xử lý',
      lead: { unitId: o.units.unitA.id },
      information: [{ userId: o.people.focal.id }],
    })
    expect((await o.clients.specialist.get(`/api/files/${fileId}`)).statusCode).toBe(200)
    expect((await o.clients.focal.get(`/api/files/${fileId}/content`)).statusCode).toBe(200)
    expect((await o.clients.other.get(`/api/files/${fileId}`)).statusCode).toBe(404)
    const stranger = await office(t)
    expect((await stranger.clients.leader.get(`/api/files/${fileId}`)).statusCode).toBe(404)
  })
})
