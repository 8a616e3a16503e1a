/** Who sees which incoming document (each rule, detail and list alike), and the inbox tabs and counts. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assignments } from '../../platform/db/schema.ts'
import type { Client } from '../../test/harness.ts'
import { buildTestApp, type TestApp } from '../../test/harness.ts'
import { assignedDocument, office, registerDocument, type Office } from './documents-in.test-support.ts'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

async function sees(client: Client, id: string): Promise<boolean> {
  const detail = await client.get(`/api/documents-in/${id}`)
  const list = (await client.get('/api/documents-in?pageSize=200')).json()
  const inList = list.items.some((r: { id: string }) => r.id === id)
  // Detail and list answer alike: policy.canSeeDocument and queries.visibleScope agree.
  expect(inList, `list and detail disagree (${detail.statusCode})`).toBe(detail.statusCode === 200)
  if (detail.statusCode !== 200) expect(detail.statusCode).toBe(404)
  return detail.statusCode === 200
}

describe('visibility', () => {
  let o: Office
  let registered: { id: string }
  let assigned: { id: string }
  beforeAll(async () => {
    o = await office(t)
    registered = await registerDocument(o)
    assigned = await assignedDocument(o)
  })

  it('(a) the registering unit sees its registrations; other units do not', async () => {
    expect(await sees(o.clients.clerk, registered.id)).toBe(true)
    expect(await sees(o.clients.specialist, registered.id)).toBe(false)
    expect(await sees(o.clients.other, registered.id)).toBe(false)
  })

  it('(b) assignees see it, as persons (any role) or as staff of the assigned unit', async () => {
    expect(await sees(o.clients.head, assigned.id)).toBe(true)
    expect(await sees(o.clients.specialist, assigned.id)).toBe(true)
    expect(await sees(o.clients.other, assigned.id)).toBe(true)
  })

  it('(c) a leader of the organization sees everything, a leader of another does not', async () => {
    expect(await sees(o.clients.leader, registered.id)).toBe(true)
    expect(await sees(o.clients.leader, assigned.id)).toBe(true)
    const elsewhere = await office(t)
    expect(await sees(elsewhere.clients.leader, registered.id)).toBe(false)
  })

  it('(d) administrators do not see documents; a focal point sees only what is assigned to them', async () => {
    expect(await sees(o.clients.admin, registered.id)).toBe(false)
    expect(await sees(o.clients.admin, assigned.id)).toBe(false)
    expect(await sees(o.clients.focal, registered.id)).toBe(false)
    expect(await sees(o.clients.focal, assigned.id)).toBe(true)
    const page = (await o.clients.focal.get('/api/documents-in')).json()
    expect(page.items.map((r: { id: string }) => r.id)).toEqual([assigned.id])
  })

  it('filters the list by text without diacritics, number, state and urgency', async () => {
    const flash = await registerDocument(o, {
      subject: 'Về việc ứng phó hạn hán, xâm nhập mặn',
      numberAndNotation: '88/ UBND-KT',
      urgency: 'flash',
    })
    const ids = async (q: string) =>
      ((await o.clients.clerk.get(`/api/documents-in?${q}`)).json().items as { id: string }[]).map(
        (r) => r.id,
      )
    expect(await ids('q=xam%20nhap%20man')).toEqual([flash.id])
    expect(await ids('q=88%2Fubnd')).toEqual([flash.id])
    expect(await ids('urgency=flash')).toEqual([flash.id])
    expect(await ids('state=assigned')).toEqual([assigned.id])
    const bad = await o.clients.clerk.get('/api/documents-in?state=lost')
    expect(bad.statusCode).toBe(400)
  })
})

describe('inbox', () => {
  it('sorts by urgency then deadline, splits tabs, counts in one call, and tracks unread', async () => {
    const o = await office(t)
    const normal = await assignedDocument(o)
    const flash = await assignedDocument(o, { urgency: 'flash' })
    const head = o.clients.head
    const tab = async (c: Client, name: string) =>
      (await c.get(`/api/inbox?tab=${name}`)).json().items as {
        id: string
        myRole: string
        isRead: boolean
        isOverdue: boolean
      }[]

    const toProcess = await tab(head, 'to_process')
    expect(toProcess.map((r) => r.id)).toEqual([flash.id, normal.id])
    expect(toProcess[0]).toMatchObject({ myRole: 'lead', isRead: false, isOverdue: false })
    expect(await tab(o.clients.focal, 'information')).toHaveLength(2)
    expect(await tab(o.clients.focal, 'to_process')).toEqual([])
    expect((await head.get('/api/inbox/counts')).json()).toEqual({
      to_process: 2,
      in_progress: 0,
      done: 0,
      overdue: 0,
      information: 0,
      unread: 2,
    })

    await head.get(`/api/documents-in/${normal.id}`)
    const leadOfNormal = normal.assignments.find((a) => a.role === 'lead')!
    await head.post(`/api/documents-in/${normal.id}/start`, { assignmentId: leadOfNormal.id })
    // A deadline that passed yesterday: overdue (set directly, since the API refuses past deadlines).
    await t.database.db
      .update(assignments)
      .set({ dueDate: '2020-01-01' })
      .where(eq(assignments.id, leadOfNormal.id))
    expect((await head.get('/api/inbox/counts')).json()).toEqual({
      to_process: 1,
      in_progress: 1,
      done: 0,
      overdue: 1,
      information: 0,
      unread: 1,
    })
    const overdue = await tab(head, 'overdue')
    expect(overdue).toEqual([expect.objectContaining({ id: normal.id, isOverdue: true, isRead: true })])
    // The deadline filter runs on the server, over the whole tab.
    expect((await tab(head, 'in_progress&due=today')).map((r) => r.id)).toEqual([normal.id])
    expect(await tab(head, 'in_progress&due=none')).toEqual([])
    expect((await head.get('/api/inbox?due=soon')).statusCode).toBe(400)

    await head.post(`/api/documents-in/${normal.id}/complete`, {
      assignmentId: leadOfNormal.id,
      result: 'Ban A đã xử lý xong',
    })
    expect((await tab(head, 'done')).map((r) => r.id)).toEqual([normal.id])
    expect((await head.get('/api/inbox/counts')).json()).toMatchObject({
      in_progress: 0,
      done: 1,
      overdue: 0,
    })
    expect((await o.clients.specialist.get('/api/inbox/counts')).json()).toMatchObject({
      to_process: 0,
      unread: 0,
    })
    const filtered = await head.get(`/api/inbox?tab=to_process&urgency=normal`)
    expect(filtered.json().items).toEqual([])
  })
})
