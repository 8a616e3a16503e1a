/** Deadline reminders: due soon, overdue, once a day, again the next day, never for finished work; late hand-over. */
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifications } from '../../../platform/db/schema.ts'
import { TEST_PASSWORD } from '../../../test/factories.ts'
import { buildTestApp, signIn, type TestApp } from '../../../test/harness.ts'
import { assignedDocument, office, registerDocument, type Office } from '../documents-in.test-support.ts'
import { REMINDER_KINDS, runDeadlineReminders } from './index.ts'

// A week without holidays: Monday 2 March 2026 to Monday 9 March 2026 (Viet Nam time = UTC+7).
let now = new Date('2026-03-02T02:00:00Z') // Monday 09:00
const at = (iso: string) => (now = new Date(iso))

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
})
afterAll(async () => t.close())

const run = () => runDeadlineReminders({ database: t.database, clock: () => now })

type Notice = { kind: string; data: Record<string, unknown>; eventId: number }
async function noticesOf(userId: string): Promise<Notice[]> {
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), inArray(notifications.kind, Object.values(REMINDER_KINDS))))
  return rows.map((r) => ({ kind: r.kind, data: r.data as Record<string, unknown>, eventId: r.eventId }))
}
const summary = (list: Notice[]) => list.map((n) => `${n.kind}@${String(n.data.date)}`).sort()

describe('deadline reminders', () => {
  let o: Office
  let doc: Awaited<ReturnType<typeof assignedDocument>>
  let idle: Awaited<ReturnType<typeof registerDocument>>

  it('nothing is due on the day of assignment', async () => {
    at('2026-03-02T02:00:00Z')
    o = await office(t)
    // Lead: unit A, 5 working days (Monday 9 March); cooperating: `other`, 3 working days (Thursday 5 March).
    doc = await assignedDocument(o)
    idle = await registerDocument(o) // registered Monday, never submitted
    const byRole = (role: string) => doc.assignments.find((a) => a.role === role)!
    expect(byRole('lead').dueDate).toBe('2026-03-09')
    expect(byRole('cooperating').dueDate).toBe('2026-03-05')
    await run()
    for (const p of Object.values(o.people)) expect(await noticesOf(p.id)).toEqual([])
  })

  it('Tuesday: the hand-over is not late yet (same day or the next working day)', async () => {
    at('2026-03-03T00:30:00Z')
    await run()
    expect(await noticesOf(o.people.clerk.id)).toEqual([])
  })

  it('Wednesday: due soon for the cooperating person; hand-over late for the clerk; once only', async () => {
    at('2026-03-04T00:30:00Z') // 07:30 in Viet Nam
    await run()
    const other = await noticesOf(o.people.other.id)
    expect(other).toHaveLength(1)
    expect(other[0]).toMatchObject({
      kind: 'documentIn.dueSoon',
      data: {
        documentId: doc.id,
        subject: doc.subject,
        registerNumber: doc.registerNumber,
        dueDate: '2026-03-05',
        date: '2026-03-04',
      },
    })
    expect(other[0]!.eventId).toBeLessThan(0)
    const clerk = await noticesOf(o.people.clerk.id)
    expect(clerk).toHaveLength(1)
    expect(clerk[0]).toMatchObject({
      kind: 'documentIn.handoverLate',
      data: { documentId: idle.id, registerNumber: idle.registerNumber, date: '2026-03-04' },
    })
    // The lead unit's deadline (Monday) is still far; information recipients are never reminded.
    expect(await noticesOf(o.people.head.id)).toEqual([])
    expect(await noticesOf(o.people.focal.id)).toEqual([])

    // Not twice on the same day, even when runs overlap.
    at('2026-03-04T09:00:00Z')
    await Promise.all([run(), run()])
    expect(await noticesOf(o.people.other.id)).toHaveLength(1)
    expect(await noticesOf(o.people.clerk.id)).toHaveLength(1)
  })

  it('Friday: overdue for the cooperating person, due soon for the lead unit heads, hand-over late again', async () => {
    at('2026-03-06T00:30:00Z')
    await run()
    await run()
    expect(summary(await noticesOf(o.people.other.id))).toEqual([
      'documentIn.dueSoon@2026-03-04',
      'documentIn.overdue@2026-03-06',
    ])
    // The lead is a unit: its head is reminded (Monday is the next working day after Friday).
    expect(summary(await noticesOf(o.people.head.id))).toEqual(['documentIn.dueSoon@2026-03-06'])
    expect((await noticesOf(o.people.specialist.id)).length).toBe(0)
    expect(summary(await noticesOf(o.people.clerk.id))).toEqual([
      'documentIn.handoverLate@2026-03-04',
      'documentIn.handoverLate@2026-03-06',
    ])
  })

  it('completed assignments and submitted documents are never reminded', async () => {
    at('2026-03-06T03:00:00Z')
    const cooperating = doc.assignments.find((a) => a.role === 'cooperating')!
    // Days went by: sessions have expired, sign in again.
    const other = await signIn(t.app, o.people.other.username, TEST_PASSWORD)
    const clerk = await signIn(t.app, o.people.clerk.username, TEST_PASSWORD)
    const done = await other.post(`/api/documents-in/${doc.id}/complete`, {
      assignmentId: cooperating.id,
      result: 'Đã góp ý',
    })
    expect(done.statusCode, done.body).toBe(200)
    const submitted = await clerk.post(`/api/documents-in/${idle.id}/submit`, {
      leaderId: o.people.leader.id,
    })
    expect(submitted.statusCode, submitted.body).toBe(200)

    at('2026-03-09T00:30:00Z') // Monday
    await run()
    expect(summary(await noticesOf(o.people.other.id))).toEqual([
      'documentIn.dueSoon@2026-03-04',
      'documentIn.overdue@2026-03-06',
    ])
    expect(summary(await noticesOf(o.people.clerk.id))).toEqual([
      'documentIn.handoverLate@2026-03-04',
      'documentIn.handoverLate@2026-03-06',
    ])
    // The lead is still open: due today, so due soon again on the new day.
    expect(summary(await noticesOf(o.people.head.id))).toEqual([
      'documentIn.dueSoon@2026-03-06',
      'documentIn.dueSoon@2026-03-09',
    ])
  })
})
